import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/cli/command.js';
import { renderCommand } from '../../src/cli/commands/render.js';
import { decodePng } from '../../src/render/index.js';

function captureStdout(): { lines: () => unknown[] } {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  return { lines: () => chunks.join('').trim().split('\n').map((line) => JSON.parse(line) as unknown) };
}

describe('labmate render', () => {
  afterEach(() => vi.restoreAllMocks());
  const dir = mkdtempSync(join(tmpdir(), 'labmate-render-'));

  it('renders a code file and its output to a PNG and prints the files written', async () => {
    writeFileSync(join(dir, 'hello.py'), 'print("<b>hi</b>")\n');
    writeFileSync(join(dir, 'out.txt'), '<b>hi</b>\n');
    const out = captureStdout();
    const code = await renderCommand.run(['--theme', 'terminal', '--lang', 'python', '--code', join(dir, 'hello.py'), '--output', join(dir, 'out.txt'), '-o', join(dir, 'shot.png')]);
    expect(code).toBe(0);
    expect(out.lines()).toEqual([{ files: [join(dir, 'shot.png')] }]);
    expect(decodePng(readFileSync(join(dir, 'shot.png'))).width).toBeGreaterThan(1000);
  });

  it('renders a JSONL batch in workers, one result per line and the batch summary last', async () => {
    const batch = join(dir, 'batch.jsonl');
    const lines = [
      { theme: 'idle', lang: 'python', code: 'print(1)\n', output: '1\n', title: 'one' },
      { theme: 'codeblocks', lang: 'c', code: 'int main(void) { return 0; }\n', output: '', title: 'two.c' },
      { theme: 'no-such-theme', lang: 'python', code: '' },
    ];
    writeFileSync(batch, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
    const out = captureStdout();
    const code = await renderCommand.run(['--batch', batch, '--out-dir', join(dir, 'batch')]);
    const printed = out.lines() as Array<Record<string, unknown>>;
    expect(code).toBe(1);
    expect(printed).toHaveLength(4);
    expect(printed[0]).toMatchObject({ index: 0, files: [join(dir, 'batch', '0001-one.png')] });
    expect(printed[2]).toMatchObject({ index: 2, error: expect.stringMatching(/unknown theme/) });
    expect(printed[3]).toMatchObject({ batch: { count: 3, wallMs: expect.any(Number) } });
    expect(readdirSync(join(dir, 'batch')).sort()).toEqual(['0001-one.png', '0002-two.png']);
  });

  it('rejects a missing output path and an unknown theme as usage errors', async () => {
    await expect(renderCommand.run(['--lang', 'python', '--code', 'x.py'])).rejects.toThrow(UsageError);
    writeFileSync(join(dir, 'x.py'), '');
    await expect(renderCommand.run(['--theme', 'paint', '--lang', 'python', '--code', join(dir, 'x.py'), '-o', join(dir, 'x.png')])).rejects.toThrow(/unknown theme/);
  });
});
