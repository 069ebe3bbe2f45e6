import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { TrueTypeFont } from './truetype.js';

const font = (file: string): TrueTypeFont => new TrueTypeFont(readFileSync(new URL(`../../../assets/fonts/${file}`, import.meta.url)));

describe('TrueTypeFont', () => {
  const mono = font('JetBrainsMono-Regular.ttf');

  it('maps code points to glyphs and reports 0 for characters the font lacks', () => {
    expect(mono.glyphIndex(0x41)).toBeGreaterThan(0);
    expect(mono.glyphIndex(0x4e2d)).toBe(0);
  });

  it('gives every character of a monospace font the same advance', () => {
    const advances = new Set([...'iM W.'].map((ch) => mono.advance(mono.glyphIndex(ch.codePointAt(0)!))));
    expect(advances.size).toBe(1);
  });

  it('reads simple and composite outlines (accented letters are composites)', () => {
    const plain = mono.outline(mono.glyphIndex(0x65));
    const accented = mono.outline(mono.glyphIndex(0xe9));
    expect(plain.length).toBeGreaterThan(0);
    expect(accented.length).toBeGreaterThan(plain.length);
  });

  it('finds CJK glyphs in the bundled fallback through its 32-bit cmap', () => {
    const cjk = font('DroidSansFallbackFull.ttf');
    expect(cjk.glyphIndex(0x4e2d)).toBeGreaterThan(0);
    expect(font('Symbola.ttf').glyphIndex(0x1f600)).toBeGreaterThan(0);
  });

  it('rejects data that is not a TrueType font', () => {
    expect(() => new TrueTypeFont(new Uint8Array(64))).toThrow(/TrueType/);
  });
});
