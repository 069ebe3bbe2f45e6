import type { GlyphMask } from '../font/rasterize.js';

/** A colour as 0xRRGGBB. */
export type Rgb = number;

const MAX_COLORS = 256;
const LEVELS = 16;
const UNKNOWN = 0xffff;

/**
 * A growable buffer reused from image to image: a fresh multi-megabyte array costs more in page faults
 * than drawing the whole screenshot, so each thread keeps one.
 */
export class Scratch {
  private buffer = new ArrayBuffer(0);

  /** A view of at least `bytes` bytes; valid until the next call. */
  take(bytes: number): ArrayBuffer {
    if (this.buffer.byteLength < bytes) this.buffer = new ArrayBuffer(Math.ceil(bytes * 1.25));
    return this.buffer;
  }
}

/** (foreground index, background index, coverage level) -> blended index; shared, and reset per surface. */
const blendCache = new Uint16Array(MAX_COLORS * MAX_COLORS * LEVELS).fill(UNKNOWN);
let blendTouched: number[] = [];

/**
 * An opaque image drawn in palette indices: screenshots have few colours, and drawing one byte per pixel
 * makes both drawing and PNG encoding cheap. Each row starts with a zero byte (PNG filter "none"), so
 * `rows` can be compressed as it is. Coverage is blended exactly; only if an image needed more than 256
 * colours would a blend fall back to the nearest palette colour.
 */
export class Surface {
  /** Palette indices, `width + 1` bytes per row (a leading 0 per row). */
  readonly rows: Uint8Array;
  readonly palette: Rgb[] = [];
  private readonly lookup = new Map<Rgb, number>();

  /** Set once a colour had to be approximated because the palette was full. */
  overflowed = false;

  /**
   * With `scratch`, the pixels live in that shared buffer and are valid until its next use.
   * `coarse` blends edges in 8 coverage steps instead of 16, halving the colours text needs.
   */
  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb,
    scratch?: Scratch,
    private readonly coarse = false,
  ) {
    const size = (width + 1) * height;
    this.rows = scratch ? new Uint8Array(scratch.take(size), 0, size) : new Uint8Array(size);
    for (const key of blendTouched) blendCache[key] = UNKNOWN;
    blendTouched = [];
    const index = this.indexOf(background);
    this.rows.fill(index);
    for (let y = 0; y < height; y++) this.rows[y * (width + 1)] = 0;
  }

  /** The palette index of a colour, added when new. */
  indexOf(color: Rgb): number {
    const known = this.lookup.get(color);
    if (known !== undefined) return known;
    if (this.palette.length < MAX_COLORS) {
      this.palette.push(color);
      this.lookup.set(color, this.palette.length - 1);
      return this.palette.length - 1;
    }
    this.overflowed = true;
    let best = 0;
    let bestDistance = Infinity;
    this.palette.forEach((candidate, i) => {
      const dr = ((candidate >> 16) & 0xff) - ((color >> 16) & 0xff);
      const dg = ((candidate >> 8) & 0xff) - ((color >> 8) & 0xff);
      const db = (candidate & 0xff) - (color & 0xff);
      const distance = dr * dr + dg * dg + db * db;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = i;
      }
    });
    return best;
  }

  /** The colour at a pixel. */
  colorAt(x: number, y: number): Rgb {
    return this.palette[this.rows[y * (this.width + 1) + 1 + x]!]!;
  }

  /** Fills a rectangle, clipped to the surface. */
  fillRect(x: number, y: number, w: number, h: number, color: Rgb): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    if (x1 <= x0) return;
    const index = this.indexOf(color);
    const stride = this.width + 1;
    for (let row = y0; row < y1; row++) this.rows.fill(index, row * stride + 1 + x0, row * stride + 1 + x1);
  }

  /** Draws a rectangle outline `thickness` pixels wide inside the given box. */
  strokeRect(x: number, y: number, w: number, h: number, color: Rgb, thickness: number): void {
    this.fillRect(x, y, w, thickness, color);
    this.fillRect(x, y + h - thickness, w, thickness, color);
    this.fillRect(x, y, thickness, h, color);
    this.fillRect(x + w - thickness, y, thickness, h, color);
  }

  /** Blends a coverage mask (16 levels) in one colour with its origin (pen, baseline) at (x, y). */
  drawMask(mask: GlyphMask, x: number, y: number, color: Rgb): void {
    const left = x + mask.left;
    const top = y - mask.top;
    const fg = this.indexOf(color);
    const stride = this.width + 1;
    const { width: mw, height: mh, alpha } = mask;
    const keyBase = fg * MAX_COLORS * LEVELS;
    for (let my = 0; my < mh; my++) {
      const sy = top + my;
      if (sy < 0 || sy >= this.height) continue;
      const rowBase = sy * stride + 1;
      for (let mx = 0; mx < mw; mx++) {
        const a = alpha[my * mw + mx]!;
        if (a === 0) continue;
        const sx = left + mx;
        if (sx < 0 || sx >= this.width) continue;
        const at = rowBase + sx;
        if (a === 255) {
          this.rows[at] = fg;
          continue;
        }
        const bg = this.rows[at]!;
        const level = this.coarse ? ((a / 17) | 0) & ~1 || 1 : (a / 17) | 0;
        const key = keyBase + bg * LEVELS + level;
        let blended = blendCache[key]!;
        if (blended === UNKNOWN) {
          blended = this.indexOf(mix(this.palette[bg]!, color, level * 17));
          blendCache[key] = blended;
          blendTouched.push(key);
        }
        this.rows[at] = blended;
      }
    }
  }

  /** Fills a circle with anti-aliased edges (4x4 supersampling), for window buttons. */
  fillCircle(cx: number, cy: number, radius: number, color: Rgb): void {
    const left = Math.floor(cx - radius) - 1;
    const top = Math.floor(cy - radius) - 1;
    const mask = cachedMask(`circle ${cx - left} ${cy - top} ${radius}`, () => circleMask(cx - left, cy - top, radius));
    this.drawMask(mask, left, top, color);
  }

  /** The image as RGBA bytes, for compositing full-colour pictures (plots) on top. */
  toRgba(): Uint8Array {
    const out = new Uint8Array(this.width * this.height * 4);
    const stride = this.width + 1;
    for (let y = 0; y < this.height; y++) {
      for (let x = 0; x < this.width; x++) {
        const color = this.palette[this.rows[y * stride + 1 + x]!]!;
        const at = (y * this.width + x) * 4;
        out[at] = (color >> 16) & 0xff;
        out[at + 1] = (color >> 8) & 0xff;
        out[at + 2] = color & 0xff;
        out[at + 3] = 255;
      }
    }
    return out;
  }
}

/** Blends `fg` over `bg` at coverage `a` (0..255) with integer rounding, so results are reproducible. */
function mix(bg: Rgb, fg: Rgb, a: number): Rgb {
  const inv = 255 - a;
  const r = (((fg >> 16) & 0xff) * a + ((bg >> 16) & 0xff) * inv + 127) / 255;
  const g = (((fg >> 8) & 0xff) * a + ((bg >> 8) & 0xff) * inv + 127) / 255;
  const b = ((fg & 0xff) * a + (bg & 0xff) * inv + 127) / 255;
  return ((r | 0) << 16) | ((g | 0) << 8) | (b | 0);
}

/** Shape masks depend only on the shape and its sub-pixel offset, so each is computed once per process. */
const shapeMasks = new Map<string, GlyphMask>();

function cachedMask(key: string, build: () => GlyphMask): GlyphMask {
  let mask = shapeMasks.get(key);
  if (!mask) {
    mask = build();
    shapeMasks.set(key, mask);
  }
  return mask;
}

function circleMask(cx: number, cy: number, radius: number): GlyphMask {
  const size = Math.ceil(radius * 2) + 3;
  const alpha = new Uint8Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let inside = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const dx = x + (sx + 0.5) / 4 - cx;
          const dy = y + (sy + 0.5) / 4 - cy;
          if (dx * dx + dy * dy <= radius * radius) inside++;
        }
      }
      alpha[y * size + x] = Math.round((inside / 16) * 15) * 17;
    }
  }
  return { width: size, height: size, left: 0, top: 0, alpha };
}

function lineMask(x0: number, y0: number, x1: number, y1: number, width: number, w: number, h: number): GlyphMask {
  const alpha = new Uint8Array(w * h);
  const dx = x1 - x0;
  const dy = y1 - y0;
  const lengthSq = dx * dx + dy * dy || 1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      const t = Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / lengthSq));
      const distance = Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy));
      const coverage = Math.max(0, Math.min(1, width / 2 + 0.5 - distance));
      alpha[y * w + x] = Math.round(coverage * 15) * 17;
    }
  }
  return { width: w, height: h, left: 0, top: 0, alpha };
}

/** Draws an anti-aliased straight line of the given width (window-button crosses, icons). */
export function drawLine(surface: Surface, x0: number, y0: number, x1: number, y1: number, width: number, color: Rgb): void {
  const pad = Math.ceil(width) + 1;
  const left = Math.floor(Math.min(x0, x1)) - pad;
  const top = Math.floor(Math.min(y0, y1)) - pad;
  const w = Math.ceil(Math.max(x0, x1)) + pad - left;
  const h = Math.ceil(Math.max(y0, y1)) + pad - top;
  const [a, b, c, d] = [x0 - left, y0 - top, x1 - left, y1 - top];
  surface.drawMask(cachedMask(`line ${a} ${b} ${c} ${d} ${width} ${w} ${h}`, () => lineMask(a, b, c, d, width, w, h)), left, top, color);
}
