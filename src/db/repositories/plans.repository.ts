import type { PlanRow } from '../schema.js';
import type { Db } from './types.js';

/** The limits a plan sets, without its identity and timestamps. */
export type PlanLimits = Pick<PlanRow, 'runs_per_hour' | 'concurrent_runs' | 'storage_mb' | 'ai_tokens_per_day'>;

/** Named plans and which user is on which; a user without an assignment has no plan (the server's defaults apply). */
export function plansRepository(db: Db) {
  return {
    async create(row: PlanRow): Promise<void> {
      await db.insertInto('plans').values(row).execute();
    },
    find(id: string): Promise<PlanRow | undefined> {
      return db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** Every plan by name, with how many users are on it. */
    async list(): Promise<Array<PlanRow & { user_count: number }>> {
      const rows = await db
        .selectFrom('plans')
        .selectAll('plans')
        .select((eb) =>
          eb
            .selectFrom('user_plans')
            .select((inner) => inner.fn.countAll<number>().as('n'))
            .whereRef('user_plans.plan_id', '=', 'plans.id')
            .as('user_count'),
        )
        .orderBy('name')
        .execute();
      return rows.map((row) => ({ ...row, user_count: Number(row.user_count ?? 0) }));
    },
    async update(id: string, changes: Partial<PlanLimits & { name: string }>, now: string): Promise<boolean> {
      const result = await db.updateTable('plans').set({ ...changes, updated_at: now }).where('id', '=', id).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    /** Deletes the plan; its users fall back to no plan. */
    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom('plans').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    /** The plan a user is on, if any. */
    forUser(userId: string): Promise<PlanRow | undefined> {
      return db
        .selectFrom('user_plans')
        .innerJoin('plans', 'plans.id', 'user_plans.plan_id')
        .selectAll('plans')
        .where('user_plans.user_id', '=', userId)
        .executeTakeFirst();
    },
    /** Puts the user on a plan, or on none with `planId` null. */
    async assign(userId: string, planId: string | null, now: string): Promise<void> {
      if (planId === null) {
        await db.deleteFrom('user_plans').where('user_id', '=', userId).execute();
        return;
      }
      await db
        .insertInto('user_plans')
        .values({ user_id: userId, plan_id: planId, assigned_at: now })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ plan_id: planId, assigned_at: now }))
        .execute();
    },
  };
}
