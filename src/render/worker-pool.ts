import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RenderRequest, RenderResponse } from './render-worker.js';
import type { ScreenshotInput } from './screenshot.js';

interface Pending {
  resolve: (pngs: Buffer[]) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: number;
}

/**
 * Starts a render worker: the compiled `render-worker.js` next to this file, or, when running from source
 * (tests, `tsx`), the `.ts` file after registering tsx's loader inside the worker.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./render-worker.js', import.meta.url));
  const api = import.meta.resolve('tsx/esm/api');
  const script = new URL('./render-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); });`;
  return new Worker(boot, { eval: true });
}

/** A fixed set of worker threads that render screenshots, so a server's event loop never waits on drawing. */
export class RenderPool {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(readonly size = Math.max(1, Math.min(4, availableParallelism()))) {}

  /** Renders in the least busy worker; resolves to the same PNGs `renderScreenshots` returns. */
  render(input: ScreenshotInput): Promise<Buffer[]> {
    const slot = this.pickSlot();
    const id = this.nextId++;
    slot.busy++;
    if (slot.busy === 1) slot.worker.ref();
    return new Promise<Buffer[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const request: RenderRequest = { id, input };
      slot.worker.postMessage(request);
    }).finally(() => {
      slot.busy--;
      // An idle pool must not keep the process alive.
      if (slot.busy === 0) slot.worker.unref();
    });
  }

  /**
   * Starts every worker and has each load its fonts and grammars (a first render costs a few hundred
   * milliseconds), so a server can pay that at start-up rather than on a user's first screenshot.
   */
  async warm(): Promise<void> {
    await Promise.all(Array.from({ length: this.size }, () => this.render({ language: 'python', code: 'print("warm")', scale: 1 })));
  }

  /** Stops every worker; pending renders fail. */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
    for (const [id, pending] of this.pending) {
      pending.reject(new Error('render pool closed'));
      this.pending.delete(id);
    }
  }

  private pickSlot(): Slot {
    if (this.slots.length < this.size && this.slots.every((slot) => slot.busy > 0)) {
      const worker = startWorker();
      worker.unref();
      worker.on('message', (response: RenderResponse) => this.settle(response));
      const slot: Slot = { worker, busy: 0 };
      worker.on('error', (error) => this.fail(slot, error));
      this.slots.push(slot);
    }
    return this.slots.reduce((best, slot) => (slot.busy < best.busy ? slot : best));
  }

  private settle(response: RenderResponse): void {
    const pending = this.pending.get(response.id);
    if (!pending) return;
    this.pending.delete(response.id);
    if ('error' in response) pending.reject(new Error(response.error));
    else pending.resolve(response.pngs.map((png) => Buffer.from(png.buffer, png.byteOffset, png.byteLength)));
  }

  /** A crashed worker is dropped; what was pending fails rather than hanging (ids are not tracked per worker). */
  private fail(slot: Slot, error: Error): void {
    this.slots.splice(this.slots.indexOf(slot), 1);
    for (const [id, pending] of this.pending) {
      pending.reject(error);
      this.pending.delete(id);
    }
  }
}

let shared: RenderPool | null = null;

/** Renders screenshots in the process-wide worker pool (created on first use). */
export function renderInWorker(input: ScreenshotInput): Promise<Buffer[]> {
  shared ??= new RenderPool();
  return shared.render(input);
}
