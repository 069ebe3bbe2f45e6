import { sharedPool } from '../workers/shared-pool.js';
import type { TaskPool } from '../workers/thread-pool.js';
import type { FileCardInput } from './cards.js';
import type { RenderRequest } from './render-worker.js';
import type { ScreenshotInput } from './screenshot.js';

const RENDER_WORKER = new URL('./render-worker.js', import.meta.url);
// A screenshot takes tens of milliseconds; a minute means the thread is stuck, and it is replaced.
const TIMEOUT_MS = 60_000;

/** Draws screenshots and file cards in worker threads (the process-wide pool by default), never on the event loop. */
export class RenderPool {
  constructor(private readonly threads: TaskPool = sharedPool()) {}

  /** Renders in the next free thread; resolves to the same PNGs `renderScreenshots` returns. */
  render(input: ScreenshotInput): Promise<Buffer[]> {
    return this.draw({ kind: 'screenshots', input });
  }

  /** Renders a text file's cards in the next free thread; the same PNGs as `renderFileCard`. */
  fileCards(input: FileCardInput): Promise<Buffer[]> {
    return this.draw({ kind: 'file-card', input });
  }

  /**
   * Has every thread load its fonts and grammars (a first render costs a few hundred milliseconds), so a server
   * can pay that at start-up rather than on a user's first screenshot.
   */
  async warm(): Promise<void> {
    await Promise.all(Array.from({ length: this.threads.size }, () => this.render({ language: 'python', code: 'print("warm")', scale: 1 })));
  }

  private async draw(request: RenderRequest): Promise<Buffer[]> {
    const pngs = await this.threads.run<Uint8Array[]>(RENDER_WORKER, request, { timeoutMs: TIMEOUT_MS });
    return pngs.map((png) => Buffer.from(png.buffer, png.byteOffset, png.byteLength));
  }
}
