import http from 'node:http';

/**
 * A local HTTP server speaking the OpenAI chat-completions protocol, for tests of anything that calls the AI.
 *
 *   const ai = await startFakeOpenAiServer();
 *   ai.script(jsonReply({ code: 'print(1)' }), errorReply(429, { retryAfter: 1 }));
 *   // point the client at ai.url (ends in /v1), then look at ai.requests
 *   await ai.close();
 *
 * Replies are taken from the scripted queue in order; when it is empty the handler (`ai.handle(fn)`) answers, and
 * without one the server answers 500 "no scripted reply" (so a test that makes more calls than it scripted fails).
 * With `rejectJsonSchema` it answers 400 to any `response_format: json_schema`, like servers that only know
 * `json_object`, without using up a scripted reply; with `rejectMaxTokens` it answers 400 to any `max_tokens`, like
 * OpenAI's newer models.
 */

/** One chat-completions request as the server received it. */
export interface RecordedRequest {
  method: string;
  /** The path without the query string, e.g. `/v1/chat/completions`. */
  path: string;
  query: Record<string, string>;
  /** Lower-cased header names. */
  headers: http.IncomingHttpHeaders;
  /** The parsed JSON body (model, messages, response_format, max_tokens, ...). */
  body: ChatCompletionBody;
}

/** The fields of a chat-completions body the tests look at; anything else is kept as sent. */
export interface ChatCompletionBody {
  model?: string;
  messages?: Array<{ role: string; content: string }>;
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
  max_tokens?: number;
  [field: string]: unknown;
}

/** What the server answers to one request. */
export interface FakeReply {
  /** HTTP status; 200 by default. */
  status?: number;
  headers?: Record<string, string>;
  /** The assistant message content of a 200 answer. */
  content?: string;
  /** `stop` by default; `length` says the answer was cut at max_tokens. */
  finishReason?: 'stop' | 'length' | 'content_filter';
  /** Token counts; by default about one token per four characters of the request and the answer. */
  usage?: { prompt_tokens: number; completion_tokens: number };
  /** The raw JSON body instead of a chat completion (for error answers). */
  body?: unknown;
  /** Wait this long before answering (to trigger the client's timeout). */
  delayMs?: number;
  /** Close the connection without answering. */
  hangUp?: boolean;
}

/** Answers a request when the scripted queue is empty. */
export type FakeHandler = (request: RecordedRequest) => FakeReply | Promise<FakeReply>;

export interface FakeOpenAiServer {
  /** Base URL to configure the client with, e.g. `http://127.0.0.1:41234/v1`. */
  url: string;
  /** Every request received, in order (including those answered 400 for json_schema). */
  requests: RecordedRequest[];
  /** Appends replies to the queue. */
  script(...replies: FakeReply[]): void;
  /** Sets the handler used once the queue is empty. */
  handle(handler: FakeHandler): void;
  /** Whether `response_format: json_schema` is refused with 400 (can be switched during a test). */
  rejectJsonSchema: boolean;
  /** Whether `max_tokens` is refused with 400, as OpenAI's newer models do. */
  rejectMaxTokens: boolean;
  /** The most requests that were being answered at the same moment. */
  readonly maxInFlight: number;
  close(): Promise<void>;
}

export interface FakeOpenAiServerOptions {
  rejectJsonSchema?: boolean;
  rejectMaxTokens?: boolean;
  handler?: FakeHandler;
}

/** A 200 answer whose content is `value` as JSON. */
export function jsonReply(value: unknown, extra: Omit<FakeReply, 'content'> = {}): FakeReply {
  return { ...extra, content: JSON.stringify(value) };
}

/** A 200 answer with `value` as JSON inside a ```json fence and some chatter, as many models write it. */
export function fencedReply(value: unknown, extra: Omit<FakeReply, 'content'> = {}): FakeReply {
  return { ...extra, content: `Here is the answer:\n\n\`\`\`json\n${JSON.stringify(value, null, 2)}\n\`\`\`\n` };
}

/** A 200 answer with any text as content (malformed JSON, prose). */
export function textReply(content: string, extra: Omit<FakeReply, 'content'> = {}): FakeReply {
  return { ...extra, content };
}

/** An error answer in OpenAI's shape; `retryAfter` sets the Retry-After header (seconds, or a string as sent). */
export function errorReply(status: number, options: { retryAfter?: number | string; message?: string } = {}): FakeReply {
  return {
    status,
    headers: options.retryAfter === undefined ? {} : { 'retry-after': String(options.retryAfter) },
    body: { error: { message: options.message ?? `fake error ${status}`, type: status === 429 ? 'rate_limit_exceeded' : 'server_error', param: null, code: null } },
  };
}

const estimateTokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));

function completionBody(request: RecordedRequest, reply: FakeReply, sequence: number): unknown {
  const content = reply.content ?? '';
  const promptText = (request.body.messages ?? []).map((m) => m.content).join('\n');
  const usage = reply.usage ?? { prompt_tokens: estimateTokens(promptText), completion_tokens: estimateTokens(content) };
  return {
    id: `chatcmpl-fake${sequence}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: request.body.model ?? 'fake-model',
    choices: [{ index: 0, message: { role: 'assistant', content }, logprobs: null, finish_reason: reply.finishReason ?? 'stop' }],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  };
}

const MAX_TOKENS_REFUSAL: FakeReply = {
  status: 400,
  body: {
    error: {
      message: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
      type: 'invalid_request_error',
      param: 'max_tokens',
      code: 'unsupported_parameter',
    },
  },
};

const JSON_SCHEMA_REFUSAL: FakeReply = {
  status: 400,
  body: {
    error: {
      message: "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.",
      type: 'invalid_request_error',
      param: 'response_format',
      code: null,
    },
  },
};

const NO_REPLY: FakeReply = { status: 500, body: { error: { message: 'fake server: no scripted reply', type: 'server_error', param: null, code: null } } };

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Starts the fake on 127.0.0.1 at a free port. */
export async function startFakeOpenAiServer(options: FakeOpenAiServerOptions = {}): Promise<FakeOpenAiServer> {
  const queue: FakeReply[] = [];
  const requests: RecordedRequest[] = [];
  let handler = options.handler;
  let inFlight = 0;
  let maxInFlight = 0;
  let sequence = 0;
  const timers = new Set<NodeJS.Timeout>();

  const state = { rejectJsonSchema: options.rejectJsonSchema ?? false, rejectMaxTokens: options.rejectMaxTokens ?? false };

  const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        const url = new URL(req.url ?? '/', 'http://fake');
        if (req.method !== 'POST' || !url.pathname.endsWith('/chat/completions')) {
          send(res, 404, { error: { message: `no route ${req.method} ${url.pathname}`, type: 'invalid_request_error', param: null, code: null } });
          return;
        }
        const raw = await readBody(req);
        let body: ChatCompletionBody;
        try {
          body = JSON.parse(raw) as ChatCompletionBody;
        } catch {
          send(res, 400, { error: { message: 'body is not JSON', type: 'invalid_request_error', param: null, code: null } });
          return;
        }
        const recorded: RecordedRequest = {
          method: req.method,
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          headers: req.headers,
          body,
        };
        requests.push(recorded);
        const reply =
          state.rejectMaxTokens && body.max_tokens !== undefined
            ? MAX_TOKENS_REFUSAL
            : state.rejectJsonSchema && body.response_format?.type === 'json_schema'
              ? JSON_SCHEMA_REFUSAL
              : (queue.shift() ?? (handler ? await handler(recorded) : NO_REPLY));
        if (reply.delayMs) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(() => {
              timers.delete(timer);
              resolve();
            }, reply.delayMs);
            timers.add(timer);
            res.on('close', () => {
              clearTimeout(timer);
              timers.delete(timer);
              resolve();
            });
          });
        }
        if (reply.hangUp) {
          req.socket.destroy();
          return;
        }
        const status = reply.status ?? 200;
        sequence++;
        send(res, status, reply.body ?? (status === 200 ? completionBody(recorded, reply, sequence) : {}), reply.headers);
      } finally {
        inFlight--;
      }
    })().catch(() => res.destroy());
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fake AI server has no port');

  return {
    url: `http://127.0.0.1:${address.port}/v1`,
    requests,
    script: (...replies) => {
      queue.push(...replies);
    },
    handle: (next) => {
      handler = next;
    },
    get rejectJsonSchema() {
      return state.rejectJsonSchema;
    },
    set rejectJsonSchema(value: boolean) {
      state.rejectJsonSchema = value;
    },
    get rejectMaxTokens() {
      return state.rejectMaxTokens;
    },
    set rejectMaxTokens(value: boolean) {
      state.rejectMaxTokens = value;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
