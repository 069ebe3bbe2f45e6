import { auditRepository } from '../db/repositories/audit.repository.js';
import { profilesRepository, type ProfileFields } from '../db/repositories/profiles.repository.js';
import type { AccountDeps, ClientInfo } from './deps.js';

/** What a user may change about themselves; absent fields keep their value, null clears one. */
export type ProfileChanges = Partial<ProfileFields> & { displayName?: string | undefined };

/** Saves the user's profile edits (and display name) in one transaction, and notes which fields changed. */
export async function updateProfile(deps: AccountDeps, input: { userId: string; changes: ProfileChanges; client: ClientInfo }): Promise<void> {
  const { displayName, ...fields } = input.changes;
  const now = deps.clock().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const profiles = profilesRepository(trx);
    if (displayName !== undefined) await profiles.setDisplayName(input.userId, displayName.normalize('NFC'), now);
    await profiles.save(input.userId, fields, now);
    await auditRepository(trx).record({
      event: 'profile.update',
      at: now,
      userId: input.userId,
      ip: input.client.ip,
      userAgent: input.client.userAgent,
      details: { fields: Object.keys(input.changes).filter((key) => input.changes[key as keyof ProfileChanges] !== undefined).sort() },
    });
  });
}
