import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextContent, TextItem as PdfJsItem } from 'pdfjs-dist/types/src/display/api.js';
import { isMonospaceFont } from '../fonts.js';
import type { PageText, TextItem, WorkerReply, WorkerRequest } from './pdf-text.js';

const IMAGE_OPS = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject]);

/** Runs inside a worker thread with memory limits; the parent enforces the time cap by terminating it. */
async function extract(request: WorkerRequest): Promise<WorkerReply> {
  const data = new Uint8Array(await readFile(request.path));
  let doc;
  try {
    doc = await getDocument({
      data,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      enableXfa: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    return { ok: false, reason: name === 'PasswordException' ? 'encrypted' : 'corrupt' };
  }
  if (doc.numPages === 0) return { ok: false, reason: 'no-pages' };
  if (doc.numPages > request.maxPages) return { ok: false, reason: 'too-many-pages', pages: doc.numPages };
  const javascript = Object.keys((await doc.getJSActions()) ?? {}).length > 0;
  const pages: PageText[] = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    const viewport = page.getViewport({ scale: 1 });
    const operators = await page.getOperatorList();
    const content = await page.getTextContent();
    pages.push({
      width: viewport.width,
      height: viewport.height,
      items: toItems(content, (fontName) => fontNameOf(page.commonObjs, fontName)),
      images: operators.fnArray.filter((op) => IMAGE_OPS.has(op)).length,
    });
    page.cleanup();
  }
  await doc.destroy();
  return { ok: true, pages, javascript };
}

function fontNameOf(objs: { has(id: string): boolean; get(id: string): unknown }, id: string): string {
  if (!objs.has(id)) return '';
  const font = objs.get(id) as { name?: unknown } | null;
  return typeof font?.name === 'string' ? font.name : '';
}

function toItems(content: TextContent, nameOf: (fontName: string) => string): TextItem[] {
  const out: TextItem[] = [];
  for (const raw of content.items) {
    if (!('str' in raw)) continue;
    const item = raw as PdfJsItem;
    if (item.str === '') continue;
    const [a, b, , , e, f] = item.transform as number[];
    const name = nameOf(item.fontName);
    const family = content.styles[item.fontName]?.fontFamily;
    out.push({
      str: item.str,
      x: e ?? 0,
      y: f ?? 0,
      width: item.width,
      size: Math.hypot(a ?? 0, b ?? 0) || item.height,
      mono: family === 'monospace' || isMonospaceFont(name),
      bold: /bold|black|heavy/i.test(name),
    });
  }
  return out;
}

const port = parentPort;
if (port) {
  extract(workerData as WorkerRequest).then(
    (reply) => port.postMessage(reply),
    () => port.postMessage({ ok: false, reason: 'corrupt' } satisfies WorkerReply),
  );
}
