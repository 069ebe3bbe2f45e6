import { parentPort } from 'node:worker_threads';
import { renderScreenshots, type ScreenshotInput } from './screenshot.js';

/** A request to a render worker. */
export interface RenderRequest {
  id: number;
  input: ScreenshotInput;
}

/** A worker's answer: the PNGs, or the error message. */
export type RenderResponse = { id: number; pngs: Uint8Array[] } | { id: number; error: string };

parentPort?.on('message', (request: RenderRequest) => {
  const port = parentPort!;
  try {
    const pngs = renderScreenshots(request.input).map((png) => new Uint8Array(png));
    const response: RenderResponse = { id: request.id, pngs };
    // Transferring the buffers hands them over without a copy.
    port.postMessage(response, pngs.map((png) => png.buffer));
  } catch (error) {
    const response: RenderResponse = { id: request.id, error: error instanceof Error ? error.message : String(error) };
    port.postMessage(response);
  }
});
