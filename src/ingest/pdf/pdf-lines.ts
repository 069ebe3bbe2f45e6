import { paragraph, type Block, type ParagraphBlock } from '../model.js';
import type { PageText, TextItem } from './pdf-text.js';

/** A rebuilt line before headers and footers are removed. */
interface Line {
  page: number;
  y: number;
  x: number;
  top: boolean;
  bottom: boolean;
  block: ParagraphBlock;
}

const EDGE_SHARE = 0.1;

/** Repairs what PDF text layers break: ligature glyphs, private-use bullets, stray soft hyphens. */
export function repairText(text: string): string {
  return text
    .replace(/[\uFB00-\uFB06]/g, (ligature) => ligature.normalize('NFKC'))
    .replace(/[\uE000-\uF8FF]/g, '•')
    .replace(/\u00AD/g, '');
}

/** Groups a page's items into lines by baseline, left to right, keeping indentation as leading spaces. */
function pageLines(page: PageText, pageNumber: number, margin: number): Line[] {
  const items = [...page.items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: TextItem[][] = [];
  for (const item of items) {
    const row = rows[rows.length - 1];
    const head = row?.[0];
    if (row && head && Math.abs(head.y - item.y) <= Math.max(1.5, Math.min(head.size, item.size) * 0.4)) row.push(item);
    else rows.push([item]);
  }
  mergeSuperscripts(rows);
  const lines: Line[] = [];
  for (const row of rows) {
    if (row.length === 0) continue;
    row.sort((a, b) => a.x - b.x);
    const text = joinRow(row);
    if (text.trim() === '') continue;
    const first = row[0]!;
    const chars = row.reduce((n, item) => n + item.str.replace(/\s/g, '').length, 0) || 1;
    const mono = row.reduce((n, item) => n + (item.mono ? item.str.replace(/\s/g, '').length : 0), 0) / chars >= 0.6;
    const bold = row.reduce((n, item) => n + (item.bold ? item.str.replace(/\s/g, '').length : 0), 0) / chars >= 0.6;
    const charWidth = mono ? monoCharWidth(row) : first.size * 0.5;
    const indent = Math.max(0, Math.round((first.x - margin) / Math.max(1, charWidth)));
    lines.push({
      page: pageNumber,
      y: first.y,
      x: first.x,
      top: first.y > page.height * (1 - EDGE_SHARE),
      bottom: first.y < page.height * EDGE_SHARE,
      block: paragraph(' '.repeat(Math.min(indent, 40)) + repairText(text.trimStart()), { monospace: mono, bold, page: pageNumber }),
    });
  }
  return lines;
}

/** Ordinal suffixes and exponents ("m<sup>th</sup>") sit on their own baseline; fold them into their line. */
function mergeSuperscripts(rows: TextItem[][]): void {
  for (let r = 0; r < rows.length - 1; r++) {
    const row = rows[r]!;
    const below = rows[r + 1]!;
    const head = below[0];
    if (!head || row.length === 0) continue;
    const small = row.every((item) => item.size < head.size * 0.8 && item.str.trim().length <= 4);
    if (small && row[0]!.y - head.y < head.size) {
      below.push(...row.map((item) => ({ ...item, y: head.y })));
      rows[r] = [];
    }
  }
}

function monoCharWidth(row: TextItem[]): number {
  let width = 0;
  let count = 0;
  for (const item of row) {
    if (!item.mono || item.str.length === 0) continue;
    width += item.width;
    count += item.str.length;
  }
  return count ? width / count : 6;
}

/** Joins the items of one line, adding a space where the gap between two items is wider than a thin space. */
function joinRow(row: TextItem[]): string {
  let text = '';
  let end = -Infinity;
  for (const item of row) {
    const gap = item.x - end;
    if (text && !/\s$/.test(text) && !/^\s/.test(item.str) && gap > item.size * 0.15) {
      // Only monospace text keeps the width of a gap (aligned code); prose gets one space.
      const charWidth = item.str.length ? item.width / item.str.length : item.size * 0.5;
      text += item.mono ? ' '.repeat(Math.max(1, Math.min(8, Math.round(gap / Math.max(1, charWidth))))) : ' ';
    }
    text += item.str;
    end = item.x + item.width;
  }
  return text;
}

/** Text with digits folded so "Page 3 of 9" and "Page 4 of 9" count as the same furniture. */
function furnitureKey(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The left text margin of the document: the smallest x that many lines start at. */
function leftMargin(pages: PageText[]): number {
  const counts = new Map<number, number>();
  for (const page of pages) for (const item of page.items) counts.set(Math.round(item.x), (counts.get(Math.round(item.x)) ?? 0) + 1);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const enough = total < 100 ? 1 : Math.max(3, total * 0.02);
  const xs = [...counts.entries()].filter(([, n]) => n >= enough).map(([x]) => x);
  return xs.length ? Math.min(...xs) : 0;
}

/**
 * Turns positioned text into blocks: one paragraph per line, running headers and footers (text repeated at the
 * top or bottom of many pages, page numbers) removed, an image block per page that draws pictures.
 */
export function buildPdfBlocks(pages: PageText[]): { blocks: Block[]; furniture: string[]; warnings: string[] } {
  const margin = leftMargin(pages);
  const perPage = pages.map((page, index) => pageLines(page, index + 1, margin));
  const seen = new Map<string, Set<number>>();
  for (const lines of perPage) {
    for (const line of lines) {
      if (!line.top && !line.bottom) continue;
      const key = furnitureKey(line.block.text);
      const set = seen.get(key) ?? new Set<number>();
      set.add(line.page);
      seen.set(key, set);
    }
  }
  const repeatedOn = Math.max(2, Math.ceil(pages.length * 0.4));
  const furniture = new Set<string>();
  const blocks: Block[] = [];
  const warnings: string[] = [];
  perPage.forEach((lines, index) => {
    const page = pages[index]!;
    if (lines.length === 0) warnings.push(`scanned page ${index + 1}: no text layer`);
    for (const line of lines) {
      const key = furnitureKey(line.block.text);
      const edge = line.top || line.bottom;
      const repeated = edge && pages.length > 1 && (seen.get(key)?.size ?? 0) >= repeatedOn;
      const pageNumber = edge && /^(page\s*)?#(\s*(of|\/)\s*#)?$/.test(key);
      if (repeated || pageNumber) {
        furniture.add(line.block.text.trim());
        continue;
      }
      blocks.push(line.block);
    }
    if (page.images > 0) blocks.push({ type: 'image', count: page.images, page: index + 1 });
  });
  return { blocks, furniture: [...furniture], warnings };
}
