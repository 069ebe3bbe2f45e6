import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { adminSetupLinkIfNeeded } from '../../accounts/one-time-links.js';
import { systemClock } from '../../clock.js';
import { maintenancePolicy, startMaintenance } from '../../maintenance/maintenance.js';
import { buildApp } from '../../server/app.js';
import { loggerOptions } from '../../server/logger.js';
import { sharedLauncher } from '../../workers/process-launcher.js';
import { isolateSharedPool } from '../../workers/shared-pool.js';
import type { CliCommand } from '../command.js';
import { connectRedis, EXIT_CONFIG, loadConfigOrReport, openMigratedDatabase } from '../runtime.js';

const USAGE = `usage: labmate serve

Starts the HTTP API and web app on HOST:PORT (default 127.0.0.1:3000), migrating the database first.
Configuration comes from the environment; see the README's configuration table.`;

/** `labmate serve`: migrates, listens, and shuts down gracefully on SIGTERM/SIGINT. */
export const serveCommand: CliCommand = {
  usage: USAGE,
  async run() {
    const config = loadConfigOrReport();
    if (!config) return EXIT_CONFIG;
    const logger = pino(loggerOptions(config.logLevel));
    // Uploads, screenshots and reports run in a process of their own, and sandboxes are forked by the launcher:
    // neither then takes CPU or a fork from the event loop that answers requests.
    isolateSharedPool();
    if (config.workers > 0) sharedLauncher().start();
    const { database, applied } = await openMigratedDatabase(config, { longRunning: true });
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    const redis = config.redisUrl ? connectRedis(config.redisUrl) : undefined;
    const https = config.tls ? { key: readFileSync(config.tls.keyFile), cert: readFileSync(config.tls.certFile) } : undefined;
    const app = await buildApp({ config, database, logger, ...(redis ? { redis } : {}), ...(https ? { https } : {}) });
    // Retention and sweeps run where jobs run; an API-only server (LABMATE_WORKERS=0) leaves them to the workers.
    const maintenance =
      config.workers > 0
        ? startMaintenance(
            { db: database.db, blobs: app.labmate.blobs, clock: systemClock, logger },
            maintenancePolicy(config.retentionDays),
          )
        : undefined;

    let closing = false;
    const shutdown = (signal: string) => {
      if (closing) return;
      closing = true;
      logger.info({ signal, graceMs: config.shutdownGraceMs }, 'shutting down: no new connections, finishing in-flight requests');
      const deadline = setTimeout(() => {
        logger.error('graceful shutdown deadline passed; exiting');
        process.exit(1);
      }, config.shutdownGraceMs);
      deadline.unref();
      void (async () => {
        await maintenance?.stop();
        await app.close();
        await database.close();
        await redis?.quit();
        logger.info('stopped');
        clearTimeout(deadline);
      })();
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));

    const setupLink = await adminSetupLinkIfNeeded({ db: database.db, clock: systemClock }, config.publicUrl);
    await app.listen({ host: config.host, port: config.port });
    if (setupLink) {
      logger.warn('no administrator exists yet; a one-time set-up link was printed to standard error');
      process.stderr.write(`\nNo administrator yet. Create one within 24 hours at:\n  ${setupLink}\n\n`);
    }
    logger.info({ url: config.publicUrl, database: database.dialect, signup: config.signupMode }, 'LabMate is listening');
    return new Promise<number>((resolve) => app.server.once('close', () => resolve(0)));
  },
};
