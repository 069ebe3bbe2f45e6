import type { Logger } from 'pino';
import { createAiClient } from '../ai/create-ai-client.js';
import { refineTasks } from '../ai/features/refine-tasks.js';
import type { TaskRefiner } from '../analyze/parse-document.js';
import { systemClock } from '../clock.js';
import type { Config } from '../config/config.js';
import { AppError } from '../errors.js';
import { EXIT_CONFIG, loadConfigOrReport, openMigratedDatabase } from './runtime.js';

/** The AI refinement of an offline command and the database holding its answer cache; `close` releases it. */
export interface OfflineRefiner {
  refine: TaskRefiner;
  close: () => Promise<void>;
}

/**
 * The AI refinement for offline commands when the environment names a model (and `skip` is false); nothing is
 * opened without one, so the heuristics work in any environment. `exit` is set when the configuration is invalid
 * (its problems already printed).
 */
export async function offlineRefiner(skip: boolean): Promise<{ ai?: OfflineRefiner; exit?: number }> {
  if (skip || !(process.env.LABMATE_AI_BASE_URL || process.env.LABMATE_AI_MODEL)) return {};
  const config = loadConfigOrReport();
  if (!config) return { exit: EXIT_CONFIG };
  const ai = await refinerFor(config);
  return ai ? { ai } : {};
}

async function refinerFor(config: Config, logger?: Logger): Promise<OfflineRefiner | undefined> {
  if (!config.ai) return undefined;
  const { database } = await openMigratedDatabase(config);
  const client = createAiClient(config, { db: database.db, clock: systemClock, ...(logger ? { logger } : {}) });
  if (!client) {
    await database.close();
    return undefined;
  }
  const refine: TaskRefiner = async (model, tasks) => {
    let result;
    try {
      result = await refineTasks({ document: model, tasks, client, userId: null });
    } catch (error) {
      // The heuristic tasks stand when the model cannot help; the reason is a warning, not a failure.
      if (!(error instanceof AppError)) throw error;
      return { tasks, warnings: [`AI refinement skipped: ${error.message}`] };
    }
    const flagged = result.corrections.filter((c) => c.status === 'flagged').map((c) => `AI: ${c.detail}`);
    return { tasks: result.tasks, warnings: [...result.warnings.map((w) => `AI: ${w}`), ...flagged] };
  };
  return { refine, close: () => database.close() };
}
