import type { Clock } from '../clock.js';
import { usageRepository, type PlanLimits } from '../db/repositories/usage.repository.js';
import type { Db } from '../db/repositories/types.js';
import { AppError, errors } from '../errors.js';

const HOUR_MS = 60 * 60_000;

/** The user's limits: their plan's when an admin assigned one, else the server's defaults. */
export async function limitsFor(db: Db, userId: string, defaults: PlanLimits): Promise<PlanLimits> {
  return (await usageRepository(db).planLimits(userId)) ?? defaults;
}

/** Refuses (429, with when to retry) a run beyond the user's concurrent or hourly allowance. */
export async function assertCanStartRun(deps: { db: Db; clock: Clock }, input: { userId: string; activeRuns: number; defaults: PlanLimits }): Promise<void> {
  const limits = await limitsFor(deps.db, input.userId, input.defaults);
  if (input.activeRuns >= limits.concurrentRuns) {
    throw errors.tooManyRequests(10, `You already have ${limits.concurrentRuns} runs waiting or running; wait for one to finish.`);
  }
  const now = deps.clock();
  const recent = await usageRepository(deps.db).runsSince(input.userId, new Date(now.getTime() - HOUR_MS).toISOString());
  if (recent.count >= limits.runsPerHour) {
    const freesAt = recent.oldest ? Date.parse(recent.oldest) + HOUR_MS : now.getTime() + HOUR_MS;
    throw errors.tooManyRequests((freesAt - now.getTime()) / 1000, `You have started ${limits.runsPerHour} runs in the last hour, your limit; try again later.`);
  }
}

/** Refuses (403) storing `bytes` more when it would take the user past their storage allowance. */
export async function assertCanStore(db: Db, input: { userId: string; bytes: number; defaults: PlanLimits }): Promise<void> {
  const limits = await limitsFor(db, input.userId, input.defaults);
  const used = await usageRepository(db).storedBytes(input.userId);
  if (used + input.bytes > limits.storageMb * 1024 * 1024) {
    throw new AppError(
      403,
      'storage-full',
      'Storage allowance used up',
      `This would use more than your ${limits.storageMb} MB of storage (${Math.ceil(used / 1048576)} MB used). Delete old assignments to make room.`,
    );
  }
}
