import { availableParallelism } from 'node:os';
import { runProgram, type RunnerOptions } from './runner.js';
import type { RunRequest, RunResult } from './types.js';

/** Runs programs at most `concurrency` at a time (default: one per core); the rest wait in arrival order. */
export class SandboxPool {
  readonly concurrency: number;
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    concurrency: number = availableParallelism(),
    private readonly options: RunnerOptions = {},
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new RangeError('concurrency must be a positive integer');
    }
    this.concurrency = concurrency;
  }

  /** Programs running or waiting right now. */
  get load(): { running: number; queued: number } {
    return { running: this.active, queued: this.waiting.length };
  }

  /** Runs one program when a slot is free; `signal` kills it (or drops it from the queue) when aborted. */
  async run(request: RunRequest, signal?: AbortSignal): Promise<RunResult> {
    if (this.active >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await runProgram(request, signal ? { ...this.options, signal } : this.options);
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next in line, so `active` never drops and rises again in between.
      if (next) next();
      else this.active--;
    }
  }
}
