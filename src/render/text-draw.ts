import { faceStack, type FontStyle } from './font/bundled.js';
import type { FaceStack } from './font/face.js';
import type { Rgb, Surface } from './raster/surface.js';
import type { Cell } from './text-grid.js';
import type { FontSpec } from './theme-spec.js';

/** A monospace font at device pixels: its three styles, cell width, line height and baseline offset within a row. */
export interface GridFont {
  styles: Record<FontStyle, FaceStack>;
  cellWidth: number;
  lineHeight: number;
  baseline: number;
}

/** Builds the grid metrics for a monospace font at a pixel density. */
export function gridFont(font: FontSpec, lineHeight: number, scale: number): GridFont {
  const size = font.size * scale;
  const styles = {
    regular: faceStack(font.family, font.bold ? 'bold' : 'regular', size),
    bold: faceStack(font.family, 'bold', size),
    italic: faceStack(font.family, 'italic', size),
  };
  const primary = styles.regular.primary;
  const rowHeight = Math.round(lineHeight * scale);
  return {
    styles,
    cellWidth: Math.round(primary.advance(0x4d)),
    lineHeight: rowHeight,
    baseline: Math.round((rowHeight - (primary.ascent + primary.descent)) / 2 + primary.ascent),
  };
}

/** Draws a row of cells on the grid starting at (x, top). */
export function drawCells(surface: Surface, font: GridFont, cells: Cell[], x: number, top: number): void {
  let column = 0;
  const baseline = top + font.baseline;
  for (const cell of cells) {
    const stack = cell.bold ? font.styles.bold : cell.italic ? font.styles.italic : font.styles.regular;
    const slot = cell.width * font.cellWidth;
    for (const ch of cell.char) {
      const cp = ch.codePointAt(0)!;
      if (cp === 0x20) continue;
      const face = stack.faceFor(cp);
      // Glyphs from a fallback font keep their own advance; centring them keeps the grid aligned.
      const offset = face === stack.primary ? 0 : Math.round((slot - face.advance(cp)) / 2);
      surface.drawMask(face.mask(cp), x + column * font.cellWidth + offset, baseline, cell.color);
    }
    column += cell.width;
  }
}

/** The width in device pixels of proportional UI text. */
export function textWidth(stack: FaceStack, text: string): number {
  let width = 0;
  for (const ch of text) width += stack.faceFor(ch.codePointAt(0)!).advance(ch.codePointAt(0)!);
  return Math.round(width);
}

/** Draws proportional UI text (titles, menus, status lines) with its baseline at `baseline`; returns the end x. */
export function drawText(surface: Surface, stack: FaceStack, text: string, x: number, baseline: number, color: Rgb): number {
  let pen = x;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const face = stack.faceFor(cp);
    if (cp !== 0x20) surface.drawMask(face.mask(cp), Math.round(pen), baseline, color);
    pen += face.advance(cp);
  }
  return Math.round(pen);
}

/** A UI font stack at device pixels. */
export function uiStack(font: FontSpec, scale: number): FaceStack {
  return faceStack(font.family, font.bold ? 'bold' : 'regular', font.size * scale);
}

/** The baseline that centres a UI font vertically in a band of the given height. */
export function centredBaseline(stack: FaceStack, top: number, height: number): number {
  const face = stack.primary;
  return Math.round(top + (height - (face.ascent + face.descent)) / 2 + face.ascent);
}
