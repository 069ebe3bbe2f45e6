import { describe, expect, it } from 'vitest';
import { renderFileCard } from '../render/index.js';
import { pngInfo } from './png-info.js';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
}

/** A PNG header with the given size and, optionally, a pHYs chunk; enough for the reader, no pixels needed. */
function pngHeader(width: number, height: number, pixelsPerMetre?: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr)];
  if (pixelsPerMetre !== undefined) {
    const phys = Buffer.alloc(9);
    phys.writeUInt32BE(pixelsPerMetre, 0);
    phys.writeUInt32BE(pixelsPerMetre, 4);
    phys[8] = 1;
    parts.push(chunk('pHYs', phys));
  }
  parts.push(chunk('IDAT', Buffer.alloc(0)), chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}

describe('pngInfo', () => {
  it('reads the pixel size and the 2x density the renderer writes', () => {
    const [png] = renderFileCard({ name: 'data.txt', content: 'alpha\nbeta\n', scale: 2 });
    const info = pngInfo(png!);
    expect(info.width).toBeGreaterThan(40);
    expect(info.dpi).toBeCloseTo(192, 0);
  });

  it('takes 96 dpi when the file gives no physical size', () => {
    expect(pngInfo(pngHeader(300, 200))).toEqual({ width: 300, height: 200, dpi: 96 });
    expect(pngInfo(pngHeader(300, 200, 3937)).dpi).toBeCloseTo(100, 0);
  });

  it('refuses bytes that are not a PNG', () => {
    expect(() => pngInfo(Buffer.from('GIF89a not a png at all, but long enough to read'))).toThrow(/not a PNG/);
  });
});
