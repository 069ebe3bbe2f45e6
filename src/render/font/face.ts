import { rasterizeOutline, type GlyphMask } from './rasterize.js';
import type { TrueTypeFont } from './truetype.js';

/** A font at one pixel size: glyph masks are rasterised once and kept for every later image. */
export class SizedFace {
  readonly ascent: number;
  readonly descent: number;
  private readonly scale: number;
  private readonly masks = new Map<number, GlyphMask>();

  constructor(
    readonly font: TrueTypeFont,
    readonly pixelSize: number,
  ) {
    this.scale = pixelSize / font.unitsPerEm;
    this.ascent = font.ascender * this.scale;
    this.descent = -font.descender * this.scale;
  }

  /** Whether the font has a glyph for the code point. */
  has(codePoint: number): boolean {
    return this.font.glyphIndex(codePoint) !== 0;
  }

  /** The advance of a code point in pixels (fractional). */
  advance(codePoint: number): number {
    return this.font.advance(this.font.glyphIndex(codePoint)) * this.scale;
  }

  /** The coverage mask of a code point; .notdef when the font lacks it. */
  mask(codePoint: number): GlyphMask {
    let mask = this.masks.get(codePoint);
    if (!mask) {
      mask = rasterizeOutline(this.font.outline(this.font.glyphIndex(codePoint)), this.scale);
      this.masks.set(codePoint, mask);
    }
    return mask;
  }
}

/** A primary face plus fallbacks (CJK, symbols) tried in order for code points the primary lacks. */
export class FaceStack {
  private readonly chosen = new Map<number, SizedFace>();

  constructor(readonly faces: readonly SizedFace[]) {
    if (faces.length === 0) throw new Error('a face stack needs at least one face');
  }

  /** The primary face, whose metrics set the line box. */
  get primary(): SizedFace {
    return this.faces[0]!;
  }

  /** The first face that has the code point, else the primary (which draws its .notdef box). */
  faceFor(codePoint: number): SizedFace {
    let face = this.chosen.get(codePoint);
    if (!face) {
      face = this.faces.find((candidate) => candidate.has(codePoint)) ?? this.primary;
      this.chosen.set(codePoint, face);
    }
    return face;
  }
}
