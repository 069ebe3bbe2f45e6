import type { Clock } from '../clock.js';
import type { Db } from '../db/repositories/types.js';

/** What account use cases need: the database (or a transaction) and the clock. */
export interface AccountDeps {
  db: Db;
  clock: Clock;
}

/** Where a request came from, for the audit log and per-address throttling. */
export interface ClientInfo {
  ip: string;
  userAgent?: string | undefined;
}

/** Canonical form of an email address for lookups and uniqueness. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
