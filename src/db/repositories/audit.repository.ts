import { randomUUID } from 'node:crypto';
import type { AuditRow } from '../schema.js';
import { olderThan } from './newest-first.js';
import type { Db } from './types.js';

/** Every audit event name (also what the admin audit filter accepts). */
export const AUDIT_EVENTS = [
  'signup',
  'signin.ok',
  'signin.failed',
  'signin.backoff',
  'signout',
  'password.change',
  'password.set',
  'session.revoke',
  'role.change',
  'admin.setup',
  'profile.update',
  'account.delete',
  'user.disable',
  'user.enable',
  'invite.create',
  'invite.revoke',
  'plan.create',
  'plan.update',
  'plan.delete',
  'plan.assign',
  'password.reset-link',
  'password.reset-request',
] as const;

export type AuditEvent = (typeof AUDIT_EVENTS)[number];

/** Narrows an audit list: by event, subject user, time range [from, to) and a newest-first keyset position. */
export interface AuditFilter {
  limit: number;
  event?: AuditEvent | undefined;
  userId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  before?: { at: string; id: string } | undefined;
}

export interface AuditEntry {
  event: AuditEvent;
  at: string;
  userId?: string | null;
  actorId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  details?: Record<string, unknown>;
}

/** An audit entry as listed: its row and the emails its user and actor have now. */
export type AuditListRow = AuditRow & { user_email: string | null; actor_email: string | null };

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
    /** Newest first, with the current email of the user and actor (null once an account is gone); `event` narrows to one kind. */
    list(options: AuditFilter): Promise<AuditListRow[]> {
      let query = db
        .selectFrom('audit_log')
        .leftJoin('users as subject', 'subject.id', 'audit_log.user_id')
        .leftJoin('users as actor', 'actor.id', 'audit_log.actor_id')
        .selectAll('audit_log')
        .select(['subject.email as user_email', 'actor.email as actor_email'])
        .orderBy('audit_log.occurred_at', 'desc')
        .orderBy('audit_log.id', 'desc')
        .limit(options.limit);
      if (options.event) query = query.where('audit_log.event', '=', options.event);
      if (options.userId) query = query.where('audit_log.user_id', '=', options.userId);
      if (options.from) query = query.where('audit_log.occurred_at', '>=', options.from);
      if (options.to) query = query.where('audit_log.occurred_at', '<', options.to);
      if (options.before) query = query.where(olderThan('audit_log.occurred_at', 'audit_log.id', { createdAt: options.before.at, id: options.before.id }));
      return query.execute();
    },
    /** Removes the audit entries about a user whose account is being deleted (they hold addresses and browsers). */
    async deleteAbout(userId: string): Promise<void> {
      await db.deleteFrom('audit_log').where('user_id', '=', userId).execute();
    },
  };
}
