/**
 * How long to wait before trying again, from a Retry-After header: delay-seconds or an HTTP date. Undefined when the
 * header is absent or unreadable; never negative.
 */
export function retryAfterMs(header: string | null, now: Date): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  // HTTP dates start with the day's name; anything else (a negative number, prose) is not one.
  const at = /^[A-Za-z]{3}/.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** "Full jitter" back-off: a random wait up to `baseMs · 2^(attempt-1)`, at most `maxMs` (attempt counts from 1). */
export function fullJitterMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(maxMs, baseMs * 2 ** (attempt - 1)));
}

/** Whether an HTTP status is worth trying again: rate limited, or the server failing. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 408 || status >= 500;
}
