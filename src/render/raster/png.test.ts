import { describe, expect, it } from 'vitest';
import { decodePng } from './png-decode.js';
import { encodePng, encodeRgbPng } from './png-encode.js';
import { Surface } from './surface.js';

function sample(): Surface {
  const surface = new Surface(40, 30, 0xffffff);
  surface.fillRect(5, 5, 10, 10, 0xff0000);
  surface.fillCircle(28, 15, 8, 0x0000ff);
  return surface;
}

describe('PNG encoding', () => {
  it('writes a palette PNG that decodes to the drawn colours', () => {
    const png = encodePng(sample(), 2);
    expect(png[25]).toBe(3);
    const image = decodePng(png);
    expect([image.width, image.height]).toEqual([40, 30]);
    expect([...image.rgba.subarray((10 * 40 + 10) * 4, (10 * 40 + 10) * 4 + 4)]).toEqual([255, 0, 0, 255]);
    expect([...image.rgba.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
  });

  it('writes identical bytes for identical drawings', () => {
    expect(encodePng(sample(), 2).equals(encodePng(sample(), 2))).toBe(true);
  });

  it('records the pixel density so documents size a 2x image correctly', () => {
    const png = encodePng(sample(), 2);
    const at = png.indexOf('pHYs');
    expect(png.readUInt32BE(at + 4)).toBe(Math.round(192 / 0.0254));
  });

  it('round-trips full-colour RGB images through the Up filter', () => {
    const rgba = new Uint8Array(16 * 8 * 4).map((_, i) => (i % 4 === 3 ? 255 : (i * 37) % 256));
    const image = decodePng(encodeRgbPng(rgba, 16, 8, 1));
    expect(image.rgba).toEqual(rgba);
  });

  it('refuses data that is not a PNG', () => {
    expect(() => decodePng(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]))).toThrow(/not a PNG/);
  });
});

describe('Surface', () => {
  it('blends anti-aliased edges between the two colours', () => {
    const surface = new Surface(20, 20, 0xffffff);
    surface.fillCircle(10, 10, 6, 0x000000);
    const colours = new Set<number>();
    for (let y = 0; y < 20; y++) for (let x = 0; x < 20; x++) colours.add(surface.colorAt(x, y));
    expect(colours.has(0x000000)).toBe(true);
    expect(colours.has(0xffffff)).toBe(true);
    expect([...colours].some((c) => c !== 0 && c !== 0xffffff && (c & 0xff) === ((c >> 16) & 0xff))).toBe(true);
  });

  it('blends in 8 coverage steps instead of 16 when asked for coarse edges', () => {
    const count = (coarse: boolean): number => {
      const surface = new Surface(40, 40, 0xffffff, undefined, coarse);
      surface.fillCircle(20, 20, 15, 0x000000);
      return surface.palette.length;
    };
    expect(count(true)).toBeLessThan(count(false));
    expect(count(true)).toBeLessThanOrEqual(10);
  });

  it('keeps drawing past 256 colours by using the nearest palette colour', () => {
    const surface = new Surface(257, 1, 0x000000);
    for (let x = 0; x < 256; x++) surface.fillRect(x, 0, 1, 1, x * 0x010101);
    surface.fillRect(256, 0, 1, 1, 0x0000ff);
    expect(surface.palette.length).toBe(256);
    expect(surface.colorAt(256, 0)).toBe(0x555555);
    expect(surface.overflowed).toBe(true);
  });
});
