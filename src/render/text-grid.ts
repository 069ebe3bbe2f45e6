import type { StyledRun } from './highlight.js';
import type { Rgb } from './raster/surface.js';

/** One character cell of a monospace grid: a character (with any combining marks), its width in columns and its style. */
export interface Cell {
  char: string;
  width: 1 | 2;
  color: Rgb;
  bold: boolean;
  italic: boolean;
}

/** A row of cells as drawn; `lineNumber` is set on the first row of each source line (editors number those). */
export interface GridRow {
  cells: Cell[];
  lineNumber?: number;
}

/** Columns a code point occupies in a terminal: 0 for combining marks, 2 for East Asian wide characters and emoji. */
export function charColumns(cp: number): 0 | 1 | 2 {
  if ((cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x1ab0 && cp <= 0x1aff) || (cp >= 0x20d0 && cp <= 0x20ff) || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x1fa70 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** Control characters are shown as their Unicode control pictures (␛, ␇ ...) rather than silently dropped. */
function visible(cp: number): string {
  if (cp < 0x20) return String.fromCodePoint(0x2400 + cp);
  if (cp === 0x7f) return '\u2421';
  return String.fromCodePoint(cp);
}

/** A cursor-addressed line buffer: writes go at the cursor, so `\r` returns to column 0 and overwrites, like a console. */
export class LineBuilder {
  readonly rows: Cell[][] = [[]];
  private column = 0;
  /** Columns occupied left of the cursor, kept as cells are written so tabs cost O(1). */
  private width = 0;

  constructor(private readonly tabSize: number) {}

  /** Whether the cursor sits at the start of an empty line. */
  get atLineStart(): boolean {
    return this.column === 0;
  }

  /** Writes text in one style, interpreting newline, carriage return and tab. */
  write(text: string, color: Rgb, bold = false, italic = false): void {
    const normalized = text.replace(/\r\n/g, '\n');
    for (const ch of normalized) {
      const cp = ch.codePointAt(0)!;
      if (cp === 0x0a) {
        this.rows.push([]);
        this.column = 0;
        this.width = 0;
      } else if (cp === 0x0d) {
        this.column = 0;
        this.width = 0;
      } else if (cp === 0x09) {
        const stop = (Math.floor(this.width / this.tabSize) + 1) * this.tabSize;
        while (this.width < stop) this.put({ char: ' ', width: 1, color, bold, italic });
      } else {
        const columns = charColumns(cp);
        const row = this.rows[this.rows.length - 1]!;
        if (columns === 0 && this.column > 0) {
          const previous = row[this.column - 1]!;
          row[this.column - 1] = { ...previous, char: previous.char + ch };
        } else {
          this.put({ char: visible(cp), width: columns === 2 ? 2 : 1, color, bold, italic });
        }
      }
    }
  }

  private put(cell: Cell): void {
    const row = this.rows[this.rows.length - 1]!;
    row[this.column] = cell;
    this.column++;
    this.width += cell.width;
  }
}

/** Expands each code line's runs into cells (tabs to the editor's tab stops). */
export function codeToLines(lines: StyledRun[][], tabSize: number): Cell[][] {
  return lines.map((runs) => {
    const builder = new LineBuilder(tabSize);
    for (const run of runs) builder.write(run.text.replace(/[\r\n]/g, ''), run.color, run.bold, run.italic);
    return builder.rows[0]!;
  });
}

/** The width of a line in columns. */
export function lineColumns(cells: Cell[]): number {
  let width = 0;
  for (const cell of cells) width += cell.width;
  return width;
}

/** Breaks a line into rows of at most `columns` columns; an empty line stays one empty row. */
export function wrapLine(cells: Cell[], columns: number): Cell[][] {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let width = 0;
  for (const cell of cells) {
    if (width + cell.width > columns && row.length > 0) {
      rows.push(row);
      row = [];
      width = 0;
    }
    row.push(cell);
    width += cell.width;
  }
  rows.push(row);
  return rows;
}
