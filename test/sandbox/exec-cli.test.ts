import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'labmate-exec-cli-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

function labmate(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), ...args],
      { cwd: root, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' }, timeout: 60_000 },
      (_error, stdout, stderr) => resolve({ status: child.exitCode, stdout, stderr }),
    );
  });
}

function file(name: string, content: string): string {
  const full = path.join(work, name);
  writeFileSync(full, content);
  return full;
}

describe('labmate exec', { timeout: 90_000 }, () => {
  it('prints exactly the DESIGN.md §3 result object', async () => {
    const source = file('fact.py', 'n = int(input("Enter n: "))\nf = 1\nfor i in range(2, n + 1):\n    f *= i\nprint(f)\n');
    const result = await labmate(['exec', '--lang', 'python', '--stdin', file('five.txt', '5\n'), source]);
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(Object.keys(printed)).toEqual([
      'status',
      'exitCode',
      'signal',
      'timeMs',
      'transcript',
      'stdout',
      'stderr',
      'artifacts',
    ]);
    expect(printed).toMatchObject({ status: 'ok', exitCode: 0, signal: null, transcript: 'Enter n: 5\n120\n', artifacts: [] });
  });

  it('applies --timeout-ms and saves artifacts with --artifacts-dir', async () => {
    const slow = await labmate(['exec', '--lang', 'python', '--timeout-ms', '1000', file('slow.py', 'import time\ntime.sleep(60)\n')]);
    expect(JSON.parse(slow.stdout).status).toBe('timeout');
    const outDir = path.join(work, 'artifacts');
    const writer = file('writer.py', 'open("note.txt", "w").write("kept")\n');
    const saved = await labmate(['exec', '--lang', 'python', '--artifacts-dir', outDir, writer]);
    expect(JSON.parse(saved.stdout).artifacts).toEqual([{ name: 'note.txt', kind: 'text', bytes: 4 }]);
    expect(readFileSync(path.join(outDir, 'note.txt'), 'utf8')).toBe('kept');
  });

  it('runs a JSONL batch, one result per line in input order, then the batch summary', async () => {
    const lines = [
      { lang: 'python', source: 'print(input())', stdin: 'one' },
      { lang: 'c', source: '#include <stdio.h>\nint main(void) { puts("two"); return 3; }' },
      { lang: 'cobol', source: '' },
      { lang: 'python', source: 'print(open("in.txt").read())', stdin: '', files: [{ name: 'in.txt', content: 'four' }] },
    ];
    const batch = file('batch.jsonl', lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const result = await labmate(['exec', '--batch', batch, '--concurrency', '2']);
    expect(result.status).toBe(0);
    const printed = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(printed).toHaveLength(5);
    expect(printed.slice(0, 4).map((r) => [r.status, r.stdout])).toEqual([
      ['ok', 'one\n'],
      ['runtime_error', 'two\n'],
      ['internal_error', ''],
      ['ok', 'four\n'],
    ]);
    expect(printed[2].stderr).toContain('line 3');
    expect(printed[4].batch.count).toBe(4);
    expect(typeof printed[4].batch.wallMs).toBe('number');
  });

  it('rejects a missing --lang as a usage error', async () => {
    const result = await labmate(['exec', file('x.py', 'print(1)')]);
    expect(result.status).toBe(64);
    expect(result.stderr).toContain('--lang');
  });

  it('reports the sandbox with doctor --json', async () => {
    const result = await labmate(['doctor', '--json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, bubblewrap: { ok: true } });
  });
});
