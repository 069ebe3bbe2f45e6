import type { Clock } from '../clock.js';
import { aiUsageRepository } from '../db/repositories/ai-usage.repository.js';
import type { Db } from '../db/repositories/types.js';
import { errors } from '../errors.js';

const DAY_MS = 24 * 60 * 60_000;

/** The UTC day of `date` as YYYY-MM-DD, the key AI usage is counted under. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Seconds from `date` to the next midnight UTC, when daily budgets renew. */
export function secondsUntilUtcMidnight(date: Date): number {
  return (DAY_MS - (date.getTime() % DAY_MS)) / 1000;
}

/** A user's AI tokens today against their daily allowance. */
export interface AiBudgetStatus {
  usedTokens: number;
  dailyTokens: number;
  /** ISO instant of the next midnight UTC. */
  renewsAt: string;
}

/** The user's tokens used today and their allowance: their plan's `ai_tokens_per_day`, else `defaultDailyTokens`. */
export async function aiBudgetStatus(deps: { db: Db; clock: Clock }, userId: string, defaultDailyTokens: number): Promise<AiBudgetStatus> {
  const now = deps.clock();
  const usage = aiUsageRepository(deps.db);
  const [usedTokens, planTokens] = await Promise.all([usage.tokensOn(userId, utcDay(now)), usage.planDailyTokens(userId)]);
  return {
    usedTokens,
    dailyTokens: planTokens ?? defaultDailyTokens,
    renewsAt: new Date(now.getTime() + secondsUntilUtcMidnight(now) * 1000).toISOString(),
  };
}

/** Refuses (429 with Retry-After until midnight UTC) a paid call by a user whose tokens today reached the allowance. */
export async function assertAiBudget(deps: { db: Db; clock: Clock }, userId: string | null, defaultDailyTokens: number): Promise<void> {
  if (userId === null) return;
  const status = await aiBudgetStatus(deps, userId, defaultDailyTokens);
  if (status.usedTokens >= status.dailyTokens) throw errors.aiBudgetExceeded(secondsUntilUtcMidnight(deps.clock()));
}

/** Cost in millionths of a US dollar, from prices in dollars per million tokens. */
export function costMicrousd(usage: { promptTokens: number; completionTokens: number }, prices: { inputPerMTok: number; outputPerMTok: number }): number {
  return Math.round(usage.promptTokens * prices.inputPerMTok + usage.completionTokens * prices.outputPerMTok);
}
