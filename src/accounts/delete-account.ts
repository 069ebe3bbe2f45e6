import { adminUsersRepository } from '../db/repositories/admin-users.repository.js';
import { auditRepository } from '../db/repositories/audit.repository.js';
import { authThrottleRepository } from '../db/repositories/auth-throttle.repository.js';
import { sessionsRepository } from '../db/repositories/sessions.repository.js';
import { usersRepository } from '../db/repositories/users.repository.js';
import { errors } from '../errors.js';
import type { BlobStore } from '../storage/blob-store.js';
import type { AccountDeps, ClientInfo } from './deps.js';
import { verifyPassword } from './password-hashing.js';

/**
 * Deletes the user's account after checking their password: every session ends, every row of theirs goes (the
 * database cascades from the user; the audit entries about them, which hold addresses, are removed), then every blob
 * under `uploads/<userId>` and `exports/<userId>`. Only an anonymous `account.delete` entry with the old id remains. The last active
 * administrator cannot delete themselves, so the server is never left without one.
 */
export async function deleteAccount(
  deps: AccountDeps & { blobs: BlobStore },
  input: { userId: string; password: string; client: ClientInfo },
): Promise<{ deletedBlobs: number }> {
  const users = usersRepository(deps.db);
  const user = await users.findById(input.userId);
  if (!user) throw errors.unauthenticated();
  if (!(await verifyPassword(user.password_hash, input.password))) {
    throw errors.validation([{ field: 'password', message: 'is not your current password' }]);
  }
  if (user.role === 'admin' && user.disabled_at === null && (await users.countAdmins()) <= 1) {
    throw errors.conflict('You are the only administrator; make someone else an administrator first.');
  }
  const now = deps.clock().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await sessionsRepository(trx).revokeAll(user.id, now);
    await auditRepository(trx).deleteAbout(user.id);
    await authThrottleRepository(trx).clear(`account:${user.email}`);
    await adminUsersRepository(trx).delete(user.id);
    await auditRepository(trx).record({
      event: 'account.delete',
      at: now,
      ip: input.client.ip,
      userAgent: input.client.userAgent,
      details: { deletedUserId: user.id },
    });
  });
  const keys = [...(await deps.blobs.list(`uploads/${user.id}`)), ...(await deps.blobs.list(`exports/${user.id}`))];
  await Promise.all(keys.map((key) => deps.blobs.delete(key)));
  return { deletedBlobs: keys.length };
}
