import { randomUUID } from 'node:crypto';
import { isoAfter } from '../clock.js';
import { invitesRepository } from '../db/repositories/invites.repository.js';
import type { AccountDeps } from './deps.js';
import { newToken } from './tokens.js';

/** Creates an invite code usable `maxUses` times, optionally expiring after `expiresInDays`. */
export async function createInvite(
  deps: AccountDeps,
  input: { maxUses: number; expiresInDays?: number | undefined; note?: string | undefined; createdBy?: string | null },
): Promise<{ id: string; code: string; expiresAt: string | null }> {
  const now = deps.clock();
  const id = randomUUID();
  const code = newToken().slice(0, 16);
  const expiresAt = input.expiresInDays ? isoAfter(now, input.expiresInDays * 24 * 60 * 60_000) : null;
  await invitesRepository(deps.db).create({
    id,
    code,
    max_uses: input.maxUses,
    expires_at: expiresAt,
    created_by: input.createdBy ?? null,
    note: input.note ?? null,
    created_at: now.toISOString(),
  });
  return { id, code, expiresAt };
}
