import { drawMenuBar, drawPanelHeader, drawSideBarIcons, drawStatusBar, drawTabs, drawTitleBar, px } from './chrome.js';
import { Scratch, Surface, type Rgb } from './raster/surface.js';
import { drawCells, gridFont, type GridFont } from './text-draw.js';
import type { Cell, GridRow } from './text-grid.js';
import type { CodeSection, ConsoleSection, SceneContext, Section, ThemeSpec, TitleBarSection, WindowSpec } from './theme-spec.js';

/** What one image shows: a slice of the code rows, a slice of the console rows, or both; null leaves that part out. */
export interface PageContent {
  codeRows: GridRow[] | null;
  consoleRows: Cell[][] | null;
}

interface PlacedSection {
  section: Section;
  height: number;
}

function gutterDigits(section: CodeSection, ctx: SceneContext): number {
  return Math.max(section.gutter?.minDigits ?? 0, String(ctx.lineCount).length);
}

function gutterWidth(section: CodeSection, font: GridFont, ctx: SceneContext, scale: number): number {
  const gutter = section.gutter;
  if (!gutter) return 0;
  return px(gutter.padLeft + gutter.padRight, scale) + gutterDigits(section, ctx) * font.cellWidth;
}

function textSection(section: Section): section is CodeSection | ConsoleSection {
  return section.kind === 'code' || section.kind === 'console';
}

function fontOf(section: CodeSection | ConsoleSection, scale: number): GridFont {
  return gridFont(section.font, section.lineHeight, scale);
}

/** The sections a window shows on this page: a window whose part is absent from the page is left out. */
function visibleSections(window: WindowSpec, page: PageContent): Section[] {
  const hasConsole = window.sections.some((s) => s.kind === 'console');
  const hasCode = window.sections.some((s) => s.kind === 'code');
  if ((hasConsole && !page.consoleRows && (!hasCode || !page.codeRows)) || (hasCode && !page.codeRows && !hasConsole)) return [];
  return window.sections.filter((s) => {
    if (s.kind === 'console' || s.kind === 'panelHeader') return page.consoleRows !== null;
    if (s.kind === 'code' || s.kind === 'tabs') return page.codeRows !== null;
    return true;
  });
}

function sectionHeight(section: Section, page: PageContent, scale: number): number {
  if (section.kind === 'code') {
    return px(section.padding.top + section.padding.bottom, scale) + Math.max(1, page.codeRows?.length ?? 0) * fontOf(section, scale).lineHeight;
  }
  if (section.kind === 'console') {
    const rows = Math.max(section.minRows, page.consoleRows?.length ?? 0);
    return px(section.padding.top + section.padding.bottom, scale) + rows * fontOf(section, scale).lineHeight;
  }
  return px(section.height, scale);
}

/** The width the text sections of a theme need for a grid of `columns` columns. */
function contentWidth(theme: ThemeSpec, ctx: SceneContext, scale: number): number {
  let width = 0;
  for (const window of theme.windows) {
    const side = window.sideBar ? px(window.sideBar.width, scale) : 0;
    for (const section of window.sections) {
      if (!textSection(section)) continue;
      const font = fontOf(section, scale);
      const gutter = section.kind === 'code' ? gutterWidth(section, font, ctx, scale) : promptGutterWidth(section, font, scale);
      width = Math.max(width, side + gutter + px(section.padding.left + section.padding.right, scale) + ctx.columns * font.cellWidth);
    }
  }
  return width;
}

const pixelScratch = new Scratch();

/** Lays out and draws one image of a theme; the surface is valid until the next call in this thread. */
export function composePage(theme: ThemeSpec, ctx: SceneContext, page: PageContent, scale: number): Surface {
  const margin = px(theme.margin, scale);
  const gap = px(theme.gap, scale);
  const border = Math.max(1, px(1, scale));
  const innerWidth = contentWidth(theme, ctx, scale);
  const windowWidth = innerWidth + 2 * border;
  const windows = theme.windows
    .map((window) => ({ window, sections: visibleSections(window, page).map((section) => ({ section, height: sectionHeight(section, page, scale) })) }))
    .filter((w) => w.sections.length > 0);
  const windowHeights = windows.map((w) => w.sections.reduce((sum, s) => sum + s.height, 0) + 2 * border);
  const height = 2 * margin + windowHeights.reduce((a, b) => a + b, 0) + gap * Math.max(0, windows.length - 1);
  const draw = (coarse: boolean): Surface => {
    const surface = new Surface(windowWidth + 2 * margin, height, theme.backdrop, pixelScratch, coarse);
    let top = margin;
    windows.forEach((w, i) => {
      drawWindow(surface, w.window, w.sections, margin, top, windowWidth, windowHeights[i]!, ctx, page, scale);
      top += windowHeights[i]! + gap;
    });
    return surface;
  };
  // Many token colours can exceed the palette; drawing again with coarser edges keeps every colour exact.
  const surface = draw(false);
  return surface.overflowed ? draw(true) : surface;
}

/** A window with a title bar, a white body of the given device-pixel size and an optional footer strip, on the usual backdrop. */
export function composeWindowFrame(
  bar: TitleBarSection,
  bodyWidth: number,
  bodyHeight: number,
  scale: number,
  footer?: { height: number; background: Rgb },
): { surface: Surface; body: { x: number; y: number }; footer: { x: number; y: number; width: number; height: number } } {
  const margin = px(14, scale);
  const border = Math.max(1, px(1, scale));
  const barHeight = px(bar.height, scale);
  const footerHeight = footer ? px(footer.height, scale) : 0;
  const width = Math.max(bodyWidth, px(320, scale)) + 2 * border;
  const height = barHeight + bodyHeight + footerHeight + 2 * border;
  const surface = new Surface(width + 2 * margin, height + 2 * margin, 0xdfe3e8);
  const inner = { x: margin + border, width: width - 2 * border };
  surface.fillRect(margin, margin, width, height, 0x8c8c8c);
  surface.fillRect(inner.x, margin + border + barHeight, inner.width, bodyHeight, 0xffffff);
  const footerTop = margin + border + barHeight + bodyHeight;
  if (footer) surface.fillRect(inner.x, footerTop, inner.width, footerHeight, footer.background);
  const ctx: SceneContext = { file: '', stem: '', user: undefined, language: '', exitCode: null, timeMs: null, lineCount: 0, columns: 0, runtime: undefined, consoleRows: 0, page: 1, pages: 1 };
  drawTitleBar(surface, bar, inner.x, margin + border, inner.width, barHeight, ctx, scale);
  return {
    surface,
    body: { x: inner.x + Math.floor((inner.width - bodyWidth) / 2), y: margin + border + barHeight },
    footer: { x: inner.x, y: footerTop, width: inner.width, height: footerHeight },
  };
}

function drawWindow(
  surface: Surface,
  window: WindowSpec,
  sections: PlacedSection[],
  x: number,
  y: number,
  width: number,
  height: number,
  ctx: SceneContext,
  page: PageContent,
  scale: number,
): void {
  const border = Math.max(1, px(1, scale));
  surface.fillRect(x, y, width, height, window.border);
  const innerX = x + border;
  const innerWidth = width - 2 * border;
  let top = y + border;
  for (const { section, height: h } of sections) {
    const side = window.sideBar && section.kind !== 'titleBar' && section.kind !== 'statusBar' ? px(window.sideBar.width, scale) : 0;
    if (side > 0 && window.sideBar) {
      surface.fillRect(innerX, top, side, h, window.sideBar.background);
    }
    drawSection(surface, section, innerX + side, top, innerWidth - side, h, ctx, page, scale);
    top += h;
  }
  if (window.sideBar) drawSideBarIcons(surface, window.sideBar, innerX, y + border + sections[0]!.height, scale);
}

function drawSection(surface: Surface, section: Section, x: number, y: number, width: number, height: number, ctx: SceneContext, page: PageContent, scale: number): void {
  switch (section.kind) {
    case 'titleBar':
      drawTitleBar(surface, section, x, y, width, height, ctx, scale);
      return;
    case 'menuBar':
      drawMenuBar(surface, section, x, y, width, height, scale);
      return;
    case 'tabs':
      drawTabs(surface, section, x, y, width, height, ctx, scale);
      return;
    case 'code':
      drawCode(surface, section, x, y, width, height, ctx, page.codeRows ?? [], scale);
      return;
    case 'console':
      drawConsole(surface, section, x, y, width, height, page.consoleRows ?? [], scale);
      return;
    case 'panelHeader':
      drawPanelHeader(surface, section, x, y, width, height, scale);
      return;
    case 'statusBar':
      drawStatusBar(surface, section, x, y, width, height, ctx, scale);
      return;
  }
}

function promptGutterWidth(section: ConsoleSection, font: GridFont, scale: number): number {
  const gutter = section.promptGutter;
  return gutter ? px(gutter.padLeft + gutter.padRight, scale) + gutter.prompt.trimEnd().length * font.cellWidth : 0;
}

/** Whether a console row starts with the prompt text (drawn in the sidebar when the theme has one). */
function startsWithPrompt(row: Cell[], prompt: string): boolean {
  const chars = [...prompt];
  return row.length >= chars.length && chars.every((ch, i) => row[i]!.char === ch);
}

function drawConsole(surface: Surface, section: ConsoleSection, x: number, y: number, width: number, height: number, rows: Cell[][], scale: number): void {
  surface.fillRect(x, y, width, height, section.background);
  const font = fontOf(section, scale);
  const gutter = section.promptGutter;
  const gutterW = promptGutterWidth(section, font, scale);
  if (gutter) {
    surface.fillRect(x, y, gutterW, height, gutter.background);
    surface.fillRect(x + gutterW - px(1, scale), y, px(1, scale), height, gutter.separator);
  }
  const left = x + gutterW + px(section.padding.left, scale);
  let top = y + px(section.padding.top, scale);
  for (const row of rows) {
    if (gutter && startsWithPrompt(row, gutter.prompt)) {
      const promptCells = [...gutter.prompt.trimEnd()].map((char): Cell => ({ char, width: 1, color: gutter.color, bold: false, italic: false }));
      drawCells(surface, font, promptCells, x + px(gutter.padLeft, scale), top);
      drawCells(surface, font, row.slice([...gutter.prompt].length), left, top);
    } else {
      drawCells(surface, font, row, left, top);
    }
    top += font.lineHeight;
  }
}

function drawCode(surface: Surface, section: CodeSection, x: number, y: number, width: number, height: number, ctx: SceneContext, rows: GridRow[], scale: number): void {
  surface.fillRect(x, y, width, height, section.background);
  const font = fontOf(section, scale);
  const gutter = section.gutter;
  const gutterW = gutterWidth(section, font, ctx, scale);
  if (gutter) {
    surface.fillRect(x, y, gutterW, height, gutter.background);
    if (gutter.separator !== undefined) surface.fillRect(x + gutterW - px(1, scale), y, px(1, scale), height, gutter.separator);
  }
  const digits = gutterDigits(section, ctx);
  const left = x + gutterW + px(section.padding.left, scale);
  let top = y + px(section.padding.top, scale);
  for (const row of rows) {
    if (gutter && row.lineNumber !== undefined) {
      const label = String(row.lineNumber).padStart(digits, ' ');
      const cells: Cell[] = [...label].map((char) => ({ char, width: 1, color: gutter.color, bold: false, italic: false }));
      drawCells(surface, font, cells, x + px(gutter.padLeft, scale), top);
    }
    drawCells(surface, font, row.cells, left, top);
    top += font.lineHeight;
  }
}
