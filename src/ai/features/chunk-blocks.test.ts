import { describe, expect, it } from 'vitest';
import { chunkBlocks, estimateTokens, renderChunk } from './chunk-blocks.js';

function longDocument(): string[] {
  const texts: string[] = [];
  for (let i = 0; i < 240; i++) {
    if (i % 10 === 0) texts.push(`${i / 10 + 1}. Write a program to compute the sum of the first ${i} numbers and print it.`);
    else if (i % 10 === 5) texts.push(Array.from({ length: 6 }, (_, k) => `    total = total + ${k}  # step ${k}`).join('\n'));
    else texts.push(`Paragraph ${i}: ${'lorem ipsum dolor sit amet '.repeat(1 + (i % 4))}`.trim());
  }
  // Block 57 is a listing longer than a whole chunk.
  texts[57] = Array.from({ length: 160 }, (_, k) => `print("line ${k} of a very long program listing")`).join('\n');
  return texts;
}

describe('chunkBlocks', () => {
  const texts = longDocument();
  const maxTokens = 900;
  const { chunks, warnings } = chunkBlocks(texts, { maxTokens, overlap: 3 });

  it('splits a long document into several chunks that each fit the budget', () => {
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) expect(estimateTokens(renderChunk(chunk))).toBeLessThanOrEqual(maxTokens);
  });

  it('repeats a few blocks at the start of each next chunk and always moves forward', () => {
    for (let k = 1; k < chunks.length; k++) {
      const previous = chunks[k - 1]!;
      const current = chunks[k]!;
      expect(current.firstBlock).toBeGreaterThanOrEqual(previous.firstBlock);
      // The parts of the oversized block fill a chunk each and leave no room to repeat anything.
      if (previous.pieces.some((p) => p.parts > 1) || current.pieces.some((p) => p.parts > 1)) continue;
      expect(current.firstBlock).toBeGreaterThan(previous.firstBlock);
      expect(current.firstBlock).toBeLessThanOrEqual(previous.lastBlock);
      const shared = current.pieces.filter((p) => previous.pieces.some((q) => q.block === p.block && q.part === p.part));
      expect(shared.length).toBeGreaterThanOrEqual(1);
      expect(shared.length).toBeLessThanOrEqual(3);
    }
  });

  it('sends every block, and every block that fits is sent whole, never cut', () => {
    const seen = new Set(chunks.flatMap((c) => c.pieces.map((p) => p.block)));
    expect(seen.size).toBe(texts.length);
    for (const piece of chunks.flatMap((c) => c.pieces)) {
      if (piece.block === 57) continue;
      expect(piece).toMatchObject({ part: 1, parts: 1, text: texts[piece.block] });
    }
  });

  it('splits a block longer than a chunk at line boundaries and says so', () => {
    const parts = new Map<number, string>();
    for (const piece of chunks.flatMap((c) => c.pieces)) if (piece.block === 57) parts.set(piece.part, piece.text);
    expect(parts.size).toBeGreaterThan(1);
    const joined = [...parts.entries()].sort((x, y) => x[0] - y[0]).map(([, text]) => text).join('\n');
    expect(joined).toBe(texts[57]);
    for (const text of parts.values()) expect(text.split('\n').every((line) => /^print\("line \d+ of a very long program listing"\)$/.test(line))).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Block 57 .* split at line boundaries\.$/);
  });

  it('cuts a single line longer than a chunk inside the line, with a warning', () => {
    const result = chunkBlocks(['short', 'x'.repeat(5000), 'end'], { maxTokens: 300 });
    const pieces = result.chunks.flatMap((c) => c.pieces).filter((p) => p.block === 1);
    const unique = new Map(pieces.map((p) => [p.part, p.text]));
    expect([...unique.values()].join('')).toBe('x'.repeat(5000));
    expect(result.warnings[0]).toMatch(/overlong line\(s\) were split inside the line/);
  });

  it('keeps a short document in one chunk', () => {
    const result = chunkBlocks(['a', 'b', 'c'], { maxTokens: 1000 });
    expect(result.chunks).toHaveLength(1);
    expect(result.chunks[0]).toMatchObject({ firstBlock: 0, lastBlock: 2 });
    expect(renderChunk(result.chunks[0]!)).toBe('⟦b0⟧ a\n⟦b1⟧ b\n⟦b2⟧ c');
  });

  it('counts the tokens that travel with a block against the budget', () => {
    const plain = chunkBlocks(Array.from({ length: 40 }, () => 'x'.repeat(70)), { maxTokens: 400 });
    const heavy = chunkBlocks(Array.from({ length: 40 }, () => 'x'.repeat(70)), { maxTokens: 400, extraTokens: () => 40 });
    expect(heavy.chunks.length).toBeGreaterThan(plain.chunks.length);
  });
});
