import type { AdminUserRow } from '../../../../db/repositories/admin-users.repository.js';
import type { ListedInvite } from '../../../../db/repositories/invite-admin.repository.js';
import type { PlanRow } from '../../../../db/schema.js';
import { errors } from '../../../../errors.js';
import type { AdminUserOut, InviteOut, PlanOut } from './schemas.js';

/** An account as administrators see it. */
export function presentAdminUser(row: AdminUserRow): AdminUserOut {
  return {
    id: row.id,
    email: row.email,
    name: row.display_name,
    role: row.role,
    disabled: row.disabled_at !== null,
    disabledAt: row.disabled_at,
    createdAt: row.created_at,
    plan: row.plan_name,
    lastSeenAt: row.last_seen_at,
  };
}

/** A plan with its limits. */
export function presentPlan(row: PlanRow): PlanOut {
  return {
    id: row.id,
    name: row.name,
    runsPerHour: row.runs_per_hour,
    concurrentRuns: row.concurrent_runs,
    storageMb: row.storage_mb,
    aiTokensPerDay: row.ai_tokens_per_day,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** An invite with its state at `now`. */
export function presentInvite(row: ListedInvite, now: string): InviteOut {
  const status = row.revoked_at
    ? 'revoked'
    : row.use_count >= row.max_uses
      ? 'used-up'
      : row.expires_at !== null && row.expires_at <= now
        ? 'expired'
        : 'open';
  return {
    id: row.id,
    code: row.code,
    maxUses: row.max_uses,
    useCount: row.use_count,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    note: row.note,
    createdAt: row.created_at,
    status,
  };
}

/** An opaque cursor naming a position in a list. */
export function encodeCursor(parts: string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** The `length` parts of a cursor made by `encodeCursor`; a 422 naming the cursor when it is not one. */
export function decodeCursor(cursor: string, length: number): string[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === length && value.every((part) => typeof part === 'string')) return value as string[];
  } catch {
    // Not base64url JSON: the same answer as any other foreign cursor.
  }
  throw errors.validation([{ field: 'cursor', message: 'is not a cursor from this API' }]);
}

/** The next-page cursor of a newest-first page fetched with one row more than `limit`. */
export function nextCursor<T>(rows: T[], limit: number, position: (row: T) => string[]): string | null {
  const last = rows[limit - 1];
  return rows.length > limit && last ? encodeCursor(position(last)) : null;
}
