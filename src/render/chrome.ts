import { drawLine, type Rgb, type Surface } from './raster/surface.js';
import { centredBaseline, drawText, textWidth, uiStack } from './text-draw.js';
import type { MenuBarSection, PanelHeaderSection, SceneContext, StatusBarSection, TabsSection, TitleBarSection, WindowSpec } from './theme-spec.js';

/** A 1x length in device pixels. */
export const px = (value: number, scale: number): number => Math.round(value * scale);

/** Draws a title bar: icon, in-bar menu, title (centred or left, shortened to fit) and the window buttons. */
export function drawTitleBar(surface: Surface, bar: TitleBarSection, x: number, y: number, width: number, height: number, ctx: SceneContext, scale: number): void {
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
  const buttonsWidth = px(bar.buttons === 'windows' ? 150 : 44, scale);
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
  } else {
    const cx = x + width - px(20, scale);
    surface.fillCircle(cx, mid, px(11, scale), blend(bar.background, 0xffffff, 0.15));
    const r = px(4, scale);
    drawLine(surface, cx - r, mid - r, cx + r, mid + r, px(1.5, scale), bar.buttonColor);
    drawLine(surface, cx - r, mid + r, cx + r, mid - r, px(1.5, scale), bar.buttonColor);
  }
}

/** Draws a menu bar; items that would cross the window edge are left out, as a narrow window hides them. */
export function drawMenuBar(surface: Surface, section: MenuBarSection, x: number, y: number, width: number, height: number, scale: number): void {
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
}

/** Draws a tab strip with the file's tab active. */
export function drawTabs(surface: Surface, section: TabsSection, x: number, y: number, width: number, height: number, ctx: SceneContext, scale: number): void {
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
}

/** Draws a panel header (VS Code's PROBLEMS / OUTPUT / TERMINAL row) with the active label underlined. */
export function drawPanelHeader(surface: Surface, section: PanelHeaderSection, x: number, y: number, width: number, height: number, scale: number): void {
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
}

/** Draws a status bar: text at the right, and text at the left shortened to the room that is left. */
export function drawStatusBar(surface: Surface, section: StatusBarSection, x: number, y: number, width: number, height: number, ctx: SceneContext, scale: number): void {
  surface.fillRect(x, y, width, height, section.background);
  if (section.borderTop !== undefined) surface.fillRect(x, y, width, px(1, scale), section.borderTop);
  const stack = uiStack(section.font, scale);
  const baseline = centredBaseline(stack, y, height);
  const right = section.right(ctx);
  const rightX = x + width - px(12, scale) - textWidth(stack, right);
  drawText(surface, stack, right, rightX, baseline, section.color);
  const room = rightX - px(24, scale) - (x + px(10, scale));
  if (room > 0) drawText(surface, stack, fitText(stack, section.left(ctx), room), x + px(10, scale), baseline, section.color);
}

/** Outline icons in the style of VS Code's activity bar: explorer, search, source control, run, extensions. */
export function drawSideBarIcons(surface: Surface, bar: NonNullable<WindowSpec['sideBar']>, x: number, top: number, scale: number): void {
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
