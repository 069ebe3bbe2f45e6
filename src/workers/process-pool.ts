import type { ChildProcess } from 'node:child_process';
import { lowerPriority } from './background-priority.js';
import { holdOpen, killAndWait, startModuleProcess } from './module-process.js';
import { ThreadCrashError, ThreadTaskTimeoutError, type RunOptions, type TaskPool } from './thread-pool.js';

/** What the child process is started with (its argv[2], as JSON). */
export interface PoolProcessData {
  size: number;
  niceness: number;
}

/** One task for the child process's ThreadPool. */
export interface PoolProcessRequest {
  id: number;
  /** The task module's URL (ending in `.js`). */
  script: string;
  input: unknown;
  options: RunOptions;
}

/** A task's outcome, with how it failed so the caller gets the same error class as from a ThreadPool. */
export type PoolProcessReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; kind: 'timeout' | 'crash' | 'error'; message: string; code: string | undefined };

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * A ThreadPool in a child process of its own, at background priority. With autogroup scheduling (Linux's default
 * for desktops and most servers) every session gets one share of the CPU however many threads it runs, so
 * niced threads inside a server still spend the server's share and delay its event loop when the cores are
 * contended. This child leads its own session, whose group is niced like its threads, so screenshots, reports
 * and uploads take CPU the server's event loop does not want. Inputs and results cross by structured clone, as
 * with worker threads. If the child dies, its tasks fail with a ThreadCrashError and the next task starts a new one;
 * it exits when this process does (its IPC channel closes), and keeps this process alive only while tasks run.
 */
export class ProcessPool implements TaskPool {
  readonly size: number;
  private readonly niceness: number;
  private child: ChildProcess | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  constructor(options: { size: number; niceness: number }) {
    if (!Number.isInteger(options.size) || options.size < 1) throw new RangeError('size must be a positive integer');
    this.size = options.size;
    this.niceness = options.niceness;
  }

  /** The child's pid while it runs (for tests and diagnostics). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  run<Result>(script: URL, input: unknown, options: RunOptions): Promise<Result> {
    if (this.closed) return Promise.reject(new Error('thread pool closed'));
    return new Promise<unknown>((resolve, reject) => {
      const id = this.nextId++;
      const child = this.ensure();
      this.pending.set(id, { resolve, reject });
      this.holdOpen(true);
      const request: PoolProcessRequest = { id, script: script.href, input, options };
      // A closed channel means the child is gone, and its exit handler fails the task.
      if (!child.connected) return;
      child.send(request, (error) => {
        if (error) this.settle(id, (task) => task.reject(new Error(`the task could not be sent to the pool process: ${error.message}`)));
      });
    }) as Promise<Result>;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.child) await killAndWait(this.child);
  }

  private ensure(): ChildProcess {
    if (this.child) return this.child;
    const data: PoolProcessData = { size: this.size, niceness: this.niceness };
    // In a session of its own, the scheduler charges its CPU to a group of its own, niced below.
    const child = startModuleProcess(new URL('./pool-process-main.js', import.meta.url), [JSON.stringify(data)], { stdout: 'inherit' });
    if (this.niceness > 0) lowerPriority(child.pid, this.niceness);
    this.child = child;
    child.on('message', (reply: PoolProcessReply) => this.receive(reply));
    const lost = (reason: string) => {
      if (this.child !== child) return;
      this.child = null;
      for (const id of [...this.pending.keys()]) this.settle(id, (task) => task.reject(new ThreadCrashError(reason, undefined)));
    };
    // 'close' comes after the last message, so every result the child sent has been delivered first.
    child.once('close', (code, signal) => lost(`the pool process stopped (${signal ?? `exit ${code}`})`));
    child.once('error', (error) => lost(`the pool process failed: ${error.message}`));
    return child;
  }

  private receive(reply: PoolProcessReply): void {
    this.settle(reply.id, (task) => {
      if (reply.ok) task.resolve(reply.value);
      else if (reply.kind === 'timeout') task.reject(new ThreadTaskTimeoutError(reply.message));
      else if (reply.kind === 'crash') task.reject(new ThreadCrashError(reply.message, reply.code));
      else task.reject(new Error(reply.message));
    });
  }

  private settle(id: number, action: (task: Pending) => void): void {
    const task = this.pending.get(id);
    if (!task) return;
    this.pending.delete(id);
    if (this.pending.size === 0) this.holdOpen(false);
    action(task);
  }

  /** An idle pool must not keep this process alive; one with tasks must, or their results would be lost. */
  private holdOpen(hold: boolean): void {
    if (this.child) holdOpen(this.child, hold);
  }
}
