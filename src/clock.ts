/** Where time comes from; injected so tests can move it (sign-in back-off, session expiry). */
export type Clock = () => Date;

/** The real clock. */
export const systemClock: Clock = () => new Date();

/** `date` plus `ms` milliseconds as an ISO string, the stored timestamp format. */
export function isoAfter(date: Date, ms: number): string {
  return new Date(date.getTime() + ms).toISOString();
}
