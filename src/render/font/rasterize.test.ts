import { describe, expect, it } from 'vitest';
import { rasterizeOutline } from './rasterize.js';

const square = (x0: number, y0: number, x1: number, y1: number) => [
  [
    { x: x0, y: y0, onCurve: true },
    { x: x0, y: y1, onCurve: true },
    { x: x1, y: y1, onCurve: true },
    { x: x1, y: y0, onCurve: true },
  ],
];

describe('rasterizeOutline', () => {
  it('covers the inside of a shape fully and the outside not at all', () => {
    const mask = rasterizeOutline(square(0, 0, 4, 4), 1);
    const at = (x: number, y: number): number => mask.alpha[y * mask.width + x]!;
    expect(at(1, 1)).toBe(255);
    expect(at(2, 2)).toBe(255);
    expect(at(mask.width - 1, mask.height - 1)).toBe(0);
  });

  it('gives a half-covered edge pixel about half coverage', () => {
    const mask = rasterizeOutline(square(0, 0, 2.5, 2), 1);
    const edge = mask.alpha[1 * mask.width + 2]!;
    expect(edge).toBeGreaterThanOrEqual(119);
    expect(edge).toBeLessThanOrEqual(136);
  });

  it('places the mask relative to the pen and baseline', () => {
    const mask = rasterizeOutline(square(100, -50, 300, 700), 0.02);
    expect(mask.left).toBe(2);
    expect(mask.top).toBe(14);
  });

  it('returns an empty mask for a glyph without contours (space)', () => {
    expect(rasterizeOutline([], 1).alpha.length).toBe(0);
  });
});
