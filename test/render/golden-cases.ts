import { renderFileCard, renderPlotCard, renderScreenshots } from '../../src/render/index.js';
import { encodeRgbPng } from '../../src/render/raster/png-encode.js';
import { C_PROGRAM, JAVA_PROGRAM, PYTHON_ERROR } from './samples.js';

/** A small generated chart: axes and a rising line, as a plot artifact would look. */
export function samplePlot(): Buffer {
  const width = 160;
  const height = 120;
  const rgba = new Uint8Array(width * height * 4).fill(255);
  const dot = (x: number, y: number, r: number, g: number, b: number): void => rgba.set([r, g, b, 255], (y * width + x) * 4);
  for (let x = 20; x < 150; x++) dot(x, 100, 0, 0, 0);
  for (let y = 10; y < 100; y++) dot(20, y, 0, 0, 0);
  for (let x = 21; x < 150; x++) {
    const y = Math.round(99 - ((x - 21) * (x - 21)) / 190);
    for (let t = -1; t <= 1; t++) dot(x, Math.max(0, y + t), 31, 119, 180);
  }
  return encodeRgbPng(rgba, width, height, 1);
}

/** One golden image per theme and card, each rendered at 1x to keep the committed files small. */
export const GOLDEN_CASES: Record<string, () => Buffer> = {
  'idle-python': () => renderScreenshots({ ...PYTHON_ERROR, theme: 'idle', scale: 1 })[0]!,
  'vscode-dark-python': () => renderScreenshots({ ...PYTHON_ERROR, theme: 'vscode-dark', scale: 1 })[0]!,
  'vscode-light-c': () => renderScreenshots({ ...C_PROGRAM, theme: 'vscode-light', scale: 1 })[0]!,
  'notepad-java': () => renderScreenshots({ ...JAVA_PROGRAM, theme: 'notepad', scale: 1 })[0]!,
  'codeblocks-c': () => renderScreenshots({ ...C_PROGRAM, theme: 'codeblocks', scale: 1 })[0]!,
  'terminal-c': () => renderScreenshots({ ...C_PROGRAM, theme: 'terminal', scale: 1 })[0]!,
  'file-card': () => renderFileCard({ name: 'data.txt', content: 'alpha\tbeta\n\n<gamma> & delta\nnaïve 中文\n', scale: 1 })[0]!,
  'plot-card': () => renderPlotCard({ png: samplePlot(), title: 'Figure 1', scale: 1 }),
};
