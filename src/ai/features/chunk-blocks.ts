/** A block, or one part of a block too long for a chunk of its own, as the model sees it. */
export interface ChunkPiece {
  block: number;
  text: string;
  /** 1-based part number; a block that fits whole is part 1 of 1. */
  part: number;
  parts: number;
}

/** A run of consecutive pieces that fits the model's context. */
export interface Chunk {
  pieces: ChunkPiece[];
  firstBlock: number;
  lastBlock: number;
}

export interface ChunkOptions {
  /** Tokens one chunk may take, the prompt's fixed text and the answer already subtracted. */
  maxTokens: number;
  /** Pieces repeated at the start of the next chunk, so a question cut at a chunk border is seen whole once. */
  overlap?: number;
  /** Tokens that travel with a block besides its text (the draft tasks anchored there). */
  extraTokens?: (block: number) => number;
}

/** Conservative token estimate for mixed prose and code: about 3.5 characters a token. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 3.5);
}

/** How a piece is shown to the model; its marker and the line break count against the budget too. */
export function pieceHeader(piece: ChunkPiece): string {
  return piece.parts > 1 ? `⟦b${piece.block} part ${piece.part}/${piece.parts}⟧` : `⟦b${piece.block}⟧`;
}

/** The chunk as the model reads it: each piece after its block marker. */
export function renderChunk(chunk: Chunk): string {
  return chunk.pieces.map((piece) => `${pieceHeader(piece)} ${piece.text}`).join('\n');
}

const MIN_PIECE_TOKENS = 64;

/**
 * Splits a document's blocks into overlapping chunks that each fit `maxTokens`, never cutting a block; a block
 * longer than a whole chunk is split at line boundaries (a single overlong line at character boundaries) and named
 * in a warning. Every block appears in at least one chunk, in order.
 */
export function chunkBlocks(texts: string[], options: ChunkOptions): { chunks: Chunk[]; warnings: string[] } {
  const overlap = options.overlap ?? 3;
  const extra = options.extraTokens ?? (() => 0);
  const warnings: string[] = [];
  const pieces: ChunkPiece[] = [];
  texts.forEach((text, block) => {
    const whole: ChunkPiece = { block, text, part: 1, parts: 1 };
    if (costOf(whole, extra) <= options.maxTokens) {
      pieces.push(whole);
      return;
    }
    const room = Math.max(MIN_PIECE_TOKENS, options.maxTokens - extra(block) - estimateTokens(`${pieceHeader({ block, text: '', part: 99, parts: 99 })} \n`));
    const { parts, cutLines } = splitText(text, Math.floor(room * 3.5));
    parts.forEach((part, k) => pieces.push({ block, text: part, part: k + 1, parts: parts.length }));
    warnings.push(
      `Block ${block} (about ${estimateTokens(text)} tokens) is longer than one chunk of the model's context; it was sent in ${parts.length} parts split at line boundaries${cutLines ? `, and ${cutLines} overlong line(s) were split inside the line` : ''}.`,
    );
  });
  const costs = pieces.map((piece) => costOf(piece, extra));
  const chunks: Chunk[] = [];
  let start = 0;
  while (start < pieces.length) {
    let end = start;
    let used = 0;
    while (end < pieces.length && (end === start || used + costs[end]! <= options.maxTokens)) {
      used += costs[end]!;
      end++;
    }
    const slice = pieces.slice(start, end);
    chunks.push({ pieces: slice, firstBlock: slice[0]!.block, lastBlock: slice[slice.length - 1]!.block });
    if (end >= pieces.length) break;
    // Step back over up to `overlap` pieces, keeping room for at least the next new piece, and always move forward.
    let next = end;
    let repeated = 0;
    while (next - 1 > start && end - (next - 1) <= overlap && repeated + costs[next - 1]! + costs[end]! <= options.maxTokens) {
      next--;
      repeated += costs[next]!;
    }
    start = next;
  }
  return { chunks, warnings };
}

function costOf(piece: ChunkPiece, extra: (block: number) => number): number {
  return estimateTokens(`${pieceHeader(piece)} ${piece.text}\n`) + extra(piece.block);
}

/** Packs whole lines into parts of at most `maxChars`; a line longer than that is cut into `maxChars` slices. */
function splitText(text: string, maxChars: number): { parts: string[]; cutLines: number } {
  const parts: string[] = [];
  let current: string[] = [];
  let length = 0;
  let cutLines = 0;
  const flush = (): void => {
    if (current.length) parts.push(current.join('\n'));
    current = [];
    length = 0;
  };
  for (const line of text.split('\n')) {
    if (line.length > maxChars) {
      flush();
      cutLines++;
      for (let i = 0; i < line.length; i += maxChars) parts.push(line.slice(i, i + maxChars));
      continue;
    }
    if (current.length && length + 1 + line.length > maxChars) flush();
    length += (current.length ? 1 : 0) + line.length;
    current.push(line);
  }
  flush();
  return { parts, cutLines };
}
