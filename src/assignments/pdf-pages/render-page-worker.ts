import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PageRenderReply, PageRenderRequest } from './render-pdf-page.js';

interface CanvasLike {
  toBuffer(type: 'image/png'): Buffer;
}
interface CanvasFactoryLike {
  create(width: number, height: number): { canvas: CanvasLike; context: unknown };
}

// pdf.js draws the 14 standard fonts (Helvetica, Courier…) that a PDF names without embedding them from its own
// font files, and CJK text through its character maps; without these folders such text comes out as empty boxes.
const PDFJS = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const RESOURCES = {
  standardFontDataUrl: `${PDFJS}/standard_fonts/`,
  cMapUrl: `${PDFJS}/cmaps/`,
  cMapPacked: true,
  wasmUrl: `${PDFJS}/wasm/`,
};

/** Renders one page to PNG inside a worker thread with a heap limit; the parent enforces the time cap. */
async function render(request: PageRenderRequest): Promise<PageRenderReply> {
  const data = new Uint8Array(await readFile(request.path));
  const doc = await getDocument({ data, isEvalSupported: false, enableXfa: false, verbosity: 0, ...RESOURCES }).promise;
  try {
    if (request.page < 1 || request.page > doc.numPages) return { ok: false, reason: 'no-such-page', pages: doc.numPages };
    const page = await doc.getPage(request.page);
    const natural = page.getViewport({ scale: 1 });
    const scale = Math.min(request.maxWidth / natural.width, 3);
    const viewport = page.getViewport({ scale });
    // pdf.js ships a canvas factory for Node (backed by @napi-rs/canvas); its type is not exported.
    const factory = (doc as unknown as { canvasFactory: CanvasFactoryLike }).canvasFactory;
    const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    // RenderParameters is typed with DOM canvas types; the Node canvas pdf.js created itself is what it expects here.
    const parameters = { canvasContext: context, canvas, viewport } as unknown as Parameters<typeof page.render>[0];
    await page.render(parameters).promise;
    return { ok: true, png: canvas.toBuffer('image/png'), pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

render(workerData as PageRenderRequest).then(
  (reply) => parentPort?.postMessage(reply),
  () => parentPort?.postMessage({ ok: false, reason: 'corrupt', pages: 0 } satisfies PageRenderReply),
);
