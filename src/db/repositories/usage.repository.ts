import type { Db } from './types.js';

/** A user's plan limits, when an admin assigned one. */
export interface PlanLimits {
  runsPerHour: number;
  concurrentRuns: number;
  storageMb: number;
}

/** What a user has used, for enforcing their limits. */
export function usageRepository(db: Db) {
  return {
    async planLimits(userId: string): Promise<PlanLimits | undefined> {
      const row = await db
        .selectFrom('user_plans')
        .innerJoin('plans', 'plans.id', 'user_plans.plan_id')
        .select(['plans.runs_per_hour', 'plans.concurrent_runs', 'plans.storage_mb'])
        .where('user_plans.user_id', '=', userId)
        .executeTakeFirst();
      return row && { runsPerHour: row.runs_per_hour, concurrentRuns: row.concurrent_runs, storageMb: row.storage_mb };
    },
    /** Runs started since `since`, and the oldest of them (when the window frees a slot). */
    async runsSince(userId: string, since: string): Promise<{ count: number; oldest: string | null }> {
      const row = await db
        .selectFrom('runs')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('queued_at').as('oldest')])
        .where('owner_id', '=', userId)
        .where('queued_at', '>', since)
        .executeTakeFirstOrThrow();
      return { count: Number(row.n), oldest: (row.oldest as string | null) ?? null };
    },
    /** Bytes of uploads and run artifacts the user keeps. */
    async storedBytes(userId: string): Promise<number> {
      const uploads = await db
        .selectFrom('assignments')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('size_bytes'), eb.lit(0)).as('n'))
        .where('owner_id', '=', userId)
        .executeTakeFirstOrThrow();
      const artifacts = await db
        .selectFrom('artifacts')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('bytes'), eb.lit(0)).as('n'))
        .where('owner_id', '=', userId)
        .executeTakeFirstOrThrow();
      return Number(uploads.n) + Number(artifacts.n);
    },
  };
}
