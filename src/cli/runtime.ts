import { Redis } from 'ioredis';
import { ConfigError, loadConfig, type Config } from '../config/config.js';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';

/** Exit status for a configuration the program refuses (sysexits EX_CONFIG). */
export const EXIT_CONFIG = 78;

/** Loads the configuration, printing every problem and returning undefined when it is invalid. */
export function loadConfigOrReport(): Config | undefined {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`labmate: ${error.message}\n`);
      return undefined;
    }
    throw error;
  }
}

/** Opens the configured database and brings its schema up to date; a long-running process checkpoints SQLite off its event loop. */
export async function openMigratedDatabase(
  config: Config,
  options: { longRunning?: boolean } = {},
): Promise<{ database: DatabaseHandle; applied: string[] }> {
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, backgroundCheckpoints: options.longRunning ?? false });
  try {
    const applied = await migrateToLatest(database);
    return { database, applied };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** A Redis client for REDIS_URL that fails fast instead of queueing commands forever. */
export function connectRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: 2, connectTimeout: 5_000, enableOfflineQueue: true, lazyConnect: false });
}
