import argon2 from 'argon2';

// OWASP's argon2id floor (19 MiB, t=2, p=1): strong enough, and sign-in stays fast under load.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** One hashing job for a pool thread. */
export type HashingRequest = { op: 'hash'; password: string } | { op: 'verify'; hash: string; password: string };

/** Hashes or verifies a password in a pool thread; a hash argon2 cannot read verifies as false. */
export async function handle(request: HashingRequest): Promise<string | boolean> {
  if (request.op === 'hash') return argon2.hash(request.password, OPTIONS);
  try {
    return await argon2.verify(request.hash, request.password);
  } catch {
    return false;
  }
}
