import { randomUUID } from 'node:crypto';
import { isoAfter } from '../clock.js';
import { oneTimeTokensRepository } from '../db/repositories/one-time-tokens.repository.js';
import { usersRepository } from '../db/repositories/users.repository.js';
import type { OneTimeTokenPurpose } from '../db/schema.js';
import type { AccountDeps } from './deps.js';
import { hashToken, newToken } from './tokens.js';

/** How long a one-time link stays valid. */
export const ONE_TIME_LINK_LIFETIME_MS = 24 * 60 * 60_000;

/** The page a one-time token opens. */
const PAGES: Record<OneTimeTokenPurpose, string> = {
  'admin-setup': '/setup',
  'set-password': '/set-password',
};

/** Issues a single-use token and returns the link that carries it (valid 24 hours). */
export async function issueOneTimeLink(
  deps: AccountDeps,
  input: { purpose: OneTimeTokenPurpose; userId: string | null; publicUrl: string },
): Promise<string> {
  const token = newToken();
  const now = deps.clock();
  await oneTimeTokensRepository(deps.db).create({
    id: randomUUID(),
    token_hash: hashToken(token),
    purpose: input.purpose,
    user_id: input.userId,
    expires_at: isoAfter(now, ONE_TIME_LINK_LIFETIME_MS),
    created_at: now.toISOString(),
  });
  return `${input.publicUrl}${PAGES[input.purpose]}#token=${token}`;
}

/** When the server has no administrator, a fresh admin set-up link (older unused ones are voided); else undefined. */
export async function adminSetupLinkIfNeeded(deps: AccountDeps, publicUrl: string): Promise<string | undefined> {
  if ((await usersRepository(deps.db).countAdmins()) > 0) return undefined;
  await oneTimeTokensRepository(deps.db).expireAll('admin-setup', deps.clock().toISOString());
  return issueOneTimeLink(deps, { purpose: 'admin-setup', userId: null, publicUrl });
}
