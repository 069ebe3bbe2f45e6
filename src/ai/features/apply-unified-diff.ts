/** The outcome of applying a diff: the patched text, or why it does not apply. */
export type DiffApplication = { ok: true; text: string; hunks: number } | { ok: false; reason: string };

interface Hunk {
  oldStart: number;
  oldLines: string[];
  newLines: string[];
}

const HUNK_HEADER = /^@@ -(\d+)(?:,\d+)? \+\d+(?:,\d+)? @@/;
const FILE_HEADER = /^(---|\+\+\+|diff |index |new file mode|deleted file mode)/;

/**
 * Applies a single-file unified diff to `original`. Each hunk's context and removed lines must occur in the text
 * (after the previous hunk, nearest its stated line, trailing whitespace ignored); the hunk counts in `@@` headers
 * are not trusted, since models miscount them. A blank line inside a hunk is read as an empty context line.
 */
export function applyUnifiedDiff(original: string, diff: string): DiffApplication {
  const parsed = parseHunks(diff);
  if ('reason' in parsed) return { ok: false, reason: parsed.reason };
  const finalNewline = original.endsWith('\n');
  const lines = original.split('\n');
  if (finalNewline) lines.pop();
  const out: string[] = [];
  let cursor = 0;
  for (const [k, hunk] of parsed.hunks.entries()) {
    const expected = Math.max(cursor, hunk.oldStart - 1);
    const at = hunk.oldLines.length === 0 ? Math.min(Math.max(expected, cursor), lines.length) : find(lines, hunk.oldLines, cursor, expected);
    if (at < 0) return { ok: false, reason: `hunk ${k + 1} (at line ${hunk.oldStart}) does not match the code` };
    out.push(...lines.slice(cursor, at), ...hunk.newLines);
    cursor = at + hunk.oldLines.length;
  }
  out.push(...lines.slice(cursor));
  return { ok: true, text: out.join('\n') + (finalNewline ? '\n' : ''), hunks: parsed.hunks.length };
}

function parseHunks(diff: string): { hunks: Hunk[] } | { reason: string } {
  const lines = diff.replace(/\r\n/g, '\n').replace(/\s+$/, '').split('\n');
  const hunks: Hunk[] = [];
  let current: Hunk | null = null;
  let files = 0;
  for (const line of lines) {
    const header = HUNK_HEADER.exec(line);
    if (header) {
      current = { oldStart: Number(header[1]), oldLines: [], newLines: [] };
      hunks.push(current);
      continue;
    }
    if (line.startsWith('--- ')) {
      if (++files > 1) return { reason: 'it changes more than one file' };
      current = null;
      continue;
    }
    if (!current) {
      if (FILE_HEADER.test(line) || line.trim() === '') continue;
      return { reason: 'it is not a unified diff (text before the first @@ hunk header)' };
    }
    const mark = line[0];
    const body = line.slice(1);
    if (mark === '\\') continue;
    if (mark === ' ' || line === '') {
      current.oldLines.push(body);
      current.newLines.push(body);
    } else if (mark === '-') {
      current.oldLines.push(body);
    } else if (mark === '+') {
      current.newLines.push(body);
    } else {
      return { reason: `a hunk line starts with neither " ", "-" nor "+": ${JSON.stringify(line.slice(0, 60))}` };
    }
  }
  if (hunks.length === 0) return { reason: 'it has no @@ hunks' };
  for (const [k, hunk] of hunks.entries()) {
    if (hunk.oldLines.length === hunk.newLines.length && hunk.oldLines.every((l, i) => l === hunk.newLines[i])) return { reason: `hunk ${k + 1} changes nothing` };
  }
  return { hunks };
}

/** The index of `block` in `lines` at or after `from`, nearest to `near`; -1 when absent. */
function find(lines: string[], block: string[], from: number, near: number): number {
  const matches = (at: number): boolean => block.every((l, i) => lines[at + i]?.trimEnd() === l.trimEnd());
  for (let distance = 0; ; distance++) {
    const below = near + distance;
    const above = near - distance;
    if (below + block.length > lines.length && above < from) return -1;
    if (below + block.length <= lines.length && matches(below)) return below;
    if (distance > 0 && above >= from && matches(above)) return above;
  }
}
