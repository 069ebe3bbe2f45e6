/**
 * Writes every theme's screenshots of a Python, a C and a Java program (long output and an error), the
 * file and plot cards, and one contact sheet of them all, so the looks can be reviewed side by side.
 *
 *   npm run render:gallery [-- OUT_DIR]      (default data/render-gallery)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePng, renderFileCard, renderPlotCard, renderScreenshots, THEMES, type RgbaImage, type ScreenshotInput, type ThemeName } from '../src/render/index.js';
import { faceStack } from '../src/render/font/bundled.js';
import { encodeRgbPng } from '../src/render/raster/png-encode.js';
import { Surface } from '../src/render/raster/surface.js';
import { drawText } from '../src/render/text-draw.js';
import { samplePlot } from '../test/render/golden-cases.js';
import { C_PROGRAM, JAVA_PROGRAM, PYTHON_TABLE } from '../test/render/samples.js';

const OUT = process.argv[2] ?? 'data/render-gallery';
const SHRINK = 4;
const GAP = 24;
const LABEL = 28;
const BACKGROUND = 0xf4f5f7;

const PROGRAMS: Record<string, ScreenshotInput> = { python: PYTHON_TABLE, c: C_PROGRAM, java: JAVA_PROGRAM };

/** Averages SHRINK x SHRINK blocks: a 2x screenshot becomes a half-size thumbnail without aliasing. */
function shrink(image: RgbaImage): RgbaImage {
  const width = Math.floor(image.width / SHRINK);
  const height = Math.floor(image.height / SHRINK);
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        for (let dy = 0; dy < SHRINK; dy++) for (let dx = 0; dx < SHRINK; dx++) sum += image.rgba[((y * SHRINK + dy) * image.width + x * SHRINK + dx) * 4 + c]!;
        rgba[(y * width + x) * 4 + c] = Math.round(sum / (SHRINK * SHRINK));
      }
    }
  }
  return { width, height, rgba };
}

function label(text: string, width: number): RgbaImage {
  const surface = new Surface(width, LABEL, BACKGROUND);
  drawText(surface, faceStack('liberation-sans', 'bold', 15), text, 2, 19, 0x222222);
  return { width, height: LABEL, rgba: surface.toRgba() };
}

function blit(sheet: RgbaImage, image: RgbaImage, left: number, top: number): void {
  for (let y = 0; y < image.height; y++) sheet.rgba.set(image.rgba.subarray(y * image.width * 4, (y + 1) * image.width * 4), ((top + y) * sheet.width + left) * 4);
}

mkdirSync(OUT, { recursive: true });
const save = (name: string, png: Buffer): RgbaImage => {
  writeFileSync(join(OUT, `${name}.png`), png);
  return decodePng(png);
};

const grid: Array<Array<{ title: string; image: RgbaImage }>> = [];
for (const [language, program] of Object.entries(PROGRAMS)) {
  const row: Array<{ title: string; image: RgbaImage }> = [];
  for (const theme of Object.keys(THEMES) as ThemeName[]) {
    const pages = renderScreenshots({ ...program, theme }).map((png, i) => save(`${theme}-${language}${i > 0 ? `-${i + 1}` : ''}`, png));
    row.push({ title: `${theme} · ${language}`, image: shrink(pages[0]!) });
  }
  grid.push(row);
}
const fileCard = save('file-card', renderFileCard({ name: 'marks.csv', content: 'name,mark\nAsha,91\nBen,78\n\n<total> & "average"\n' })[0]!);
const plotCard = save('plot-card', renderPlotCard({ png: samplePlot() }));
grid.push([
  { title: 'file card', image: shrink(fileCard) },
  { title: 'plot card', image: shrink(plotCard) },
]);

const columns = Math.max(...grid.map((row) => row.length));
const columnWidth = Math.max(...grid.flat().map((cell) => cell.image.width));
const rowHeights = grid.map((row) => Math.max(...row.map((cell) => cell.image.height)) + LABEL);
const sheet: RgbaImage = {
  width: GAP + columns * (columnWidth + GAP),
  height: GAP + rowHeights.reduce((sum, h) => sum + h + GAP, 0),
  rgba: new Uint8Array(0),
};
sheet.rgba = new Surface(sheet.width, sheet.height, BACKGROUND).toRgba();
let top = GAP;
grid.forEach((row, r) => {
  row.forEach((cell, c) => {
    const left = GAP + c * (columnWidth + GAP);
    blit(sheet, label(cell.title, columnWidth), left, top);
    blit(sheet, cell.image, left, top + LABEL);
  });
  top += rowHeights[r]! + GAP;
});
writeFileSync(join(OUT, 'contact-sheet.png'), encodeRgbPng(sheet.rgba, sheet.width, sheet.height, 1));
process.stdout.write(`wrote ${join(OUT, 'contact-sheet.png')} (${sheet.width}x${sheet.height}) and ${grid.flat().length} screenshots in ${OUT}\n`);
