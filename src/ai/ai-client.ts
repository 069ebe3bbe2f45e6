import type { z } from 'zod';

/** What an AI call is for; usage, budgets and the cache are counted per feature. */
export type AiFeature = 'detect' | 'draft_code' | 'suggest_input' | 'draft_answer' | 'review';

/** One structured request: the model must answer JSON matching `schema`. */
export interface AiRequest<T> {
  feature: AiFeature;
  /** Whose budget pays; null for offline commands (`labmate parse`, `labmate process`). */
  userId: string | null;
  /** Names the JSON schema sent as `response_format.json_schema.name` (letters, digits, `_`, `-`). */
  schemaName: string;
  schema: z.ZodType<T>;
  /** Instructions; document text never goes here. */
  system: string;
  /** The data the model works on (document text, code, errors), framed as untrusted data by the prompt. */
  user: string;
  maxOutputTokens?: number;
  signal?: AbortSignal;
}

export interface AiUsage {
  promptTokens: number;
  completionTokens: number;
}

/** A validated answer; `cached` answers cost nothing and made no call. */
export interface AiResult<T> {
  value: T;
  cached: boolean;
  usage: AiUsage;
}

/**
 * The AI port the features use. The OpenAI-compatible adapter implements it; failures throw AppErrors from
 * `errors.ai*` (not configured, budget exceeded, unavailable, bad output).
 */
export interface AiClient {
  readonly model: string;
  /** The model's context window in tokens, for chunking long documents. */
  readonly contextTokens: number;
  complete<T>(request: AiRequest<T>): Promise<AiResult<T>>;
}
