import { randomUUID } from 'node:crypto';
import type { AuditRow } from '../schema.js';
import type { Db } from './types.js';

export type AuditEvent =
  | 'signup'
  | 'signin.ok'
  | 'signin.failed'
  | 'signin.backoff'
  | 'signout'
  | 'password.change'
  | 'password.set'
  | 'session.revoke'
  | 'role.change'
  | 'admin.setup';

export interface AuditEntry {
  event: AuditEvent;
  at: string;
  userId?: string | null;
  actorId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  details?: Record<string, unknown>;
}

/** The append-only audit log of auth and admin events. */
export function auditRepository(db: Db) {
  return {
    async record(entry: AuditEntry): Promise<void> {
      await db
        .insertInto('audit_log')
        .values({
          id: randomUUID(),
          occurred_at: entry.at,
          event: entry.event,
          user_id: entry.userId ?? null,
          actor_id: entry.actorId ?? null,
          ip: entry.ip ?? null,
          user_agent: entry.userAgent?.slice(0, 512) ?? null,
          details: entry.details ? JSON.stringify(entry.details) : null,
        })
        .execute();
    },
    /** Newest first; `event` narrows to one kind. */
    list(options: { limit: number; event?: AuditEvent; userId?: string }): Promise<AuditRow[]> {
      let query = db.selectFrom('audit_log').selectAll().orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(options.limit);
      if (options.event) query = query.where('event', '=', options.event);
      if (options.userId) query = query.where('user_id', '=', options.userId);
      return query.execute();
    },
  };
}
