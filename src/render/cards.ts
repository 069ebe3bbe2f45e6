import { composeWindowFrame } from './compose.js';
import { faceStack } from './font/bundled.js';
import { decodePng } from './raster/png-decode.js';
import { encodeRgbPng } from './raster/png-encode.js';
import { renderWithTheme } from './screenshot.js';
import { centredBaseline, drawText } from './text-draw.js';
import { fileCard } from './themes/notepad.js';
import { windowsTitleBar } from './themes/windows-chrome.js';

/** A text file the program read or wrote, shown as a Notepad window. */
export interface FileCardInput {
  name: string;
  content: string;
  studentName?: string;
  scale?: number;
  layout?: 'pages' | 'tall';
}

/** A plot the program saved (PNG bytes), shown in a window frame. */
export interface PlotCardInput {
  png: Uint8Array;
  /** Window title; defaults to "Figure 1", as matplotlib titles its first window. */
  title?: string;
  scale?: number;
}

/** Renders a file card: the file's text, every line, literally, in a Notepad window. */
export function renderFileCard(input: FileCardInput): Buffer[] {
  return renderWithTheme(fileCard, {
    language: 'text',
    code: input.content,
    title: input.name,
    studentName: input.studentName,
    scale: input.scale,
    layout: input.layout,
  });
}

/** matplotlib's navigation toolbar: home, back, forward, pan, zoom, subplots, save. */
const TOOLBAR_ICONS = ['\u2302', '\u2190', '\u2192', '\u2725', '\u{1f50d}', '\u2699', '\u{1f4be}'];

/** Renders a plot card: the picture at its own pixel size (never resampled) in a matplotlib figure window. */
export function renderPlotCard(input: PlotCardInput): Buffer {
  const scale = input.scale ?? 2;
  const image = decodePng(input.png);
  const frame = composeWindowFrame(windowsTitleBar(() => input.title ?? 'Figure 1', [0x11557c, 0xff7f0e]), image.width, image.height, scale, { height: 34, background: 0xf0f0f0 });
  const icons = faceStack('dejavu-sans-mono', 'regular', 17 * scale);
  const baseline = centredBaseline(icons, frame.footer.y, frame.footer.height);
  TOOLBAR_ICONS.forEach((icon, i) => drawText(frame.surface, icons, icon, frame.footer.x + Math.round((12 + i * 34) * scale), baseline, 0x3c3c3c));
  const rgba = frame.surface.toRgba();
  const { x: left, y: top } = frame.body;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const src = (y * image.width + x) * 4;
      const dst = ((top + y) * frame.surface.width + left + x) * 4;
      const a = image.rgba[src + 3]!;
      for (let c = 0; c < 3; c++) rgba[dst + c] = ((image.rgba[src + c]! * a + rgba[dst + c]! * (255 - a) + 127) / 255) | 0;
    }
  }
  return encodeRgbPng(rgba, frame.surface.width, frame.surface.height, scale);
}
