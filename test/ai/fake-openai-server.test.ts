import { afterEach, describe, expect, it } from 'vitest';
import { errorReply, fencedReply, jsonReply, startFakeOpenAiServer, type FakeOpenAiServer } from './fake-openai-server.js';

let server: FakeOpenAiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

const request = { model: 'm', messages: [{ role: 'user', content: 'hello there' }] };

describe('fake OpenAI server', () => {
  it('answers scripted replies in order in the chat.completion shape and records each request', async () => {
    server = await startFakeOpenAiServer();
    server.script(jsonReply({ a: 1 }), fencedReply({ b: 2 }, { finishReason: 'length', usage: { prompt_tokens: 7, completion_tokens: 3 } }));
    const first = await post(server.url, request, { authorization: 'Bearer k' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      object: 'chat.completion',
      model: 'm',
      choices: [{ index: 0, message: { role: 'assistant', content: '{"a":1}' }, finish_reason: 'stop' }],
    });
    const second = await post(server.url, request);
    expect(second.body).toMatchObject({
      choices: [{ finish_reason: 'length', message: { content: expect.stringContaining('```json') } }],
      usage: { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 },
    });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]).toMatchObject({ path: '/v1/chat/completions', headers: { authorization: 'Bearer k' }, body: request });
  });

  it('sends error statuses with Retry-After and answers 500 once the script is used up', async () => {
    server = await startFakeOpenAiServer();
    server.script(errorReply(429, { retryAfter: 2 }));
    const limited = await post(server.url, request);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect((await post(server.url, request)).status).toBe(500);
  });

  it('refuses json_schema with 400 when told to, without using up a scripted reply', async () => {
    server = await startFakeOpenAiServer({ rejectJsonSchema: true });
    server.script(jsonReply({ ok: true }));
    const refused = await post(server.url, { ...request, response_format: { type: 'json_schema', json_schema: { name: 'x', schema: {} } } });
    expect(refused.status).toBe(400);
    const accepted = await post(server.url, { ...request, response_format: { type: 'json_object' } });
    expect(accepted.body).toMatchObject({ choices: [{ message: { content: '{"ok":true}' } }] });
  });

  it('answers from the handler when nothing is scripted', async () => {
    server = await startFakeOpenAiServer({ handler: (req) => jsonReply({ echo: req.body.messages?.[0]?.content }) });
    const answer = await post(server.url, request);
    expect(answer.body).toMatchObject({ choices: [{ message: { content: '{"echo":"hello there"}' } }] });
  });
});
