import { describe, expect, it } from 'vitest';
import { faceStack } from './bundled.js';

describe('faceStack', () => {
  const stack = faceStack('liberation-mono', 'regular', 26);

  it('draws Latin and accented letters with the chosen font', () => {
    expect(stack.faceFor(0x61)).toBe(stack.primary);
    expect(stack.faceFor(0xef)).toBe(stack.primary);
  });

  it('falls back to bundled fonts for CJK and emoji instead of drawing empty boxes', () => {
    for (const ch of ['中', '文', '😀']) {
      const face = stack.faceFor(ch.codePointAt(0)!);
      expect(face).not.toBe(stack.primary);
      expect(face.has(ch.codePointAt(0)!)).toBe(true);
      expect(face.mask(ch.codePointAt(0)!).alpha.some((a) => a === 255)).toBe(true);
    }
  });

  it('reuses one stack and its cached masks per family, style and size', () => {
    expect(faceStack('liberation-mono', 'regular', 26)).toBe(stack);
    expect(stack.primary.mask(0x41)).toBe(stack.primary.mask(0x41));
  });
});
