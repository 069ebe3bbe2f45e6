import { awaitWorker, startWorker } from '../../workers/start-worker.js';
import { errors } from '../../errors.js';

export interface PageRenderRequest {
  path: string;
  page: number;
  maxWidth: number;
}

export type PageRenderReply =
  | { ok: true; png: Buffer | Uint8Array; pages: number }
  | { ok: false; reason: 'no-such-page' | 'corrupt'; pages: number };

const TIMEOUT_MS = 30_000;
const HEAP_MB = 512;

/** Renders page `page` (1-based) of a PDF to a PNG at most `maxWidth` pixels wide, in a capped worker thread. */
export function renderPdfPage(path: string, page: number, maxWidth = 1200): Promise<Buffer> {
  const worker = startWorker(
    new URL('./render-page-worker.js', import.meta.url),
    { path, page, maxWidth } satisfies PageRenderRequest,
    { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 },
  );
  const unreadable = () => errors.badRequest('This page of the PDF could not be drawn.');
  return awaitWorker(worker, {
    timeoutMs: TIMEOUT_MS,
    onReply: (reply: PageRenderReply) => {
      if (reply.ok) return Buffer.from(reply.png);
      throw reply.reason === 'no-such-page' ? errors.notFound('page') : unreadable();
    },
    onTimeout: unreadable,
    onError: unreadable,
  });
}
