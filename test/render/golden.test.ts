import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodePng } from '../../src/render/index.js';
import { GOLDEN_CASES } from './golden-cases.js';

// Regenerate after an intended visual change: UPDATE_GOLDENS=1 npx vitest run test/render/golden.test.ts
const UPDATE = process.env.UPDATE_GOLDENS === '1';
const DIR = new URL('./golden/', import.meta.url);
/** A channel may differ by this much (anti-aliasing rounding) ... */
const CHANNEL_TOLERANCE = 24;
/** ... and this share of pixels may differ by more. */
const PIXEL_TOLERANCE = 0.0002;

function differingShare(actual: Uint8Array, expected: Uint8Array): number {
  let differing = 0;
  for (let i = 0; i < actual.length; i += 4) {
    for (let c = 0; c < 3; c++) {
      if (Math.abs(actual[i + c]! - expected[i + c]!) > CHANNEL_TOLERANCE) {
        differing++;
        break;
      }
    }
  }
  return differing / (actual.length / 4);
}

describe('golden images', () => {
  it.each(Object.keys(GOLDEN_CASES))('%s matches its golden image', (name) => {
    const png = GOLDEN_CASES[name]!();
    const file = new URL(`${name}.png`, DIR);
    if (UPDATE) {
      mkdirSync(DIR, { recursive: true });
      writeFileSync(file, png);
    }
    expect(existsSync(file), `missing golden ${name}.png; run with UPDATE_GOLDENS=1 and review the image`).toBe(true);
    const expected = decodePng(readFileSync(file));
    const actual = decodePng(png);
    expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
    expect(differingShare(actual.rgba, expected.rgba)).toBeLessThanOrEqual(PIXEL_TOLERANCE);
  });
});
