import { describe, expect, it } from 'vitest';
import { renderFileCard, renderPlotCard } from './cards.js';
import { decodePng } from './raster/png-decode.js';
import { encodeRgbPng } from './raster/png-encode.js';

/** A 64x48 gradient, generated here rather than stored. */
function gradient(): { png: Buffer; rgba: Uint8Array } {
  const rgba = new Uint8Array(64 * 48 * 4);
  for (let y = 0; y < 48; y++) {
    for (let x = 0; x < 64; x++) rgba.set([x * 4, y * 5, 200, 255], (y * 64 + x) * 4);
  }
  return { png: encodeRgbPng(rgba, 64, 48, 1), rgba };
}

describe('renderPlotCard', () => {
  it('shows the plot pixel for pixel inside the window frame', () => {
    const plot = gradient();
    const card = decodePng(renderPlotCard({ png: plot.png, scale: 2 }));
    expect(card.width).toBeGreaterThan(64);
    const find = (r: number, g: number, b: number): number => {
      for (let i = 0; i < card.rgba.length; i += 4) if (card.rgba[i] === r && card.rgba[i + 1] === g && card.rgba[i + 2] === b) return i / 4;
      return -1;
    };
    const origin = find(0, 0, 200);
    expect(origin).toBeGreaterThan(0);
    const corner = origin + 47 * card.width + 63;
    expect([...card.rgba.subarray(corner * 4, corner * 4 + 3)]).toEqual([63 * 4, 47 * 5, 200]);
  });

  it('refuses bytes that are not a PNG', () => {
    expect(() => renderPlotCard({ png: new Uint8Array(10) })).toThrow(/PNG/);
  });
});

describe('renderFileCard', () => {
  it('renders a text file as one image per page, every line kept', () => {
    const content = Array.from({ length: 70 }, (_, i) => `row ${i + 1}`).join('\n');
    expect(renderFileCard({ name: 'data.txt', content, scale: 1 })).toHaveLength(2);
    expect(renderFileCard({ name: 'data.txt', content, scale: 1, layout: 'tall' })).toHaveLength(1);
  });
});
