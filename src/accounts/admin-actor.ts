import { auditRepository, type AuditEvent } from '../db/repositories/audit.repository.js';
import type { Db } from '../db/repositories/types.js';
import type { ClientInfo } from './deps.js';

/** The administrator doing something, and from where. */
export interface AdminActor {
  id: string;
  client: ClientInfo;
}

/** Records an administrator's action in the audit log (inside the action's transaction). */
export async function auditAdminAction(
  db: Db,
  entry: { event: AuditEvent; at: string; actor: AdminActor; userId?: string | null; details?: Record<string, unknown> },
): Promise<void> {
  await auditRepository(db).record({
    event: entry.event,
    at: entry.at,
    userId: entry.userId ?? null,
    actorId: entry.actor.id,
    ip: entry.actor.client.ip,
    userAgent: entry.actor.client.userAgent,
    details: entry.details,
  });
}
