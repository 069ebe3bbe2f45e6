import { constants, crc32, deflateSync } from 'node:zlib';
import { Scratch, type Surface } from './surface.js';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function header(width: number, height: number, colorType: 2 | 3): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data[8] = 8;
  data[9] = colorType;
  return chunk('IHDR', data);
}

/** A pHYs chunk: 96 dpi times the density, so a document shows a 2x image at its intended size. */
function density(scale: number): Buffer {
  const data = Buffer.alloc(9);
  const pixelsPerMetre = Math.round((96 * scale) / 0.0254);
  data.writeUInt32BE(pixelsPerMetre, 0);
  data.writeUInt32BE(pixelsPerMetre, 4);
  data[8] = 1;
  return chunk('pHYs', data);
}

// Run-length matching finds the long runs of one palette index that make up window chrome and blank space
// at a fraction of the cost of a full match search, for files only slightly larger.
const DEFLATE = { level: 6, strategy: constants.Z_RLE };

const filtered = new Scratch();

/**
 * The surface's rows with filter "up" on every row equal to the one above (it becomes all zeros) and
 * "none" elsewhere: screenshots repeat rows a lot (blank space, chrome), and both the check and the
 * zeroing are native memory operations.
 */
function filterRows(surface: Surface): Buffer {
  const stride = surface.width + 1;
  const size = stride * surface.height;
  const rows = Buffer.from(filtered.take(size), 0, size);
  rows.set(surface.rows);
  const source = Buffer.from(surface.rows.buffer, surface.rows.byteOffset, size);
  for (let y = surface.height - 1; y > 0; y--) {
    const start = y * stride + 1;
    if (source.compare(source, start - stride, start - 1, start, start + stride - 1) === 0) {
      rows[start - 1] = 2;
      rows.fill(0, start, start + stride - 1);
    }
  }
  return rows;
}

/** Encodes an indexed surface as a palette PNG. */
export function encodePng(surface: Surface, scale: number): Buffer {
  const plte = Buffer.alloc(surface.palette.length * 3);
  surface.palette.forEach((color, i) => {
    plte[i * 3] = (color >> 16) & 0xff;
    plte[i * 3 + 1] = (color >> 8) & 0xff;
    plte[i * 3 + 2] = color & 0xff;
  });
  return Buffer.concat([
    SIGNATURE,
    header(surface.width, surface.height, 3),
    density(scale),
    chunk('PLTE', plte),
    chunk('IDAT', deflateSync(filterRows(surface), DEFLATE)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** Encodes opaque RGBA pixels (a window with a full-colour picture in it) as an RGB PNG with the Up filter. */
export function encodeRgbPng(rgba: Uint8Array, width: number, height: number, scale: number): Buffer {
  const stride = width * 3 + 1;
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    rows[y * stride] = 2;
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) {
        const at = (y * width + x) * 4 + c;
        const above = y === 0 ? 0 : rgba[at - width * 4]!;
        rows[y * stride + 1 + x * 3 + c] = (rgba[at]! - above) & 0xff;
      }
    }
  }
  return Buffer.concat([
    SIGNATURE,
    header(width, height, 2),
    density(scale),
    chunk('IDAT', deflateSync(rows, { level: 6 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
