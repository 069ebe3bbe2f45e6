import { sql } from 'kysely';
import type { AiUsageRow } from '../schema.js';
import type { Db } from './types.js';

/** One paid call's tokens and cost, added to its (user, feature, day) row. */
export interface AiUsageIncrement {
  userId: string | null;
  feature: string;
  /** UTC day, YYYY-MM-DD. */
  day: string;
  promptTokens: number;
  completionTokens: number;
  costMicrousd: number;
}

/** Totals over some rows of AI usage. */
export interface AiUsageTotals {
  calls: number;
  promptTokens: number;
  completionTokens: number;
  costMicrousd: number;
}

/** AI tokens and cost counted per user, feature and UTC day, and the daily allowance from the user's plan. */
export function aiUsageRepository(db: Db) {
  return {
    /** Adds one call to its row, creating the row on the day's first call. */
    async record(usage: AiUsageIncrement): Promise<void> {
      await db
        .insertInto('ai_usage')
        .values({
          user_id: usage.userId,
          feature: usage.feature,
          day: usage.day,
          calls: 1,
          prompt_tokens: usage.promptTokens,
          completion_tokens: usage.completionTokens,
          cost_microusd: usage.costMicrousd,
        })
        // The unique index is on coalesce(user_id, ''), so offline calls (no user) share one row per feature and day.
        .onConflict((oc) =>
          oc.expression(sql`coalesce(user_id, ''), feature, day`).doUpdateSet({
            calls: sql`ai_usage.calls + 1`,
            prompt_tokens: sql`ai_usage.prompt_tokens + ${usage.promptTokens}`,
            completion_tokens: sql`ai_usage.completion_tokens + ${usage.completionTokens}`,
            cost_microusd: sql`ai_usage.cost_microusd + ${usage.costMicrousd}`,
          }),
        )
        .execute();
    },
    /** Prompt plus completion tokens the user used on `day`, over every feature. */
    async tokensOn(userId: string, day: string): Promise<number> {
      const row = await db
        .selectFrom('ai_usage')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>(sql<number>`prompt_tokens + completion_tokens`), eb.lit(0)).as('n'))
        .where('user_id', '=', userId)
        .where('day', '=', day)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    /** The `ai_tokens_per_day` of the user's plan, or undefined without a plan. */
    async planDailyTokens(userId: string): Promise<number | undefined> {
      const row = await db
        .selectFrom('user_plans')
        .innerJoin('plans', 'plans.id', 'user_plans.plan_id')
        .select('plans.ai_tokens_per_day')
        .where('user_plans.user_id', '=', userId)
        .executeTakeFirst();
      return row?.ai_tokens_per_day;
    },
    /** The user's rows from `fromDay` on (inclusive), newest day first, for the admin and "my usage" views. */
    async listForUser(userId: string, fromDay: string): Promise<AiUsageRow[]> {
      const rows = await db
        .selectFrom('ai_usage')
        .selectAll()
        .where('user_id', '=', userId)
        .where('day', '>=', fromDay)
        .orderBy('day', 'desc')
        .orderBy('feature')
        .execute();
      return rows.map(numeric);
    },
    /** Every user's (and offline) usage summed from `fromDay` on, for the admin overview. */
    async totalsSince(fromDay: string): Promise<AiUsageTotals> {
      const row = await db
        .selectFrom('ai_usage')
        .select((eb) => [
          eb.fn.coalesce(eb.fn.sum<number>('calls'), eb.lit(0)).as('calls'),
          eb.fn.coalesce(eb.fn.sum<number>('prompt_tokens'), eb.lit(0)).as('prompt'),
          eb.fn.coalesce(eb.fn.sum<number>('completion_tokens'), eb.lit(0)).as('completion'),
          eb.fn.coalesce(eb.fn.sum<number>('cost_microusd'), eb.lit(0)).as('cost'),
        ])
        .where('day', '>=', fromDay)
        .executeTakeFirstOrThrow();
      return { calls: Number(row.calls), promptTokens: Number(row.prompt), completionTokens: Number(row.completion), costMicrousd: Number(row.cost) };
    },
  };
}

// PostgreSQL sums and bigints can arrive as strings; every count leaves here as a number.
function numeric(row: AiUsageRow): AiUsageRow {
  return {
    ...row,
    calls: Number(row.calls),
    prompt_tokens: Number(row.prompt_tokens),
    completion_tokens: Number(row.completion_tokens),
    cost_microusd: Number(row.cost_microusd),
  };
}
