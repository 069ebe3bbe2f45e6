import type { AiClient, AiRequest, AiResult } from '../../src/ai/ai-client.js';
import { errors } from '../../src/errors.js';

/** A scripted answer: a value, a function of the request, or an error to throw. */
export type ScriptedAnswer = unknown | ((request: AiRequest<unknown>) => unknown) | Error;

/**
 * The AI port for unit tests: records every request and answers with queued values, validated through the
 * request's zod schema so a schema violation fails as the real adapter's does (`ai-bad-output`). An unscripted
 * call fails the test.
 */
export class ScriptedAiClient implements AiClient {
  readonly model = 'scripted';
  readonly requests: AiRequest<unknown>[] = [];
  private readonly answers: ScriptedAnswer[] = [];

  constructor(readonly contextTokens = 16_000) {}

  /** Queues answers for the next calls, in order. */
  answer(...answers: ScriptedAnswer[]): this {
    this.answers.push(...answers);
    return this;
  }

  /** Answers not yet used. */
  get pending(): number {
    return this.answers.length;
  }

  async complete<T>(request: AiRequest<T>): Promise<AiResult<T>> {
    this.requests.push(request as AiRequest<unknown>);
    if (this.answers.length === 0) throw new Error(`unscripted AI call (${request.feature}, ${request.schemaName})`);
    const next = this.answers.shift();
    if (next instanceof Error) throw next;
    const raw = typeof next === 'function' ? (next as (r: AiRequest<unknown>) => unknown)(request as AiRequest<unknown>) : next;
    const parsed = request.schema.safeParse(raw);
    if (!parsed.success) throw errors.aiBadOutput(`The model's answer did not match ${request.schemaName}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return { value: parsed.data, cached: false, usage: { promptTokens: Math.ceil((request.system.length + request.user.length) / 4), completionTokens: Math.ceil(JSON.stringify(raw).length / 4) } };
  }
}
