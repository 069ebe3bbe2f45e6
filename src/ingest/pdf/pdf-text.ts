/** One positioned piece of text as the PDF draws it (PDF units, origin bottom-left). */
export interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  mono: boolean;
  bold: boolean;
}

/** What the worker extracts from one page. */
export interface PageText {
  width: number;
  height: number;
  items: TextItem[];
  images: number;
}

/** The worker's answer: pages, or the reason it stopped. */
export type WorkerReply =
  | { ok: true; pages: PageText[]; javascript: boolean }
  | { ok: false; reason: 'too-many-pages'; pages: number }
  | { ok: false; reason: 'no-pages' | 'corrupt' | 'encrypted' };

/** What the worker is asked to do. */
export interface WorkerRequest {
  path: string;
  maxPages: number;
}
