import { setTimeout as sleepFor } from 'node:timers/promises';
import type { Logger } from 'pino';
import { z } from 'zod';
import { systemClock, type Clock } from '../clock.js';
import type { AiConfig } from '../config/config.js';
import { aiCacheRepository } from '../db/repositories/ai-cache.repository.js';
import { aiUsageRepository } from '../db/repositories/ai-usage.repository.js';
import type { Db } from '../db/repositories/types.js';
import { AppError, errors } from '../errors.js';
import { Semaphore } from '../semaphore.js';
import { assertAiBudget, costMicrousd, utcDay } from './ai-budget.js';
import type { AiClient, AiRequest, AiResult, AiUsage } from './ai-client.js';
import { CircuitBreaker, type CircuitState } from './circuit-breaker.js';
import { readAnswer, validateJson } from './json-answer.js';
import { cacheKey, jsonModeInstructions, responseSchema, type ResponseSchema } from './response-format.js';
import { fullJitterMs, isRetryableStatus, retryAfterMs } from './retry-policy.js';

/** How the client retries, gives up and protects the endpoint; every field has a default. */
export interface AiClientPolicy {
  /** HTTP attempts per exchange on 429, 5xx, network errors and timeouts, the first included. */
  maxAttempts: number;
  /** One `complete` call, retries, repair and all, ends by then. */
  totalTimeoutMs: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  /** A longer Retry-After is cut to this. */
  retryAfterCapMs: number;
  /** Failed exchanges in a row that open the circuit, and how long it stays open. */
  breakerFailures: number;
  breakerCoolDownMs: number;
}

/** What the client needs besides its configuration; `sleep` and `random` let tests see the waits without waiting. */
export interface OpenAiCompatibleClientDeps {
  db: Db;
  clock?: Clock;
  logger?: Logger;
  policy?: Partial<AiClientPolicy>;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
}

const DEFAULT_POLICY: Omit<AiClientPolicy, 'totalTimeoutMs'> = {
  maxAttempts: 3,
  retryBaseDelayMs: 500,
  retryMaxDelayMs: 8_000,
  retryAfterCapMs: 30_000,
  breakerFailures: 5,
  breakerCoolDownMs: 30_000,
};

const ERROR_DETAIL_CHARS = 300;

type TokenLimitField = 'max_tokens' | 'max_completion_tokens';

type Message = { role: 'system' | 'user' | 'assistant'; content: string };

const completionSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullish(), refusal: z.string().nullish() }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number() }).nullish(),
});

/** One answered chat completion. */
interface Reply {
  content: string;
  finishReason: string;
  usage: AiUsage;
  /** OpenAI's structured outputs: the model declined to answer. */
  refusal: string | undefined;
}

/** How one exchange with the endpoint ended, short of an answer. */
type ExchangeFailure = { kind: 'refused'; status: number; message: string } | { kind: 'unavailable'; detail: string };

/** One request's progress: its messages besides the system one, its output budget, and what it has cost so far. */
interface Conversation<T> {
  request: AiRequest<T>;
  schema: ResponseSchema;
  followUps: Message[];
  maxTokens: number;
  usage: AiUsage;
  signal: AbortSignal;
}

/**
 * The AI port over any endpoint speaking OpenAI's POST /chat/completions (OpenAI, Azure OpenAI, Ollama, vLLM,
 * LM Studio, OpenRouter). Structured output through `json_schema`, or `json_object` plus the schema in the system
 * message where the endpoint refuses it; zod validation with one repair request; retries with full jitter honouring
 * Retry-After; a circuit breaker; a concurrency limit; per-user daily budgets; usage and cost per user and feature;
 * validated answers cached in the database.
 */
export class OpenAiCompatibleClient implements AiClient {
  readonly model: string;
  readonly contextTokens: number;
  private jsonSchemaSupported = true;
  /** Newer OpenAI models refuse `max_tokens` and want `max_completion_tokens`; others know only the former. */
  private tokenLimitField: TokenLimitField = 'max_tokens';
  private readonly policy: AiClientPolicy;
  private readonly clock: Clock;
  private readonly slots: Semaphore;
  private readonly breaker: CircuitBreaker;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  private readonly random: () => number;

  constructor(
    private readonly config: AiConfig,
    private readonly deps: OpenAiCompatibleClientDeps,
  ) {
    this.model = config.model;
    this.contextTokens = config.contextTokens;
    this.policy = { ...DEFAULT_POLICY, totalTimeoutMs: config.timeoutMs * 3, ...deps.policy };
    this.clock = deps.clock ?? systemClock;
    this.slots = new Semaphore(config.maxConcurrency);
    this.breaker = new CircuitBreaker({ failureThreshold: this.policy.breakerFailures, coolDownMs: this.policy.breakerCoolDownMs, clock: this.clock });
    this.sleep = deps.sleep ?? ((ms, signal) => sleepFor(ms, undefined, { signal }));
    this.random = deps.random ?? Math.random;
  }

  /** Whether the endpoint is being given a rest after repeated failures (calls fail at once until it half-opens). */
  get circuitState(): CircuitState {
    return this.breaker.state;
  }

  /** HTTP requests in flight and waiting for a slot under LABMATE_AI_MAX_CONCURRENCY. */
  get load(): { running: number; queued: number } {
    return this.slots.load;
  }

  async complete<T>(request: AiRequest<T>): Promise<AiResult<T>> {
    const schema = responseSchema(request.schema);
    const key = cacheKey({ model: this.model, schemaName: request.schemaName, schema, system: request.system, user: request.user });
    const cache = aiCacheRepository(this.deps.db);
    const hit = await cache.find(key);
    if (hit) {
      const reading = validateJson(JSON.parse(hit.response) as unknown, request.schema);
      if (reading.ok) return { value: reading.value, cached: true, usage: { promptTokens: 0, completionTokens: 0 } };
    }

    const deadline = AbortSignal.timeout(this.policy.totalTimeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, deadline]) : deadline;
    const conversation: Conversation<T> = {
      request,
      schema,
      followUps: [],
      maxTokens: request.maxOutputTokens ?? this.config.maxOutputTokens,
      usage: { promptTokens: 0, completionTokens: 0 },
      signal,
    };
    try {
      const { value, json } = await this.converse(conversation);
      await cache.store({
        key,
        model: this.model,
        feature: request.feature,
        response: JSON.stringify(json),
        prompt_tokens: conversation.usage.promptTokens,
        completion_tokens: conversation.usage.completionTokens,
        user_id: request.userId,
        created_at: this.clock().toISOString(),
      });
      return { value, cached: false, usage: conversation.usage };
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason;
      if (deadline.aborted && !(error instanceof AppError)) {
        throw errors.aiUnavailable(`The AI model gave no usable answer within ${Math.ceil(this.policy.totalTimeoutMs / 1000)} s.`);
      }
      throw error;
    }
  }

  /** Asks until the answer is whole and valid: one retry with more room when cut off, one repair when invalid. */
  private async converse<T>(conversation: Conversation<T>): Promise<{ value: T; json: unknown }> {
    const { request } = conversation;
    let extended = false;
    let repaired = false;
    for (;;) {
      const reply = await this.exchange(conversation);
      if (reply.finishReason === 'length') {
        if (extended) throw errors.aiBadOutput(`The AI model's answer was cut off at ${conversation.maxTokens} tokens.`);
        extended = true;
        conversation.maxTokens = Math.min(conversation.maxTokens * 2, this.contextTokens);
        continue;
      }
      const reading = readAnswer(reply.content, request.schema);
      if (reading.ok) return reading;
      if (repaired) throw errors.aiBadOutput(`The AI model's answer was unusable twice for ${request.schemaName}: ${reading.problem}`);
      repaired = true;
      this.deps.logger?.warn({ feature: request.feature, schema: request.schemaName, problem: reading.problem }, 'AI answer invalid; asking for a repair');
      conversation.followUps.push(
        { role: 'assistant', content: reply.content },
        {
          role: 'user',
          content: `Your answer could not be used: ${reading.problem}\nReply again with only the corrected JSON object, matching the schema exactly.`,
        },
      );
    }
  }

  /** One paid request (budget checked, usage recorded), in json_schema mode unless the endpoint refused it. */
  private async exchange<T>(conversation: Conversation<T>): Promise<Reply> {
    const { request } = conversation;
    await assertAiBudget({ db: this.deps.db, clock: this.clock }, request.userId, this.config.dailyTokens);
    let jsonSchemaMode = this.jsonSchemaSupported;
    let tokenLimitField = this.tokenLimitField;
    for (;;) {
      const outcome = await this.send(this.body(conversation, jsonSchemaMode, tokenLimitField), conversation.signal);
      if (!('content' in outcome)) {
        if (outcome.kind === 'refused' && outcome.status === 400 && tokenLimitField === 'max_tokens' && outcome.message.includes('max_completion_tokens')) {
          this.deps.logger?.warn({ message: outcome.message }, 'AI endpoint refused max_tokens; trying max_completion_tokens');
          tokenLimitField = 'max_completion_tokens';
          continue;
        }
        if (outcome.kind === 'refused' && outcome.status === 400 && jsonSchemaMode) {
          // Servers without structured outputs refuse response_format json_schema; json_object mode works on them.
          this.deps.logger?.warn({ message: outcome.message }, 'AI endpoint refused json_schema; trying json_object');
          jsonSchemaMode = false;
          continue;
        }
        if (outcome.kind === 'refused') throw errors.aiUnavailable(`The AI endpoint refused the request (HTTP ${outcome.status}): ${outcome.message}`);
        throw errors.aiUnavailable(outcome.detail);
      }
      // Remembered only once json_object worked, so a 400 for another reason does not switch modes for good.
      if (!jsonSchemaMode) this.jsonSchemaSupported = false;
      this.tokenLimitField = tokenLimitField;
      await this.recordUsage(request, outcome.usage);
      conversation.usage.promptTokens += outcome.usage.promptTokens;
      conversation.usage.completionTokens += outcome.usage.completionTokens;
      if (outcome.refusal) throw errors.aiBadOutput(`The AI model declined: ${this.redact(outcome.refusal).slice(0, ERROR_DETAIL_CHARS)}`);
      return outcome;
    }
  }

  private body<T>(conversation: Conversation<T>, jsonSchemaMode: boolean, tokenLimitField: TokenLimitField): Record<string, unknown> {
    const { request, schema } = conversation;
    const system = jsonSchemaMode ? request.system : `${request.system}\n\n${jsonModeInstructions(schema)}`;
    const messages: Message[] = [{ role: 'system', content: system }, { role: 'user', content: request.user }, ...conversation.followUps];
    return {
      model: this.model,
      messages,
      [tokenLimitField]: conversation.maxTokens,
      response_format: jsonSchemaMode
        ? { type: 'json_schema', json_schema: { name: request.schemaName, strict: schema.strict, schema: schema.schema } }
        : { type: 'json_object' },
    };
  }

  /** POSTs with retries on 429, 5xx, network errors and timeouts, through the circuit breaker and the concurrency limit. */
  private async send(body: Record<string, unknown>, signal: AbortSignal): Promise<Reply | ExchangeFailure> {
    if (!this.breaker.tryAcquire()) {
      return { kind: 'unavailable', detail: `The AI endpoint is failing; calls pause for ${Math.ceil(this.breaker.retryInMs / 1000)} s before trying it again.` };
    }
    let failure = '';
    try {
      for (let attempt = 1; attempt <= this.policy.maxAttempts; attempt++) {
        const outcome = await this.slots.run(() => this.attempt(body, signal), signal);
        if (outcome.kind === 'answered') {
          this.breaker.recordSuccess();
          return outcome.reply;
        }
        if (outcome.kind === 'refused') {
          this.breaker.release();
          return outcome;
        }
        failure = outcome.detail;
        if (attempt === this.policy.maxAttempts) break;
        const waitMs = outcome.retryAfterMs !== undefined
          ? Math.min(outcome.retryAfterMs, this.policy.retryAfterCapMs)
          : fullJitterMs(attempt, this.policy.retryBaseDelayMs, this.policy.retryMaxDelayMs, this.random);
        this.deps.logger?.warn({ attempt, waitMs, failure }, 'AI call failed; retrying');
        await this.sleep(waitMs, signal);
      }
    } catch (error) {
      // Cancelled or out of time: says nothing about the endpoint's health.
      this.breaker.release();
      throw error;
    }
    this.breaker.recordFailure();
    return { kind: 'unavailable', detail: `The AI endpoint failed ${this.policy.maxAttempts} times: ${failure}.` };
  }

  /** One HTTP attempt within its own timeout. */
  private async attempt(
    body: Record<string, unknown>,
    signal: AbortSignal,
  ): Promise<{ kind: 'answered'; reply: Reply } | { kind: 'refused'; status: number; message: string } | { kind: 'retry'; detail: string; retryAfterMs?: number }> {
    const attemptSignal = AbortSignal.any([signal, AbortSignal.timeout(this.config.timeoutMs)]);
    let response: Response;
    let text: string;
    try {
      response = await fetch(this.url(), { method: 'POST', headers: this.headers(), body: JSON.stringify(body), signal: attemptSignal });
      text = await response.text();
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (attemptSignal.aborted) return { kind: 'retry', detail: `no answer within ${this.config.timeoutMs} ms` };
      return { kind: 'retry', detail: `could not reach it (${networkCause(error)})` };
    }
    if (isRetryableStatus(response.status)) {
      const wait = retryAfterMs(response.headers.get('retry-after'), this.clock());
      return { kind: 'retry', detail: `HTTP ${response.status}`, ...(wait === undefined ? {} : { retryAfterMs: wait }) };
    }
    if (!response.ok) return { kind: 'refused', status: response.status, message: this.errorMessage(text) };
    return { kind: 'answered', reply: this.reply(text, body) };
  }

  private reply(text: string, body: Record<string, unknown>): Reply {
    let parsed: z.infer<typeof completionSchema>;
    try {
      parsed = completionSchema.parse(JSON.parse(text));
    } catch {
      throw errors.aiBadOutput('The AI endpoint answered something other than a chat completion.');
    }
    const choice = parsed.choices[0]!;
    const content = choice.message.content ?? '';
    // Some servers leave usage out; counting about four characters a token keeps budgets meaningful.
    const usage = parsed.usage
      ? { promptTokens: parsed.usage.prompt_tokens, completionTokens: parsed.usage.completion_tokens }
      : { promptTokens: Math.ceil(JSON.stringify(body.messages).length / 4), completionTokens: Math.ceil(content.length / 4) };
    return { content, finishReason: choice.finish_reason ?? 'stop', usage, refusal: choice.message.refusal ?? undefined };
  }

  private async recordUsage<T>(request: AiRequest<T>, usage: AiUsage): Promise<void> {
    await aiUsageRepository(this.deps.db).record({
      userId: request.userId,
      feature: request.feature,
      day: utcDay(this.clock()),
      promptTokens: usage.promptTokens,
      completionTokens: usage.completionTokens,
      costMicrousd: costMicrousd(usage, { inputPerMTok: this.config.priceInputPerMTok, outputPerMTok: this.config.priceOutputPerMTok }),
    });
  }

  private url(): string {
    const url = `${this.config.baseUrl}/chat/completions`;
    return this.config.apiVersion ? `${url}?api-version=${encodeURIComponent(this.config.apiVersion)}` : url;
  }

  private headers(): Record<string, string> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.config.apiKey) {
      // Azure OpenAI (configured by its api-version) takes the key in `api-key`; everyone else as a bearer token.
      if (this.config.apiVersion) headers['api-key'] = this.config.apiKey;
      else headers.authorization = `Bearer ${this.config.apiKey}`;
    }
    return headers;
  }

  /** The endpoint's own error message, shortened and with the API key blanked (some servers echo it). */
  private errorMessage(text: string): string {
    let message = text;
    try {
      const parsed = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown };
      const candidate = typeof parsed.error === 'string' ? parsed.error : (parsed.error?.message ?? parsed.message);
      if (typeof candidate === 'string') message = candidate;
    } catch {
      // Not JSON: the raw text is the message.
    }
    return this.redact(message.trim()).slice(0, ERROR_DETAIL_CHARS) || '(no message)';
  }

  private redact(text: string): string {
    const key = this.config.apiKey;
    return key ? text.split(key).join('[api key]') : text;
  }
}

function networkCause(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  return error instanceof Error ? error.message : 'network error';
}
