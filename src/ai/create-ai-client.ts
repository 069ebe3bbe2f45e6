import type { Config } from '../config/config.js';
import type { AiClient } from './ai-client.js';
import { OpenAiCompatibleClient, type OpenAiCompatibleClientDeps } from './openai-compatible-client.js';

/** The AI client for this configuration, or null when no model is configured (features then answer ai-not-configured). */
export function createAiClient(config: Pick<Config, 'ai'>, deps: OpenAiCompatibleClientDeps): AiClient | null {
  return config.ai ? new OpenAiCompatibleClient(config.ai, deps) : null;
}
