import type { Logger } from 'pino';
import { sweepEndedSessions } from '../accounts/sweep-sessions.js';
import type { Clock } from '../clock.js';
import { repeatEvery, type Periodic } from '../periodic.js';
import { aiCacheRepository } from '../db/repositories/ai-cache.repository.js';
import type { Db } from '../db/repositories/types.js';
import type { BlobStore } from '../storage/blob-store.js';
import { expireArtifacts } from './expire-artifacts.js';
import { expireReports } from './expire-reports.js';
import { ORPHAN_GRACE_MS, sweepOrphanBlobs } from './sweep-orphan-blobs.js';

/** What a maintenance pass needs. */
export interface MaintenanceDeps {
  db: Db;
  blobs: BlobStore;
  clock: Clock;
  logger: Logger;
}

/** Retention in days (0 keeps forever) and how young an unowned blob may be and still be spared. */
export interface MaintenancePolicy {
  reportRetentionDays: number;
  artifactRetentionDays: number;
  aiCacheRetentionDays?: number;
  orphanGraceMs?: number;
}

/** What one pass removed. */
export interface MaintenanceResult {
  sessions: number;
  reports: number;
  artifactRuns: number;
  orphanBlobs: number;
  aiAnswers: number;
}

/** The policy the configuration sets. */
export function maintenancePolicy(retention: { reports: number; artifacts: number; aiCache: number }): MaintenancePolicy {
  return { reportRetentionDays: retention.reports, artifactRetentionDays: retention.artifacts, aiCacheRetentionDays: retention.aiCache };
}

const DAY_MS = 24 * 60 * 60_000;

const PASS_EVERY_MS = 5 * 60_000;

/**
 * One pass: ended sessions, reports, run artifacts and cached AI answers past their retention, and blobs no row owns. Every step only
 * deletes what is already due and tolerates finding it gone, so several processes may run passes at once. A step
 * that fails is logged and the others still run.
 */
export async function runMaintenance(deps: MaintenanceDeps, policy: MaintenancePolicy): Promise<MaintenanceResult> {
  const step = async (name: string, work: () => Promise<number>): Promise<number> => {
    try {
      return await work();
    } catch (error) {
      deps.logger.error({ err: error, step: name }, 'a maintenance step failed');
      return 0;
    }
  };
  const result: MaintenanceResult = {
    sessions: await step('sessions', () => sweepEndedSessions(deps)),
    reports: policy.reportRetentionDays > 0 ? await step('reports', () => expireReports(deps, policy.reportRetentionDays)) : 0,
    artifactRuns: policy.artifactRetentionDays > 0 ? await step('artifacts', () => expireArtifacts(deps, policy.artifactRetentionDays)) : 0,
    orphanBlobs: await step('orphan blobs', () => sweepOrphanBlobs(deps, policy.orphanGraceMs ?? ORPHAN_GRACE_MS)),
    aiAnswers: policy.aiCacheRetentionDays
      ? await step('ai cache', () => aiCacheRepository(deps.db).deleteOlderThan(new Date(deps.clock().getTime() - policy.aiCacheRetentionDays! * DAY_MS).toISOString()))
      : 0,
  };
  if (Object.values(result).some((count) => count > 0)) deps.logger.info(result, 'maintenance removed expired and orphaned data');
  return result;
}

/** A pass at start-up and every five minutes after the last one ended, until `stop`, which waits for a pass running. */
export function startMaintenance(deps: MaintenanceDeps, policy: MaintenancePolicy): Periodic {
  return repeatEvery(PASS_EVERY_MS, () => runMaintenance(deps, policy));
}
