import { availableParallelism } from 'node:os';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import type { PoolReply, PoolRequest, PoolThreadData } from './pool-thread.js';
import { startWorker, workerModule } from './start-worker.js';

/** Thrown when a task outlived its time cap; its thread was stopped and replaced. */
export class ThreadTaskTimeoutError extends Error {}

/**
 * Thrown when a thread died under a task (out of memory, a crash); `code` is the worker's, e.g.
 * `ERR_WORKER_OUT_OF_MEMORY`. The thread is replaced; other tasks are unaffected.
 */
export class ThreadCrashError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export interface ThreadPoolOptions {
  /** Threads at most; default one per core, at most 4. */
  size?: number;
  /** Niceness of every thread (Linux sets it per thread): above 0 lets the event loop's thread go first. */
  niceness?: number;
  /** Caps of every thread; a task that exceeds the heap crashes its thread, which is replaced. */
  resourceLimits?: ResourceLimits;
}

/** Runs CPU-bound task modules off the calling thread: a ThreadPool here, or a ProcessPool in a child process. */
export interface TaskPool {
  /** Tasks run at once at most. */
  readonly size: number;
  /**
   * Runs `handle(input)` of `script` (a module URL ending in `.js`, as `new URL('./x.js', import.meta.url)`);
   * resolves to what it returns, rejects with what it throws, a ThreadTaskTimeoutError or a ThreadCrashError.
   */
  run<Result>(script: URL, input: unknown, options: RunOptions): Promise<Result>;
  /** Stops it; running and queued tasks fail. */
  close(): Promise<void>;
}

/** How one task runs: its time cap, and whether it goes before the queued tasks that are not urgent. */
export interface RunOptions {
  timeoutMs: number;
  /** For short work someone waits on (a sign-in's password hash), not to queue behind uploads and reports. */
  urgent?: boolean;
}

interface Task {
  id: number;
  script: string;
  input: unknown;
  timeoutMs: number;
  urgent: boolean;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

const DEFAULT_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 };

/**
 * A fixed number of long-lived worker threads that run CPU-bound tasks in arrival order, so a server's event loop
 * neither does the work nor pays a thread start and module load per call. A task is a module exporting
 * `handle(input)` (see pool-thread.ts); modules load once per thread.
 */
export class ThreadPool implements TaskPool {
  readonly size: number;
  private readonly threads: Thread[] = [];
  private readonly queue: Task[] = [];
  private readonly data: PoolThreadData;
  private readonly resourceLimits: ResourceLimits;
  private nextId = 1;
  private closed = false;

  constructor(options: ThreadPoolOptions = {}) {
    this.size = options.size ?? Math.max(1, Math.min(4, availableParallelism()));
    if (!Number.isInteger(this.size) || this.size < 1) throw new RangeError('size must be a positive integer');
    this.data = { niceness: options.niceness ?? 0 };
    this.resourceLimits = options.resourceLimits ?? DEFAULT_LIMITS;
  }

  /** Threads started and tasks waiting for one. */
  get load(): { threads: number; busy: number; queued: number } {
    return { threads: this.threads.length, busy: this.threads.filter((thread) => thread.task).length, queued: this.queue.length };
  }

  /**
   * Runs `handle(input)` of `script` (a module URL ending in `.js`, as `new URL('./x.js', import.meta.url)`) in the
   * next free thread; resolves to what it returns, rejects with what it throws, a ThreadTaskTimeoutError or a
   * ThreadCrashError.
   */
  run<Result>(script: URL, input: unknown, options: RunOptions): Promise<Result> {
    if (this.closed) return Promise.reject(new Error('thread pool closed'));
    return new Promise<unknown>((resolve, reject) => {
      const urgent = options.urgent ?? false;
      const task: Task = { id: this.nextId++, script: workerModule(script), input, timeoutMs: options.timeoutMs, urgent, resolve, reject };
      // An urgent task goes after the urgent ones already waiting, before the rest.
      const at = urgent ? this.queue.findIndex((queued) => !queued.urgent) : -1;
      this.queue.splice(at === -1 ? this.queue.length : at, 0, task);
      this.dispatch();
    }) as Promise<Result>;
  }

  /** Stops every thread; running and queued tasks fail. */
  async close(): Promise<void> {
    this.closed = true;
    const closing = new Error('thread pool closed');
    for (const task of this.queue.splice(0)) task.reject(closing);
    const threads = this.threads.splice(0);
    for (const thread of threads) {
      const task = thread.task;
      this.settle(thread, () => task?.reject(closing));
    }
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let thread = this.threads.find((candidate) => !candidate.task);
      if (!thread) {
        if (this.threads.length >= this.size) return;
        thread = this.start();
      }
      const task = this.queue.shift()!;
      thread.task = task;
      thread.worker.ref();
      thread.timer = setTimeout(() => this.replace(thread, new ThreadTaskTimeoutError(`task took longer than ${task.timeoutMs} ms`)), task.timeoutMs);
      thread.worker.postMessage({ id: task.id, script: task.script, input: task.input } satisfies PoolRequest);
    }
  }

  private start(): Thread {
    const worker = startWorker(new URL('./pool-thread.js', import.meta.url), this.data, this.resourceLimits);
    const thread: Thread = { worker, task: null, timer: null };
    worker.unref();
    worker.on('message', (reply: PoolReply) => {
      const task = thread.task;
      if (!task || task.id !== reply.id) return;
      this.settle(thread, () => (reply.ok ? task.resolve(reply.value) : task.reject(new Error(reply.message))));
      // An idle pool must not keep the process alive.
      worker.unref();
      this.dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => this.replace(thread, new ThreadCrashError(`worker thread failed: ${error.message}`, error.code)));
    worker.on('exit', () => this.replace(thread, new ThreadCrashError('worker thread exited', undefined)));
    this.threads.push(thread);
    return thread;
  }

  /** Fails the thread's task, drops the thread (a new one starts on demand) and moves the queue on. */
  private replace(thread: Thread, error: Error): void {
    const index = this.threads.indexOf(thread);
    if (index < 0) return;
    this.threads.splice(index, 1);
    const task = thread.task;
    this.settle(thread, () => task?.reject(error));
    void thread.worker.terminate();
    this.dispatch();
  }

  private settle(thread: Thread, action: () => void): void {
    if (thread.timer) clearTimeout(thread.timer);
    thread.timer = null;
    thread.task = null;
    action();
  }
}
