import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AiConfig } from '../../src/config/config.js';
import type { AiRequest } from '../../src/ai/ai-client.js';
import { OpenAiCompatibleClient, type OpenAiCompatibleClientDeps } from '../../src/ai/openai-compatible-client.js';
import { createAiClient } from '../../src/ai/create-ai-client.js';
import { aiUsageRepository } from '../../src/db/repositories/ai-usage.repository.js';
import { plansRepository } from '../../src/db/repositories/plans.repository.js';
import { usersRepository } from '../../src/db/repositories/users.repository.js';
import { AppError } from '../../src/errors.js';
import { manualClock } from '../helpers/clock.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/databases.js';
import { errorReply, fencedReply, jsonReply, startFakeOpenAiServer, textReply, type FakeOpenAiServer } from './fake-openai-server.js';

const API_KEY = 'sk-test-secret-0123456789abcdef';
const draftSchema = z.object({ code: z.string(), language: z.enum(['python', 'c']) });
const draft = { code: 'print(42)', language: 'python' as const };

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe.each(testDialects())('OpenAI-compatible client on %s', (dialect) => {
  let database: TestDatabase;
  let server: FakeOpenAiServer;
  let sleeps: number[];
  let userId: string;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await database.dispose();
  });
  beforeEach(async () => {
    server = await startFakeOpenAiServer();
    sleeps = [];
    userId = randomUUID();
    const now = new Date().toISOString();
    await usersRepository(database.handle.db).create({
      id: userId,
      email: `${userId}@example.com`,
      display_name: 'Ana',
      password_hash: null,
      role: 'student',
      disabled_at: null,
      created_at: now,
      updated_at: now,
    });
  });
  afterEach(async () => {
    await server.close();
  });

  function client(config: Partial<AiConfig> = {}, deps: Partial<OpenAiCompatibleClientDeps> = {}) {
    const ai: AiConfig = {
      baseUrl: server.url,
      apiKey: API_KEY,
      model: 'test-model',
      apiVersion: undefined,
      timeoutMs: 5_000,
      maxConcurrency: 4,
      contextTokens: 8192,
      maxOutputTokens: 256,
      priceInputPerMTok: 2,
      priceOutputPerMTok: 10,
      dailyTokens: 100_000,
      ...config,
    };
    return new OpenAiCompatibleClient(ai, {
      db: database.handle.db,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0.5,
      ...deps,
    });
  }

  function ask(overrides: Partial<AiRequest<z.infer<typeof draftSchema>>> = {}): AiRequest<z.infer<typeof draftSchema>> {
    return {
      feature: 'draft_code',
      userId,
      schemaName: 'draft_code',
      schema: draftSchema,
      system: 'Write the program the task asks for.',
      user: `Task ${randomUUID()}: print 42`,
      ...overrides,
    };
  }

  const usageRows = () => aiUsageRepository(database.handle.db).listForUser(userId, '2000-01-01');

  it('asks for structured output with the JSON schema and returns the validated answer', async () => {
    server.script(jsonReply(draft, { usage: { prompt_tokens: 1000, completion_tokens: 100 } }));
    const result = await client().complete(ask());
    expect(result).toEqual({ value: draft, cached: false, usage: { promptTokens: 1000, completionTokens: 100 } });
    const sent = server.requests[0]!;
    expect(sent.path).toBe('/v1/chat/completions');
    expect(sent.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(sent.body).toMatchObject({
      model: 'test-model',
      max_tokens: 256,
      messages: [
        { role: 'system', content: 'Write the program the task asks for.' },
        { role: 'user', content: expect.stringMatching(/^Task /) },
      ],
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'draft_code', strict: true, schema: { type: 'object', required: ['code', 'language'], additionalProperties: false } },
      },
    });
    // 1,000 tokens at $2/M + 100 at $10/M = $0.003.
    expect(await usageRows()).toEqual([
      expect.objectContaining({ feature: 'draft_code', calls: 1, prompt_tokens: 1000, completion_tokens: 100, cost_microusd: 3000 }),
    ]);
  });

  it('reads an answer wrapped in a ```json fence', async () => {
    server.script(fencedReply(draft));
    expect((await client().complete(ask())).value).toEqual(draft);
  });

  it('repairs malformed JSON once, showing the model what was wrong, and counts both calls', async () => {
    server.script(textReply('{"code": "print(42)", "language": "python"'), jsonReply(draft));
    expect((await client().complete(ask())).value).toEqual(draft);
    expect(server.requests).toHaveLength(2);
    const repair = server.requests[1]!.body.messages!;
    expect(repair.slice(2)).toEqual([
      { role: 'assistant', content: '{"code": "print(42)", "language": "python"' },
      { role: 'user', content: expect.stringContaining('not valid JSON') },
    ]);
    expect((await usageRows())[0]?.calls).toBe(2);
  });

  it('gives up with ai-bad-output when the repaired answer still breaks the schema, and still counts the tokens', async () => {
    server.script(jsonReply({ code: 1, language: 'rust' }), jsonReply({ code: 'x', language: 'rust' }));
    const error = await failure(client().complete(ask()));
    expect(error).toMatchObject({ status: 502, type: 'ai-bad-output' });
    expect(error.message).toMatch(/language/);
    expect(server.requests[1]!.body.messages!.at(-1)!.content).toMatch(/at code[\s\S]*at language|at language[\s\S]*at code/);
    expect((await usageRows())[0]?.calls).toBe(2);
  });

  it('waits as long as Retry-After says on 429 (seconds or a date, capped) and then succeeds', async () => {
    const clock = manualClock(new Date('2026-03-01T08:00:00.000Z'));
    server.script(
      errorReply(429, { retryAfter: 2 }),
      errorReply(503, { retryAfter: 'Sun, 01 Mar 2026 08:00:05 GMT' }),
      errorReply(429, { retryAfter: 3600 }),
      jsonReply(draft),
    );
    const result = await client({}, { clock: clock.now, policy: { maxAttempts: 4, retryAfterCapMs: 30_000 } }).complete(ask());
    expect(result.value).toEqual(draft);
    expect(sleeps).toEqual([2000, 5000, 30_000]);
    expect(server.requests).toHaveLength(4);
  });

  it('retries 5xx with full jitter and answers ai-unavailable after the last attempt, without the key in the detail', async () => {
    server.script(errorReply(500), errorReply(502), errorReply(500, { message: `upstream rejected ${API_KEY}` }));
    const error = await failure(client().complete(ask()));
    expect(error).toMatchObject({ status: 503, type: 'ai-unavailable' });
    expect(error.message).toMatch(/failed 3 times: HTTP 500/);
    // random() = 0.5 of a window of 500 ms, then 1,000 ms.
    expect(sleeps).toEqual([250, 500]);
    expect(await usageRows()).toEqual([]);
  });

  it('retries after a 500 and succeeds', async () => {
    server.script(errorReply(500), jsonReply(draft));
    expect((await client().complete(ask())).value).toEqual(draft);
    expect(server.requests).toHaveLength(2);
  });

  it('abandons an attempt that outlasts the timeout and tries again', async () => {
    server.script(jsonReply(draft, { delayMs: 10_000 }), jsonReply(draft));
    const result = await client({ timeoutMs: 300 }).complete(ask());
    expect(result.value).toEqual(draft);
    expect(server.requests).toHaveLength(2);
  });

  it('gives up with ai-unavailable when the whole call outlasts its overall time', async () => {
    server.handle(() => jsonReply(draft, { delayMs: 10_000 }));
    const error = await failure(client({ timeoutMs: 5_000 }, { policy: { totalTimeoutMs: 300 } }).complete(ask()));
    expect(error).toMatchObject({ status: 503, type: 'ai-unavailable' });
    expect(error.message).toMatch(/no usable answer within 1 s/);
    expect(server.requests).toHaveLength(1);
  });

  it('tries again when the connection drops without an answer', async () => {
    server.script({ hangUp: true }, jsonReply(draft));
    expect((await client().complete(ask())).value).toEqual(draft);
  });

  it('asks again with twice the room when the answer was cut off, then gives up on a second cut', async () => {
    server.script(textReply('{"code": "print(', { finishReason: 'length' }), jsonReply(draft));
    expect((await client().complete(ask())).value).toEqual(draft);
    expect(server.requests.map((r) => r.body.max_tokens)).toEqual([256, 512]);

    server.script(textReply('{"co', { finishReason: 'length' }), textReply('{"code": "pr', { finishReason: 'length' }));
    const error = await failure(client().complete(ask()));
    expect(error).toMatchObject({ type: 'ai-bad-output' });
    expect(error.message).toMatch(/cut off at 512 tokens/);
  });

  it('falls back to json_object with the schema in the system message where json_schema is refused, and remembers', async () => {
    server.rejectJsonSchema = true;
    server.script(jsonReply(draft), jsonReply(draft));
    const ai = client();
    expect((await ai.complete(ask())).value).toEqual(draft);
    expect(server.requests.map((r) => r.body.response_format?.type)).toEqual(['json_schema', 'json_object']);
    const system = server.requests[1]!.body.messages![0]!.content;
    expect(system).toContain('Write the program the task asks for.');
    expect(system).toContain('"enum":["python","c"]');
    await ai.complete(ask());
    expect(server.requests.map((r) => r.body.response_format?.type)).toEqual(['json_schema', 'json_object', 'json_object']);
  });

  it('sends max_completion_tokens where the model refuses max_tokens, and remembers', async () => {
    server.rejectMaxTokens = true;
    server.script(jsonReply(draft), jsonReply(draft));
    const ai = client();
    expect((await ai.complete(ask())).value).toEqual(draft);
    await ai.complete(ask());
    const limits = server.requests.map((r) => [r.body.max_tokens, r.body.max_completion_tokens]);
    expect(limits).toEqual([[expect.any(Number), undefined], [undefined, expect.any(Number)], [undefined, expect.any(Number)]]);
    expect((await usageRows())[0]?.calls).toBe(2);
  });

  it('answers a repeated request from the cache without a call or a cost', async () => {
    server.script(jsonReply(draft));
    const request = ask();
    await client().complete(request);
    const again = await client().complete({ ...request, userId: null });
    expect(again).toEqual({ value: draft, cached: true, usage: { promptTokens: 0, completionTokens: 0 } });
    expect(server.requests).toHaveLength(1);
    expect((await usageRows())[0]?.calls).toBe(1);
  });

  it('does not cache an answer that failed validation', async () => {
    server.script(textReply('nope'), textReply('still nope'), jsonReply(draft));
    const request = ask();
    await failure(client().complete(request));
    expect((await client().complete(request)).cached).toBe(false);
    expect(server.requests).toHaveLength(3);
  });

  it("refuses a user over their plan's daily tokens with a 429 until midnight UTC, without calling", async () => {
    const clock = manualClock(new Date('2026-03-01T23:00:00.000Z'));
    const now = clock.now().toISOString();
    const plans = plansRepository(database.handle.db);
    const planId = randomUUID();
    await plans.create({ id: planId, name: `tiny-${planId}`, runs_per_hour: 5, concurrent_runs: 1, storage_mb: 10, ai_tokens_per_day: 1000, created_at: now, updated_at: now });
    await plans.assign(userId, planId, now);
    server.script(jsonReply(draft, { usage: { prompt_tokens: 900, completion_tokens: 100 } }));
    await client({}, { clock: clock.now }).complete(ask());

    const error = await failure(client({}, { clock: clock.now }).complete(ask()));
    expect(error).toMatchObject({ status: 429, type: 'ai-budget-exceeded', extra: { retryAfter: 3600 } });
    expect(server.requests).toHaveLength(1);

    clock.advance(3600_000);
    server.script(jsonReply(draft));
    expect((await client({}, { clock: clock.now }).complete(ask())).value).toEqual(draft);
  });

  it('uses the default daily tokens for a user without a plan, and none for offline calls', async () => {
    server.script(jsonReply(draft), jsonReply(draft));
    const error = await failure(client({ dailyTokens: 0 }).complete(ask()));
    expect(error.type).toBe('ai-budget-exceeded');
    expect(server.requests).toHaveLength(0);
    expect((await client({ dailyTokens: 0 }).complete(ask({ userId: null }))).value).toEqual(draft);
  });

  it('opens the circuit after repeated failures, fails at once while open, and closes after a good trial call', async () => {
    const clock = manualClock();
    const ai = client({}, { clock: clock.now, policy: { maxAttempts: 1, breakerFailures: 2, breakerCoolDownMs: 30_000 } });
    server.script(errorReply(500), errorReply(500));
    await failure(ai.complete(ask()));
    await failure(ai.complete(ask()));
    expect(ai.circuitState).toBe('open');

    const refused = await failure(ai.complete(ask()));
    expect(refused).toMatchObject({ type: 'ai-unavailable' });
    expect(refused.message).toMatch(/pause for 30 s/);
    expect(server.requests).toHaveLength(2);

    clock.advance(30_000);
    server.script(jsonReply(draft));
    expect((await ai.complete(ask())).value).toEqual(draft);
    expect(ai.circuitState).toBe('closed');
  });

  it('keeps at most LABMATE_AI_MAX_CONCURRENCY requests in flight', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    server.handle(async () => {
      await released;
      return jsonReply(draft);
    });
    const ai = client({ maxConcurrency: 2 });
    const all = Promise.all(Array.from({ length: 6 }, () => ai.complete(ask())));
    while (ai.load.queued < 4 || server.requests.length < 2) await new Promise((resolve) => setImmediate(resolve));
    expect(server.requests).toHaveLength(2);
    release();
    const results = await all;
    expect(results.every((r) => r.value.code === draft.code)).toBe(true);
    expect(server.requests).toHaveLength(6);
    expect(server.maxInFlight).toBe(2);
  });

  it("speaks Azure OpenAI: the key in api-key and the api-version query, no bearer token", async () => {
    server.script(jsonReply(draft));
    await client({ apiVersion: '2024-10-21', baseUrl: server.url.replace(/\/v1$/, '/openai/deployments/gpt4o') }).complete(ask());
    const sent = server.requests[0]!;
    expect(sent.path).toBe('/openai/deployments/gpt4o/chat/completions');
    expect(sent.query).toEqual({ 'api-version': '2024-10-21' });
    expect(sent.headers['api-key']).toBe(API_KEY);
    expect(sent.headers.authorization).toBeUndefined();
  });

  it('sends no credentials when no key is configured (Ollama, vLLM, LM Studio)', async () => {
    server.script(jsonReply(draft));
    await client({ apiKey: undefined }).complete(ask());
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
    expect(server.requests[0]!.headers['api-key']).toBeUndefined();
  });

  it('keeps the API key out of the problem when the endpoint refuses it, and does not retry', async () => {
    server.script({ status: 401, body: { error: { message: `Incorrect API key provided: ${API_KEY}.`, type: 'invalid_request_error' } } });
    const error = await failure(client().complete(ask()));
    expect(error).toMatchObject({ status: 503, type: 'ai-unavailable' });
    expect(error.message).toMatch(/HTTP 401/);
    expect(JSON.stringify({ message: error.message, extra: error.extra })).not.toContain(API_KEY);
    expect(server.requests).toHaveLength(1);
  });

  it('never writes the API key to the log, even when the endpoint echoes it', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'trace' }, new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }));
    server.script(
      { status: 400, body: { error: { message: `json_schema is not supported for key ${API_KEY}` } } },
      errorReply(500, { message: `bad key ${API_KEY}` }),
      textReply('not json'),
      jsonReply(draft),
    );
    await client({}, { logger }).complete(ask());
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('\n')).not.toContain(API_KEY);
  });

  it("stops at once with the caller's reason when the caller aborts", async () => {
    server.script(jsonReply(draft, { delayMs: 10_000 }));
    const controller = new AbortController();
    const pending = client().complete(ask({ signal: controller.signal }));
    while (server.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error('user cancelled'));
    await expect(pending).rejects.toThrow('user cancelled');
  });

  it('is built from configuration only when a model is configured', () => {
    expect(createAiClient({ ai: undefined }, { db: database.handle.db })).toBeNull();
    const config: AiConfig = {
      baseUrl: server.url,
      apiKey: undefined,
      model: 'm',
      apiVersion: undefined,
      timeoutMs: 1000,
      maxConcurrency: 1,
      contextTokens: 4096,
      maxOutputTokens: 100,
      priceInputPerMTok: 0,
      priceOutputPerMTok: 0,
      dailyTokens: 1,
    };
    const ai = createAiClient({ ai: config }, { db: database.handle.db });
    expect(ai).toMatchObject({ model: 'm', contextTokens: 4096 });
  });
});
