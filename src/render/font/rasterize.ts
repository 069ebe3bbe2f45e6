import type { GlyphOutline } from './truetype.js';

/** An 8-bit coverage mask placed relative to the pen: `left` pixels right of it, `top` pixels above the baseline. */
export interface GlyphMask {
  width: number;
  height: number;
  left: number;
  top: number;
  alpha: Uint8Array;
}

/** Coverage is stored in 16 steps: invisible at 2x, and it keeps anti-aliased images within a 256-colour palette. */
const ALPHA_STEP = 17;

/**
 * Fills a glyph outline with exact-area anti-aliasing (the accumulation method of font-rs):
 * each edge adds signed coverage to a buffer whose running sum along a row is the filled area.
 */
export function rasterizeOutline(outline: GlyphOutline, scale: number): GlyphMask {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const contour of outline) {
    for (const p of contour) {
      minX = Math.min(minX, p.x);
      maxX = Math.max(maxX, p.x);
      minY = Math.min(minY, p.y);
      maxY = Math.max(maxY, p.y);
    }
  }
  if (!Number.isFinite(minX)) return { width: 0, height: 0, left: 0, top: 0, alpha: new Uint8Array(0) };
  const left = Math.floor(minX * scale);
  const top = Math.ceil(maxY * scale);
  const width = Math.ceil(maxX * scale) - left + 1;
  const height = top - Math.floor(minY * scale) + 1;
  const acc = new Float32Array(width * height + 4);
  const toX = (x: number): number => x * scale - left;
  const toY = (y: number): number => top - y * scale;
  const line = (x0: number, y0: number, x1: number, y1: number): void => accumulateLine(acc, width, height, x0, y0, x1, y1);

  for (const contour of outline) {
    const n = contour.length;
    if (n < 2) continue;
    // Start from an on-curve point; a contour of only control points starts at the midpoint of the first two.
    let startIndex = contour.findIndex((p) => p.onCurve);
    let startX: number;
    let startY: number;
    if (startIndex < 0) {
      startIndex = 0;
      startX = (contour[0]!.x + contour[1]!.x) / 2;
      startY = (contour[0]!.y + contour[1]!.y) / 2;
    } else {
      startX = contour[startIndex]!.x;
      startY = contour[startIndex]!.y;
    }
    let penX = toX(startX);
    let penY = toY(startY);
    let control: { x: number; y: number } | null = null;
    for (let k = 1; k <= n; k++) {
      const p = contour[(startIndex + k) % n]!;
      const px = toX(p.x);
      const py = toY(p.y);
      if (p.onCurve) {
        if (control) {
          quadratic(line, penX, penY, control.x, control.y, px, py);
          control = null;
        } else {
          line(penX, penY, px, py);
        }
        penX = px;
        penY = py;
      } else if (control) {
        const midX = (control.x + px) / 2;
        const midY = (control.y + py) / 2;
        quadratic(line, penX, penY, control.x, control.y, midX, midY);
        penX = midX;
        penY = midY;
        control = { x: px, y: py };
      } else {
        control = { x: px, y: py };
      }
    }
    const endX = toX(startX);
    const endY = toY(startY);
    if (control) quadratic(line, penX, penY, control.x, control.y, endX, endY);
    else line(penX, penY, endX, endY);
  }

  const alpha = new Uint8Array(width * height);
  let sum = 0;
  for (let i = 0; i < alpha.length; i++) {
    sum += acc[i]!;
    const coverage = Math.min(1, Math.abs(sum));
    alpha[i] = Math.round((coverage * 255) / ALPHA_STEP) * ALPHA_STEP;
  }
  return { width, height, left, top, alpha };
}

function quadratic(
  line: (x0: number, y0: number, x1: number, y1: number) => void,
  x0: number,
  y0: number,
  cx: number,
  cy: number,
  x1: number,
  y1: number,
): void {
  const deviation = Math.hypot(x0 - 2 * cx + x1, y0 - 2 * cy + y1);
  const steps = Math.max(1, Math.ceil(Math.sqrt(deviation * 2)));
  let px = x0;
  let py = y0;
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    const x = u * u * x0 + 2 * u * t * cx + t * t * x1;
    const y = u * u * y0 + 2 * u * t * cy + t * t * y1;
    line(px, py, x, y);
    px = x;
    py = y;
  }
}

function accumulateLine(acc: Float32Array, w: number, h: number, ax: number, ay: number, bx: number, by: number): void {
  if (Math.abs(ay - by) <= 1e-6) return;
  let dir: number;
  let x0p: number;
  let y0p: number;
  let x1p: number;
  let y1p: number;
  if (ay < by) {
    dir = 1;
    [x0p, y0p, x1p, y1p] = [ax, ay, bx, by];
  } else {
    dir = -1;
    [x0p, y0p, x1p, y1p] = [bx, by, ax, ay];
  }
  const dxdy = (x1p - x0p) / (y1p - y0p);
  let x = x0p;
  if (y0p < 0) x -= y0p * dxdy;
  const yEnd = Math.min(h, Math.ceil(y1p));
  for (let y = Math.max(0, Math.floor(y0p)); y < yEnd; y++) {
    const lineStart = y * w;
    const dy = Math.min(y + 1, y1p) - Math.max(y, y0p);
    const xNext = x + dxdy * dy;
    const d = dy * dir;
    const lo = Math.min(x, xNext);
    const hi = Math.max(x, xNext);
    const loFloor = Math.floor(lo);
    const hiCeil = Math.ceil(hi);
    const base = lineStart + loFloor;
    if (hiCeil <= loFloor + 1) {
      const mid = 0.5 * (x + xNext) - loFloor;
      acc[base] = acc[base]! + d - d * mid;
      acc[base + 1] = acc[base + 1]! + d * mid;
    } else {
      const s = 1 / (hi - lo);
      const loFrac = lo - loFloor;
      const a0 = 0.5 * s * (1 - loFrac) * (1 - loFrac);
      const hiFrac = hi - hiCeil + 1;
      const am = 0.5 * s * hiFrac * hiFrac;
      acc[base] = acc[base]! + d * a0;
      if (hiCeil === loFloor + 2) {
        acc[base + 1] = acc[base + 1]! + d * (1 - a0 - am);
      } else {
        const a1 = s * (1.5 - loFrac);
        acc[base + 1] = acc[base + 1]! + d * (a1 - a0);
        for (let xi = loFloor + 2; xi < hiCeil - 1; xi++) acc[lineStart + xi] = acc[lineStart + xi]! + d * s;
        const a2 = a1 + (hiCeil - loFloor - 3) * s;
        acc[lineStart + hiCeil - 1] = acc[lineStart + hiCeil - 1]! + d * (1 - a2 - am);
      }
      acc[lineStart + hiCeil] = acc[lineStart + hiCeil]! + d * am;
    }
    x = xNext;
  }
}
