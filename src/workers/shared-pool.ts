import { availableParallelism } from 'node:os';
import { BACKGROUND_NICENESS } from './background-priority.js';
import { ProcessPool } from './process-pool.js';
import { ThreadPool, type TaskPool } from './thread-pool.js';

const SIZE = Math.max(1, Math.min(4, availableParallelism()));

let shared: TaskPool | null = null;

/**
 * The process-wide pool for reading uploads, drawing screenshots and composing reports, created on first use. Its
 * threads run at a lower priority than the event loop, so a server answers first and works second.
 */
export function sharedPool(): TaskPool {
  shared ??= new ThreadPool({ size: SIZE, niceness: BACKGROUND_NICENESS });
  return shared;
}

/**
 * Puts the shared pool's threads in a background-priority process of their own (see ProcessPool), so their CPU is not
 * charged to this process's scheduling group. Servers call it before their first task; commands that run once keep
 * the threads in-process and save the extra start-up.
 */
export function isolateSharedPool(): void {
  if (shared) throw new Error('the shared pool is already in use');
  shared = new ProcessPool({ size: SIZE, niceness: BACKGROUND_NICENESS });
}
