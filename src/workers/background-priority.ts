import { writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';

/** Niceness of the shared pool's threads: within the server's process, the event loop's thread goes first. */
export const BACKGROUND_NICENESS = 10;

/**
 * Lowers a just-started child's CPU priority to `niceness`, so a server's event loop goes first when the cores are busy. A detached
 * child leads its own session, which Linux with autogroup schedules as a group of its own against the server's; the
 * group's niceness is what counts then, so it is set too (everything the child starts later inherits both). Best
 * effort: where neither can be set, the child runs at the server's priority.
 */
export function lowerPriority(pid: number | undefined, niceness: number): void {
  if (pid === undefined) return;
  try {
    setPriority(pid, niceness);
  } catch {
    // Gone already, or not ours to change.
  }
  try {
    writeFileSync(`/proc/${pid}/autogroup`, String(niceness));
  } catch {
    // No procfs or no autogroup (the kernel then schedules by the niceness above).
  }
}
