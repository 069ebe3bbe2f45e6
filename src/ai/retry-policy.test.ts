import { describe, expect, it } from 'vitest';
import { fullJitterMs, isRetryableStatus, retryAfterMs } from './retry-policy.js';

const now = new Date('2026-03-01T08:00:00.000Z');

describe('retryAfterMs', () => {
  it('reads delay-seconds, fractional ones included', () => {
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs(' 0.5 ', now)).toBe(500);
  });

  it('reads an HTTP date as the time left until then, never negative', () => {
    expect(retryAfterMs('Sun, 01 Mar 2026 08:00:07 GMT', now)).toBe(7000);
    expect(retryAfterMs('Sun, 01 Mar 2026 07:00:00 GMT', now)).toBe(0);
  });

  it('ignores an absent or unreadable header', () => {
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('-5', now)).toBeUndefined();
  });
});

describe('fullJitterMs', () => {
  it('waits a random share of a window that doubles per attempt up to the cap', () => {
    expect(fullJitterMs(1, 500, 8000, () => 0.5)).toBe(250);
    expect(fullJitterMs(3, 500, 8000, () => 0.5)).toBe(1000);
    expect(fullJitterMs(10, 500, 8000, () => 0.999)).toBe(7992);
    expect(fullJitterMs(2, 500, 8000, () => 0)).toBe(0);
  });
});

describe('isRetryableStatus', () => {
  it('retries rate limits, request timeouts and server errors but not other client errors', () => {
    expect([429, 408, 500, 502, 503].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 422].some(isRetryableStatus)).toBe(false);
  });
});
