import argon2 from 'argon2';
import { availableParallelism } from 'node:os';
import { Semaphore } from '../semaphore.js';

// OWASP's argon2id floor (19 MiB, t=2, p=1): strong enough, and sign-in stays fast under load.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// argon2 runs on libuv's pool of 4 threads: a burst of sign-ups would take every core from the event loop (and every
// pool thread from file I/O). One core is left to the loop; the rest of the burst waits its turn.
const hashing = new Semaphore(Math.max(1, availableParallelism() - 1));

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hashing.run(() => argon2.hash(password, OPTIONS));
}

let dummyHash: Promise<string> | undefined;

/** Verifies a password; with no stored hash it still spends the same work, so unknown emails answer alike. */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hashPassword('labmate-timing-equaliser');
    const equaliser = await dummyHash;
    await hashing.run(() => argon2.verify(equaliser, password));
    return false;
  }
  try {
    return await hashing.run(() => argon2.verify(storedHash, password));
  } catch {
    return false;
  }
}
