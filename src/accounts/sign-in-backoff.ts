import type { ThrottleState } from '../db/repositories/auth-throttle.repository.js';

/** How sign-in failures slow down further attempts for one key (an account or a client address). */
export interface BackoffPolicy {
  /** Failures allowed before any delay. */
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A quiet period after which the count starts again, so no one is locked out for good. */
  forgetAfterMs: number;
}

export const ACCOUNT_BACKOFF: BackoffPolicy = { freeFailures: 5, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 };
export const ADDRESS_BACKOFF: BackoffPolicy = { freeFailures: 20, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 };

/** Milliseconds until the key may try again (0 when it may try now). */
export function waitMs(state: ThrottleState | undefined, now: Date): number {
  if (!state?.blockedUntil) return 0;
  return Math.max(0, Date.parse(state.blockedUntil) - now.getTime());
}

/** The state after one more failure: the delay doubles past the free failures, up to the cap. */
export function afterFailure(state: ThrottleState | undefined, now: Date, policy: BackoffPolicy): ThrottleState {
  const stale = state && now.getTime() - Date.parse(state.lastFailureAt) > policy.forgetAfterMs;
  const failures = (stale || !state ? 0 : state.failures) + 1;
  const over = failures - policy.freeFailures;
  const delay = over > 0 ? Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (over - 1)) : 0;
  return {
    failures,
    lastFailureAt: now.toISOString(),
    blockedUntil: delay > 0 ? new Date(now.getTime() + delay).toISOString() : null,
  };
}
