/** A point of a glyph outline in font units; `onCurve` false marks a quadratic control point. */
export interface OutlinePoint {
  x: number;
  y: number;
  onCurve: boolean;
}

/** The closed contours of one glyph, in font units (y grows upwards). */
export type GlyphOutline = OutlinePoint[][];

interface TableRecord {
  offset: number;
  length: number;
}

const FLAG_ON_CURVE = 0x01;
const FLAG_X_SHORT = 0x02;
const FLAG_Y_SHORT = 0x04;
const FLAG_REPEAT = 0x08;
const FLAG_X_SAME = 0x10;
const FLAG_Y_SAME = 0x20;

const COMPOSITE_ARGS_ARE_WORDS = 0x0001;
const COMPOSITE_ARGS_ARE_XY = 0x0002;
const COMPOSITE_HAVE_SCALE = 0x0008;
const COMPOSITE_MORE = 0x0020;
const COMPOSITE_HAVE_XY_SCALE = 0x0040;
const COMPOSITE_HAVE_2X2 = 0x0080;

/**
 * A minimal reader for TrueType (`glyf`) fonts: metrics, the Unicode cmap and glyph outlines.
 * It reads only what a monospace code renderer needs, so no dependency has to parse the whole font.
 */
export class TrueTypeFont {
  readonly unitsPerEm: number;
  readonly ascender: number;
  readonly descender: number;
  readonly lineGap: number;
  private readonly view: DataView;
  private readonly tables = new Map<string, TableRecord>();
  private readonly numGlyphs: number;
  private readonly numHMetrics: number;
  private readonly longLoca: boolean;
  private readonly cmap: (codePoint: number) => number;

  constructor(bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const version = this.view.getUint32(0);
    if (version !== 0x00010000 && version !== 0x74727565) throw new Error('not a TrueType font (glyf outlines required)');
    const count = this.view.getUint16(4);
    for (let i = 0; i < count; i++) {
      const at = 12 + i * 16;
      const tag = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
      this.tables.set(tag, { offset: this.view.getUint32(at + 8), length: this.view.getUint32(at + 12) });
    }
    const head = this.table('head');
    this.unitsPerEm = this.view.getUint16(head + 18);
    this.longLoca = this.view.getInt16(head + 50) === 1;
    const hhea = this.table('hhea');
    this.ascender = this.view.getInt16(hhea + 4);
    this.descender = this.view.getInt16(hhea + 6);
    this.lineGap = this.view.getInt16(hhea + 8);
    this.numHMetrics = this.view.getUint16(hhea + 34);
    this.numGlyphs = this.view.getUint16(this.table('maxp') + 4);
    this.cmap = this.readCmap();
  }

  /** The glyph index for a code point, 0 (.notdef) when the font lacks it. */
  glyphIndex(codePoint: number): number {
    return this.cmap(codePoint);
  }

  /** The advance width of a glyph in font units. */
  advance(glyph: number): number {
    const hmtx = this.table('hmtx');
    const index = Math.min(glyph, this.numHMetrics - 1);
    return this.view.getUint16(hmtx + index * 4);
  }

  /** The outline of a glyph, composites resolved. */
  outline(glyph: number, depth = 0): GlyphOutline {
    if (glyph >= this.numGlyphs || depth > 8) return [];
    const { start, end } = this.glyphRange(glyph);
    if (end <= start) return [];
    const contours = this.view.getInt16(start);
    return contours >= 0 ? this.simpleOutline(start, contours) : this.compositeOutline(start, depth);
  }

  private table(tag: string): number {
    const record = this.tables.get(tag);
    if (!record) throw new Error(`font has no '${tag}' table`);
    return record.offset;
  }

  private glyphRange(glyph: number): { start: number; end: number } {
    const loca = this.table('loca');
    const glyf = this.table('glyf');
    if (this.longLoca) {
      return { start: glyf + this.view.getUint32(loca + glyph * 4), end: glyf + this.view.getUint32(loca + glyph * 4 + 4) };
    }
    return { start: glyf + this.view.getUint16(loca + glyph * 2) * 2, end: glyf + this.view.getUint16(loca + glyph * 2 + 2) * 2 };
  }

  private simpleOutline(start: number, contourCount: number): GlyphOutline {
    const v = this.view;
    const endPoints: number[] = [];
    for (let i = 0; i < contourCount; i++) endPoints.push(v.getUint16(start + 10 + i * 2));
    const pointCount = contourCount === 0 ? 0 : endPoints[contourCount - 1]! + 1;
    let at = start + 10 + contourCount * 2;
    at += 2 + v.getUint16(at);
    const flags = new Uint8Array(pointCount);
    for (let i = 0; i < pointCount; ) {
      const flag = v.getUint8(at++);
      flags[i++] = flag;
      if (flag & FLAG_REPEAT) {
        let repeat = v.getUint8(at++);
        while (repeat-- > 0 && i < pointCount) flags[i++] = flag;
      }
    }
    const xs = new Int32Array(pointCount);
    const ys = new Int32Array(pointCount);
    let x = 0;
    for (let i = 0; i < pointCount; i++) {
      const flag = flags[i]!;
      if (flag & FLAG_X_SHORT) {
        const dx = v.getUint8(at++);
        x += flag & FLAG_X_SAME ? dx : -dx;
      } else if (!(flag & FLAG_X_SAME)) {
        x += v.getInt16(at);
        at += 2;
      }
      xs[i] = x;
    }
    let y = 0;
    for (let i = 0; i < pointCount; i++) {
      const flag = flags[i]!;
      if (flag & FLAG_Y_SHORT) {
        const dy = v.getUint8(at++);
        y += flag & FLAG_Y_SAME ? dy : -dy;
      } else if (!(flag & FLAG_Y_SAME)) {
        y += v.getInt16(at);
        at += 2;
      }
      ys[i] = y;
    }
    const outline: GlyphOutline = [];
    let first = 0;
    for (const last of endPoints) {
      const contour: OutlinePoint[] = [];
      for (let i = first; i <= last; i++) contour.push({ x: xs[i]!, y: ys[i]!, onCurve: (flags[i]! & FLAG_ON_CURVE) !== 0 });
      if (contour.length > 0) outline.push(contour);
      first = last + 1;
    }
    return outline;
  }

  private compositeOutline(start: number, depth: number): GlyphOutline {
    const v = this.view;
    const outline: GlyphOutline = [];
    let at = start + 10;
    let flags: number;
    do {
      flags = v.getUint16(at);
      const component = v.getUint16(at + 2);
      at += 4;
      let dx: number;
      let dy: number;
      if (flags & COMPOSITE_ARGS_ARE_WORDS) {
        dx = v.getInt16(at);
        dy = v.getInt16(at + 2);
        at += 4;
      } else {
        dx = v.getInt8(at);
        dy = v.getInt8(at + 1);
        at += 2;
      }
      let [a, b, c, d] = [1, 0, 0, 1];
      if (flags & COMPOSITE_HAVE_SCALE) {
        a = d = v.getInt16(at) / 16384;
        at += 2;
      } else if (flags & COMPOSITE_HAVE_XY_SCALE) {
        a = v.getInt16(at) / 16384;
        d = v.getInt16(at + 2) / 16384;
        at += 4;
      } else if (flags & COMPOSITE_HAVE_2X2) {
        a = v.getInt16(at) / 16384;
        b = v.getInt16(at + 2) / 16384;
        c = v.getInt16(at + 4) / 16384;
        d = v.getInt16(at + 6) / 16384;
        at += 8;
      }
      // Point-matching composites (ARGS_ARE_XY unset) are rare in text fonts; their offset is taken as zero.
      if (!(flags & COMPOSITE_ARGS_ARE_XY)) dx = dy = 0;
      for (const contour of this.outline(component, depth + 1)) {
        outline.push(contour.map((p) => ({ x: a * p.x + c * p.y + dx, y: b * p.x + d * p.y + dy, onCurve: p.onCurve })));
      }
    } while (flags & COMPOSITE_MORE);
    return outline;
  }

  private readCmap(): (codePoint: number) => number {
    const v = this.view;
    const cmap = this.table('cmap');
    const count = v.getUint16(cmap + 2);
    let format4 = -1;
    let format12 = -1;
    for (let i = 0; i < count; i++) {
      const platform = v.getUint16(cmap + 4 + i * 8);
      const encoding = v.getUint16(cmap + 6 + i * 8);
      const offset = cmap + v.getUint32(cmap + 8 + i * 8);
      const format = v.getUint16(offset);
      const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
      if (!unicode) continue;
      if (format === 12) format12 = offset;
      if (format === 4 && format4 < 0) format4 = offset;
    }
    if (format12 >= 0) return this.format12(format12);
    if (format4 >= 0) return this.format4(format4);
    throw new Error('font has no Unicode cmap');
  }

  private format4(offset: number): (codePoint: number) => number {
    const v = this.view;
    const segments = v.getUint16(offset + 6) / 2;
    const ends = offset + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const rangeOffsets = deltas + segments * 2;
    return (codePoint) => {
      if (codePoint > 0xffff) return 0;
      let lo = 0;
      let hi = segments - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (v.getUint16(ends + mid * 2) < codePoint) lo = mid + 1;
        else hi = mid;
      }
      const start = v.getUint16(starts + lo * 2);
      if (codePoint < start || codePoint > v.getUint16(ends + lo * 2)) return 0;
      const delta = v.getUint16(deltas + lo * 2);
      const rangeOffset = v.getUint16(rangeOffsets + lo * 2);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const glyph = v.getUint16(rangeOffsets + lo * 2 + rangeOffset + (codePoint - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    };
  }

  private format12(offset: number): (codePoint: number) => number {
    const v = this.view;
    const groups = v.getUint32(offset + 12);
    const base = offset + 16;
    return (codePoint) => {
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const at = base + mid * 12;
        if (codePoint < v.getUint32(at)) hi = mid - 1;
        else if (codePoint > v.getUint32(at + 4)) lo = mid + 1;
        else return v.getUint32(at + 8) + codePoint - v.getUint32(at);
      }
      return 0;
    };
  }
}
