import { createAiClient } from '../../ai/create-ai-client.js';
import { pino } from 'pino';
import { systemClock } from '../../clock.js';
import { createJobRuntime } from '../../jobs/job-runtime.js';
import { maintenancePolicy, startMaintenance } from '../../maintenance/maintenance.js';
import { loggerOptions } from '../../server/logger.js';
import { createBlobStore } from '../../storage/create-blob-store.js';
import type { CliCommand } from '../command.js';
import { connectRedis, EXIT_CONFIG, loadConfigOrReport, openMigratedDatabase } from '../runtime.js';

const USAGE = `usage: labmate worker

Runs background jobs (runs and reports) without serving HTTP, LABMATE_WORKERS at a time (default: one per core),
and every five minutes deletes what is past its retention and stored files no row owns.
Start any number of them against the same database and storage (with LABMATE_WORKERS=0 on the API servers).
SIGTERM or SIGINT hands running jobs back to the queue, and the process exits.`;

/** `labmate worker`: a process that only works on the job queue. */
export const workerCommand: CliCommand = {
  usage: USAGE,
  async run() {
    const config = loadConfigOrReport();
    if (!config) return EXIT_CONFIG;
    const logger = pino(loggerOptions(config.logLevel));
    const { database } = await openMigratedDatabase(config, { longRunning: true });
    const redis = config.redisUrl ? connectRedis(config.redisUrl) : undefined;
    const blobs = createBlobStore(config);
    const runtime = createJobRuntime({
      db: database.db,
      blobs,
      clock: systemClock,
      logger,
      workers: Math.max(config.workers, 1),
      stallMs: config.jobStallMs,
      niceness: config.jobNiceness,
      ai: createAiClient(config, { db: database.db, clock: systemClock, logger }),
      ...(redis ? { redis } : {}),
      ...(config.queue.kind === 'bullmq' ? { bullmq: config.queue } : {}),
    });
    // The first screenshot loads fonts and grammars (over a second on a busy machine): pay it before the first run.
    await runtime.deps.render.warm();
    await runtime.start();
    const maintenance = startMaintenance(
      { db: database.db, blobs, clock: systemClock, logger },
      maintenancePolicy(config.retentionDays),
    );
    logger.info({ workers: Math.max(config.workers, 1), database: database.dialect, queue: config.queue.kind, storage: config.s3 ? 's3' : 'files' }, 'worker started');
    await new Promise<void>((resolve) => {
      process.once('SIGTERM', resolve);
      process.once('SIGINT', resolve);
    });
    logger.info('stopping: handing running jobs back');
    await maintenance.stop();
    await runtime.close();
    await database.close();
    await redis?.quit();
    logger.info('stopped');
    return 0;
  },
};
