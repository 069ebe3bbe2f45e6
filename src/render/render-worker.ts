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
  let response: RenderResponse;
  try {
    const pngs = renderScreenshots(request.input).map((png) => new Uint8Array(png));
    response = { id: request.id, pngs };
    parentPort!.postMessage(response, pngs.map((png) => png.buffer));
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
    parentPort!.postMessage(response);
  }
});
