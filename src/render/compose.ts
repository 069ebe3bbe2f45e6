import { drawLine, Scratch, Surface, type Rgb } from './raster/surface.js';
import { centredBaseline, drawCells, drawText, gridFont, textWidth, uiStack, type GridFont } from './text-draw.js';
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

const px = (value: number, scale: number): number => Math.round(value * scale);

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
  const surface = new Surface(windowWidth + 2 * margin, height, theme.backdrop, pixelScratch);

  let top = margin;
  windows.forEach((w, i) => {
    drawWindow(surface, w.window, w.sections, margin, top, windowWidth, windowHeights[i]!, ctx, page, scale);
    top += windowHeights[i]! + gap;
  });
  return surface;
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

/** Outline icons in the style of VS Code's activity bar: explorer, search, source control, run, extensions. */
function drawSideBarIcons(surface: Surface, bar: NonNullable<WindowSpec['sideBar']>, x: number, top: number, scale: number): void {
  const stroke = Math.max(1, px(1.5, scale));
  const c = bar.iconColor;
  const cx = x + px(bar.width / 2, scale);
  const s = (v: number): number => px(v, scale);
  const ring = (ox: number, oy: number, r: number): void => {
    surface.fillCircle(ox, oy, r, c);
    surface.fillCircle(ox, oy, r - stroke, bar.background);
  };
  let y = top + s(24);
  surface.strokeRect(cx - s(8), y - s(11), s(14), s(19), c, stroke);
  surface.strokeRect(cx - s(4), y - s(7), s(14), s(19), c, stroke);
  surface.fillRect(cx - s(4) + stroke, y - s(7) + stroke, s(14) - 2 * stroke, s(19) - 2 * stroke, bar.background);
  y += s(48);
  ring(cx + s(2), y - s(2), s(7));
  drawLine(surface, cx - s(3), y + s(3), cx - s(9), y + s(9), stroke * 1.3, c);
  y += s(48);
  ring(cx - s(5), y - s(8), s(3));
  ring(cx - s(5), y + s(9), s(3));
  ring(cx + s(6), y - s(3), s(3));
  drawLine(surface, cx - s(5), y - s(5), cx - s(5), y + s(6), stroke, c);
  drawLine(surface, cx + s(6), y, cx - s(4), y + s(6), stroke, c);
  y += s(48);
  drawLine(surface, cx - s(6), y - s(9), cx - s(6), y + s(9), stroke, c);
  drawLine(surface, cx - s(6), y - s(9), cx + s(9), y, stroke, c);
  drawLine(surface, cx - s(6), y + s(9), cx + s(9), y, stroke, c);
  y += s(48);
  for (const [dx, dy] of [[-9, -1], [0, -1], [-9, 8], [2, -11]] as const) surface.strokeRect(cx + s(dx), y + s(dy), s(8), s(8), c, stroke);
}

function drawSection(surface: Surface, section: Section, x: number, y: number, width: number, height: number, ctx: SceneContext, page: PageContent, scale: number): void {
  switch (section.kind) {
    case 'titleBar':
      drawTitleBar(surface, section, x, y, width, height, ctx, scale);
      return;
    case 'menuBar': {
      surface.fillRect(x, y, width, height, section.background);
      if (section.borderBottom !== undefined) surface.fillRect(x, y + height - px(1, scale), width, px(1, scale), section.borderBottom);
      const stack = uiStack(section.font, scale);
      const baseline = centredBaseline(stack, y, height);
      let pen = x + px(8, scale);
      // Items that would cross the window edge are left out, as a narrow window hides them.
      for (const item of section.items) {
        if (pen + textWidth(stack, item) > x + width - px(8, scale)) break;
        pen = drawText(surface, stack, item, pen, baseline, section.color) + px(14, scale);
      }
      return;
    }
    case 'tabs': {
      surface.fillRect(x, y, width, height, section.background);
      const stack = uiStack(section.font, scale);
      const label = section.label(ctx);
      const tabWidth = textWidth(stack, label) + px(section.close ? 52 : 32, scale);
      surface.fillRect(x, y, tabWidth, height, section.tabBackground);
      if (section.border !== undefined) {
        surface.fillRect(x + tabWidth, y, px(1, scale), height, section.border);
        surface.fillRect(x + tabWidth, y + height - px(1, scale), width - tabWidth, px(1, scale), section.border);
      }
      if (section.accentTop !== undefined) surface.fillRect(x, y, tabWidth, px(2, scale), section.accentTop);
      const baseline = centredBaseline(stack, y, height);
      drawText(surface, stack, label, x + px(16, scale), baseline, section.color);
      if (section.close) {
        const cx = x + tabWidth - px(18, scale);
        const cy = y + Math.round(height / 2);
        const r = px(4, scale);
        drawLine(surface, cx - r, cy - r, cx + r, cy + r, px(1.2, scale), section.color);
        drawLine(surface, cx - r, cy + r, cx + r, cy - r, px(1.2, scale), section.color);
      }
      return;
    }
    case 'code':
      drawCode(surface, section, x, y, width, height, ctx, page.codeRows ?? [], scale);
      return;
    case 'console':
      drawConsole(surface, section, x, y, width, height, page.consoleRows ?? [], scale);
      return;
    case 'panelHeader': {
      surface.fillRect(x, y, width, height, section.background);
      surface.fillRect(x, y, width, px(1, scale), section.borderTop);
      const stack = uiStack(section.font, scale);
      const baseline = centredBaseline(stack, y, height);
      let pen = x + px(16, scale);
      section.labels.forEach((label, i) => {
        const active = i === section.active;
        const end = drawText(surface, stack, label, pen, baseline, active ? section.activeColor : section.color);
        if (active) surface.fillRect(pen, y + height - px(6, scale), end - pen, px(1, scale), section.accent);
        pen = end + px(22, scale);
      });
      return;
    }
    case 'statusBar': {
      surface.fillRect(x, y, width, height, section.background);
      if (section.borderTop !== undefined) surface.fillRect(x, y, width, px(1, scale), section.borderTop);
      const stack = uiStack(section.font, scale);
      const baseline = centredBaseline(stack, y, height);
      const right = section.right(ctx);
      const rightX = x + width - px(12, scale) - textWidth(stack, right);
      drawText(surface, stack, right, rightX, baseline, section.color);
      const room = rightX - px(24, scale) - (x + px(10, scale));
      if (room > 0) drawText(surface, stack, fitText(stack, section.left(ctx), room), x + px(10, scale), baseline, section.color);
      return;
    }
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

function drawTitleBar(surface: Surface, bar: TitleBarSection, x: number, y: number, width: number, height: number, ctx: SceneContext, scale: number): void {
  surface.fillRect(x, y, width, height, bar.background);
  const stack = uiStack(bar.font, scale);
  const baseline = centredBaseline(stack, y, height);
  const mid = y + Math.round(height / 2);
  let textLeft = x + px(10, scale);
  if (bar.icon) {
    const size = px(14, scale);
    const iconTop = mid - Math.round(size / 2);
    surface.fillRect(x + px(9, scale), iconTop, Math.round(size * 0.65), Math.round(size * 0.65), bar.icon[0]);
    surface.fillRect(x + px(9, scale) + Math.round(size * 0.35), iconTop + Math.round(size * 0.35), Math.round(size * 0.65), Math.round(size * 0.65), bar.icon[1]);
    textLeft = x + px(32, scale);
  }
  for (const item of bar.menu ?? []) textLeft = drawText(surface, stack, item, textLeft, baseline, bar.color) + px(12, scale);
  const title = bar.title(ctx);
  if (bar.buttons === 'mac') {
    const colors: Rgb[] = [0xff5f57, 0xfebc2e, 0x28c840];
    colors.forEach((color, i) => surface.fillCircle(x + px(18 + i * 20, scale), mid, px(6, scale), color));
    textLeft = x + px(80, scale);
  }
  const buttonsWidth = px(bar.buttons === 'windows' ? 150 : bar.buttons === 'gnome' ? 44 : 12, scale);
  const room = x + width - buttonsWidth - textLeft;
  const shown = fitText(stack, title, room);
  const titleWidth = textWidth(stack, shown);
  const centred = x + Math.round((width - titleWidth) / 2);
  const titleX = bar.align === 'center' ? Math.min(Math.max(textLeft, centred), x + width - buttonsWidth - titleWidth) : textLeft;
  drawText(surface, stack, shown, titleX, baseline, bar.color);
  const stroke = Math.max(1, px(1, scale));
  if (bar.buttons === 'windows') {
    const box = px(46, scale);
    const r = px(5, scale);
    const close = x + width - box / 2;
    drawLine(surface, close - r, mid - r, close + r, mid + r, stroke, bar.buttonColor);
    drawLine(surface, close - r, mid + r, close + r, mid - r, stroke, bar.buttonColor);
    const maximise = close - box;
    surface.strokeRect(Math.round(maximise - r), mid - r, 2 * r, 2 * r, bar.buttonColor, stroke);
    const minimise = maximise - box;
    surface.fillRect(Math.round(minimise - r), mid, 2 * r, stroke, bar.buttonColor);
  } else if (bar.buttons === 'gnome') {
    const cx = x + width - px(20, scale);
    surface.fillCircle(cx, mid, px(11, scale), blend(bar.background, 0xffffff, 0.15));
    const r = px(4, scale);
    drawLine(surface, cx - r, mid - r, cx + r, mid + r, px(1.5, scale), bar.buttonColor);
    drawLine(surface, cx - r, mid + r, cx + r, mid - r, px(1.5, scale), bar.buttonColor);
  }
}

/** The text, shortened with an ellipsis if it is wider than `room` pixels. */
function fitText(stack: ReturnType<typeof uiStack>, text: string, room: number): string {
  if (textWidth(stack, text) <= room) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidth(stack, chars.join('') + '…') > room) chars.pop();
  return chars.join('') + '…';
}

function blend(a: Rgb, b: Rgb, t: number): Rgb {
  const mix = (shift: number): number => Math.round(((a >> shift) & 0xff) * (1 - t) + ((b >> shift) & 0xff) * t) << shift;
  return mix(16) | mix(8) | mix(0);
}
