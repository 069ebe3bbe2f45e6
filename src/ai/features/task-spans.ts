import type { Task } from '../../analyze/task.js';

/** The blocks a task covers: from the block its question starts in to its anchor, both inclusive. */
export interface TaskSpan {
  start: number;
  end: number;
}

/** Letters and digits only, lower-cased: compares text across line breaks, labels and punctuation. */
export function squash(text: string): string {
  return text.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Text without any whitespace: compares code across re-indentation but keeps every symbol. */
export function unspaced(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/**
 * Where each task starts: the nearest block at or before its anchor (and after the previous task's anchor) that
 * holds the beginning of its question; the anchor itself when the question cannot be found.
 */
export function taskSpans(blocks: string[], tasks: Task[]): Map<string, TaskSpan> {
  const spans = new Map<string, TaskSpan>();
  const ordered = [...tasks].sort((x, y) => x.anchor.block - y.anchor.block);
  let floor = 0;
  for (const task of ordered) {
    const end = Math.min(Math.max(task.anchor.block, 0), blocks.length - 1);
    const head = squash(task.question).slice(0, 40);
    let start = end;
    if (head) {
      // A question may wrap over several blocks (PDF lines); the nearest window holding its beginning wins.
      for (let b = end; b >= floor; b--) {
        if (squash(blocks.slice(b, Math.min(b + 4, end + 1)).join('')).includes(head)) {
          start = b;
          break;
        }
      }
    }
    spans.set(task.id, { start, end });
    floor = Math.min(end + 1, blocks.length - 1);
  }
  return spans;
}

/** Whether `text` occurs in blocks `from`..`to` (inclusive), compared with `normalise` on both sides. */
export function occursIn(blocks: string[], from: number, to: number, text: string, normalise: (s: string) => string): boolean {
  const needle = normalise(text);
  if (!needle) return true;
  return normalise(blocks.slice(from, to + 1).join('\n')).includes(needle);
}
