import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../../../test/fixtures/docx-builder.js';

const run = promisify(execFile);
const MAIN = new URL('../main.ts', import.meta.url).pathname;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'labmate-parse-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function parse(file: string): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', MAIN, 'parse', file, '--json']);
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

describe('labmate parse --json', () => {
  it('prints the DESIGN.md §3 object and exits 0', async () => {
    const path = join(dir, 'lab.docx');
    await writeFile(path, await buildDocx([{ text: 'Q1. Write a program to print hello.' }, { text: 'print("hello")', font: 'Consolas' }]));
    const { code, stdout } = await parse(path);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ format: 'docx', pages: null, warnings: [] });
    expect(result.tasks).toEqual([
      {
        id: 't1', label: 'Q1', question: 'Write a program to print hello.', kind: 'code', language: 'python',
        code: 'print("hello")', stdin: '', expectedOutput: '', inputFiles: [], wantsScreenshot: false, anchor: { block: 1 },
      },
    ]);
  });

  it('prints a problem object and exits 2 for a refused file', async () => {
    const path = join(dir, 'old.doc');
    await writeFile(path, Buffer.from('d0cf11e0a1b11ae1', 'hex'));
    const { code, stdout } = await parse(path);
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toMatchObject({ type: expect.stringMatching(/legacy-doc$/), status: 415, title: 'Old Word format (.doc)' });
  });
});
