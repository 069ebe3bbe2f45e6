import { renderFileCard, type FileCardInput } from './cards.js';
import { renderScreenshots, type ScreenshotInput } from './screenshot.js';

/** What a pool thread draws: a program's screenshots or a text file's cards. */
export type RenderRequest = { kind: 'screenshots'; input: ScreenshotInput } | { kind: 'file-card'; input: FileCardInput };

/** Draws in a pool thread; the PNGs come back as plain bytes (a Buffer's pooled memory would be copied whole). */
export function handle(request: RenderRequest): Uint8Array[] {
  const pngs = request.kind === 'screenshots' ? renderScreenshots(request.input) : renderFileCard(request.input);
  return pngs.map((png) => new Uint8Array(png));
}
