import { sharedPool } from '../workers/shared-pool.js';
import type { HashingRequest } from './password-hashing-worker.js';

const WORKER = new URL('./password-hashing-worker.js', import.meta.url);
const TIMEOUT_MS = 30_000;

// argon2 is meant to cost CPU, and on libuv's threads it would take that CPU in the server's own scheduling share,
// preempting the event loop's thread on every sign-up and sign-in. The shared pool runs it at background priority
// (in `serve`, in a process of its own) and bounds how many hashes run at once; someone is waiting on each, so it
// goes before queued uploads and reports.
function inPool<Result extends string | boolean>(request: HashingRequest): Promise<Result> {
  return sharedPool().run<Result>(WORKER, request, { timeoutMs: TIMEOUT_MS, urgent: true });
}

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return inPool<string>({ op: 'hash', password });
}

let dummyHash: Promise<string> | undefined;

/** Verifies a password; with no stored hash it still spends the same work, so unknown emails answer alike. */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hashPassword('labmate-timing-equaliser').catch((error: unknown) => {
      dummyHash = undefined;
      throw error;
    });
    await inPool<boolean>({ op: 'verify', hash: await dummyHash, password });
    return false;
  }
  return inPool<boolean>({ op: 'verify', hash: storedHash, password });
}
