import { describe, expect, it } from 'vitest';
import { ACCOUNT_BACKOFF, afterFailure, waitMs } from './sign-in-backoff.js';

describe('sign-in back-off', () => {
  const t0 = new Date('2026-01-01T00:00:00Z');

  it('allows the free failures without delay, then doubles the wait', () => {
    let state = undefined;
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      state = afterFailure(state, t0, ACCOUNT_BACKOFF);
      waits.push(waitMs(state, t0));
    }
    expect(waits).toEqual([0, 0, 0, 0, 0, 1000, 2000, 4000]);
  });

  it('never waits longer than the cap', () => {
    let state = undefined;
    for (let i = 0; i < 60; i++) state = afterFailure(state, t0, ACCOUNT_BACKOFF);
    expect(waitMs(state, t0)).toBe(ACCOUNT_BACKOFF.maxDelayMs);
  });

  it('forgets old failures after a quiet hour', () => {
    let state = undefined;
    for (let i = 0; i < 10; i++) state = afterFailure(state, t0, ACCOUNT_BACKOFF);
    const later = new Date(t0.getTime() + ACCOUNT_BACKOFF.forgetAfterMs + 1);
    expect(afterFailure(state, later, ACCOUNT_BACKOFF).failures).toBe(1);
  });
});
