import { availableParallelism } from 'node:os';
import { Semaphore } from '../semaphore.js';
import { runProgram, type RunnerOptions } from './runner.js';
import type { RunRequest, RunResult } from './types.js';

/** Runs programs at most `concurrency` at a time (default: one per core); the rest wait in arrival order. */
export class SandboxPool {
  readonly concurrency: number;
  private readonly slots: Semaphore;

  constructor(
    concurrency: number = availableParallelism(),
    private readonly options: RunnerOptions = {},
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new RangeError('concurrency must be a positive integer');
    }
    this.concurrency = concurrency;
    this.slots = new Semaphore(concurrency);
  }

  /** Programs running or waiting right now. */
  get load(): { running: number; queued: number } {
    return this.slots.load;
  }

  /** Runs one program when a slot is free; `signal` kills it (or drops it from the queue) when aborted. */
  async run(request: RunRequest, signal?: AbortSignal): Promise<RunResult> {
    return this.slots.run(() => runProgram(request, signal ? { ...this.options, signal } : this.options));
  }
}
