import { composePage, type PageContent } from './compose.js';
import { highlight } from './highlight.js';
import { encodePng } from './raster/png-encode.js';
import { codeToLines, LineBuilder, lineColumns, wrapLine, type Cell, type GridRow } from './text-grid.js';
import type { ConsoleSection, SceneContext, ThemeSpec } from './theme-spec.js';
import { themeFor, type ThemeName } from './themes/index.js';

/** One piece of a run's transcript: what the program printed (stdout, stderr) or the input it read (stdin). */
export interface TranscriptSegment {
  stream: 'stdout' | 'stderr' | 'stdin';
  text: string;
}

/** Everything a code screenshot shows; plain data, so it can cross a worker-thread boundary. */
export interface ScreenshotInput {
  /** Theme name; defaults to the language's usual editor (python → idle, c/cpp → codeblocks, java → notepad, ...). */
  theme?: ThemeName;
  language: string;
  code: string;
  transcript?: TranscriptSegment[];
  /** File name for title bars and commands; defaults to `main` plus the language's extension. */
  title?: string;
  studentName?: string;
  exitCode?: number | null;
  timeMs?: number | null;
  /** Runtime banner, e.g. "Python 3.11.2". */
  runtime?: string;
  /** Pixel density: 2 (default) or 1. */
  scale?: number;
  /** `pages` (default) continues long code on further images; `tall` makes one image. */
  layout?: 'pages' | 'tall';
  /** Code rows per image in `pages` layout; console rows per image are a quarter more. */
  rowsPerPage?: number;
}

const EXTENSIONS: Record<string, string> = { python: 'py', c: 'c', cpp: 'cpp', java: 'java', javascript: 'js', html: 'html' };

const DEFAULT_ROWS_PER_PAGE = 48;
/** Even a "tall" image continues on another past this many rows, so 1 MB of output cannot exhaust memory. */
const MAX_TALL_ROWS = 1500;

/** The file name shown for a program: the given title, else the Java class name or `main`, with the language's extension. */
export function fileNameFor(input: Pick<ScreenshotInput, 'title' | 'language' | 'code'>): string {
  const extension = EXTENSIONS[input.language] ?? 'txt';
  const given = input.title?.trim().replace(/[\\/]/g, '_');
  if (given) return /\.[A-Za-z0-9]+$/.test(given) ? given : `${given}.${extension}`;
  if (input.language === 'java') {
    const match = /\bpublic\s+(?:final\s+|abstract\s+)*class\s+([A-Za-z_$][\w$]*)/.exec(input.code) ?? /\bclass\s+([A-Za-z_$][\w$]*)/.exec(input.code);
    if (match) return `${match[1]}.java`;
  }
  return `main.${extension}`;
}

function consoleSectionOf(theme: ThemeSpec): ConsoleSection | undefined {
  for (const window of theme.windows) {
    for (const section of window.sections) if (section.kind === 'console') return section;
  }
  return undefined;
}

function consoleRows(section: ConsoleSection, ctx: SceneContext, transcript: TranscriptSegment[]): Cell[][] {
  const builder = new LineBuilder(section.tabSize);
  const chunks = [...section.prelude(ctx), ...transcript.map((s) => ({ text: s.text, role: s.stream })), ...section.epilogue(ctx)];
  for (const chunk of chunks) {
    if ('freshLine' in chunk && chunk.freshLine && !builder.atLineStart) builder.write('\n', section.colors.system);
    builder.write(chunk.text, 'color' in chunk && chunk.color !== undefined ? chunk.color : section.colors[chunk.role]);
  }
  const rows = builder.rows;
  // A final newline leaves the cursor on an empty row; the console shows nothing there.
  if (rows.length > 1 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows.flatMap((row) => wrapLine(row, ctx.columns));
}

/** Splits rows into runs of at most `size`; no rows still make one (empty) page. */
function splitRows<T>(rows: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < rows.length; start += size) chunks.push(rows.slice(start, start + size));
  return chunks.length > 0 ? chunks : [[]];
}

/** Renders the code and its run in a theme: one PNG, or several when long code continues on further images. */
export function renderScreenshots(input: ScreenshotInput): Buffer[] {
  return renderWithTheme(themeFor(input.theme, input.language), input);
}

/** The laid-out content of a screenshot before drawing: its scene facts and, per image, the rows it shows. */
export interface ScreenshotPlan {
  theme: ThemeSpec;
  scale: number;
  pages: Array<{ ctx: SceneContext; content: PageContent }>;
}

/** Lays out code and transcript into image pages: highlighting, tab expansion, wrapping, console text. */
export function planWithTheme(theme: ThemeSpec, input: Omit<ScreenshotInput, 'theme'>): ScreenshotPlan {
  const scale = input.scale ?? 2;
  if (scale !== 1 && scale !== 2) throw new RangeError('scale must be 1 or 2');
  const file = fileNameFor(input);
  const code = input.code.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  const codeSection = theme.windows.flatMap((w) => w.sections).find((s) => s.kind === 'code');
  const tabSize = codeSection?.kind === 'code' ? codeSection.tabSize : 4;
  const codeLines = codeToLines(highlight(code, input.language, theme.coloring), tabSize);
  const transcript = input.transcript ?? [];

  // A loop, not Math.max(...): a long transcript has more lines than a call can take arguments.
  let widest = 0;
  for (const cells of codeLines) widest = Math.max(widest, lineColumns(cells));
  for (const segment of transcript) for (const line of segment.text.split('\n')) widest = Math.max(widest, line.length);
  const columns = Math.min(theme.columns.max, Math.max(theme.columns.min, widest + 1));
  const rows: GridRow[] = codeLines.flatMap((cells, i) => wrapLine(cells, columns).map((wrapped, k) => (k === 0 ? { cells: wrapped, lineNumber: i + 1 } : { cells: wrapped })));
  const codePerPage = input.layout === 'tall' ? MAX_TALL_ROWS : Math.max(1, input.rowsPerPage ?? DEFAULT_ROWS_PER_PAGE);
  const consolePerPage = input.layout === 'tall' ? MAX_TALL_ROWS : Math.ceil(codePerPage * 1.25);
  const codeChunks = splitRows(rows, codePerPage);

  const base: SceneContext = {
    file,
    stem: file.replace(/\.[^.]+$/, ''),
    user: input.studentName?.trim() || undefined,
    language: input.language,
    exitCode: input.exitCode ?? null,
    timeMs: input.timeMs ?? null,
    lineCount: codeLines.length,
    columns,
    runtime: input.runtime,
    consoleRows: 0,
    page: 1,
    pages: 1,
  };
  const consoleSection = consoleSectionOf(theme);
  const shown = consoleSection ? consoleRows(consoleSection, base, transcript) : null;
  // The console starts on the last code page and continues on console-only pages.
  const consoleChunks = shown ? splitRows(shown, consolePerPage) : [];
  const contents: PageContent[] = codeChunks.map((codeRows, i) => ({ codeRows, consoleRows: i === codeChunks.length - 1 ? (consoleChunks[0] ?? null) : null }));
  for (const consoleRowsPage of consoleChunks.slice(1)) contents.push({ codeRows: null, consoleRows: consoleRowsPage });
  const pages = contents.map((content, i) => ({ ctx: { ...base, consoleRows: shown?.length ?? 0, page: i + 1, pages: contents.length }, content }));
  return { theme, scale, pages };
}

/** Lays out a screenshot in its theme without drawing it (for tests and text previews). */
export function planScreenshots(input: ScreenshotInput): ScreenshotPlan {
  return planWithTheme(themeFor(input.theme, input.language), input);
}

/** Renders with a theme given as data (the named themes, or cards built on them). */
export function renderWithTheme(theme: ThemeSpec, input: Omit<ScreenshotInput, 'theme'>): Buffer[] {
  const plan = planWithTheme(theme, input);
  return plan.pages.map((page) => encodePng(composePage(theme, page.ctx, page.content, plan.scale), plan.scale));
}
