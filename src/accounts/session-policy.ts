/** A session ends after 12 hours without use. */
export const SESSION_IDLE_MS = 12 * 60 * 60_000;
/** A session ends 14 days after sign-in whatever its use. */
export const SESSION_ABSOLUTE_MS = 14 * 24 * 60 * 60_000;
/** last_seen_at is written at most this often, so reads do not turn into a write per request. */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;
