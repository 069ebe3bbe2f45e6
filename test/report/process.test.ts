import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/cli/command.js';
import { processCommand } from '../../src/cli/commands/process.js';
import { processDocument } from '../../src/report/process-document.js';
import { SandboxPool } from '../../src/sandbox/index.js';
import { buildDocx } from '../fixtures/docx-builder.js';
import { buildPdf, flow } from '../fixtures/pdf-builder.js';
import { readBlocks } from './compose-fixtures.js';

const pool = new SandboxPool(2);
let dir: string;
let labPath: string;

/** Three programs: one that works, one that reads the input its sample run shows, one that crashes. */
const LAB = [
  { text: 'Experiment 1: Write a program to print a greeting.' },
  { text: 'print("hello, lab")', font: 'Consolas' },
  { text: 'Experiment 2: Write a program to print the square of a number.' },
  { text: 'n = int(input("Enter n: "))', font: 'Consolas' },
  { text: 'print(n * n)', font: 'Consolas' },
  { text: 'Output:' },
  { text: 'Enter n: 5' },
  { text: '25' },
  { text: 'Experiment 3: Write a program to divide by zero.' },
  { text: 'print(1 / 0)', font: 'Consolas' },
  { text: 'End of the lab.' },
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'labmate-process-test-'));
  labPath = join(dir, 'lab 7.docx');
  await writeFile(labPath, await buildDocx(LAB));
});

describe('processDocument', () => {
  it('runs every code task, leaves the failed one out, and puts each output below its question', async () => {
    const { docx, format, summary } = await processDocument(labPath, { pool });
    expect(format).toBe('docx');
    expect(summary).toMatchObject({ tasks: 3, ran: 3, ok: 2, failed: 1, screenshots: 2 });
    expect(Object.keys(summary.timingsMs)).toEqual(['parse', 'execute', 'render', 'compose', 'total']);
    const blocks = await readBlocks(docx);
    const at = (text: string): number => blocks.indexOf(text);
    expect(blocks[at('p:Experiment 1 — output') + 1]).toBe('image');
    expect(at('p:Experiment 1 — output')).toBeGreaterThan(at('p:print("hello, lab")'));
    expect(at('p:Experiment 1 — output')).toBeLessThan(at('p:Experiment 2: Write a program to print the square of a number.'));
    expect(at('p:Experiment 2 — output')).toBeGreaterThan(at('p:25'));
    expect(blocks.some((b) => b.includes('Experiment 3 —'))).toBe(false);
  }, 120_000);

  it('includes a failed task when asked, captioned as failed', async () => {
    const { docx, summary } = await processDocument(labPath, { pool, includeFailed: true, placement: 'end' });
    expect(summary.screenshots).toBe(3);
    const blocks = await readBlocks(docx);
    expect(blocks).toContain('p:Experiment 3 — failed (runtime error)');
    expect(blocks.indexOf('p:Experiment 3 — failed (runtime error)')).toBeGreaterThan(blocks.indexOf('p:End of the lab.'));
  }, 120_000);

  it('shows the plots and text files a program made after its screenshot', async () => {
    const path = join(dir, 'plots.docx');
    await writeFile(
      path,
      await buildDocx([
        { text: 'Program 1. Plot a line and save the points to points.txt.' },
        { text: 'import matplotlib.pyplot as plt', font: 'Consolas' },
        { text: 'open("points.txt", "w").write("1 2\\n2 4\\n")', font: 'Consolas' },
        { text: 'plt.plot([1, 2], [2, 4])', font: 'Consolas' },
        { text: 'plt.show()', font: 'Consolas' },
      ]),
    );
    const { docx, summary, warnings } = await processDocument(path, { pool });
    expect(summary).toMatchObject({ ran: 1, ok: 1, screenshots: 3 });
    expect(warnings).toEqual([]);
    const blocks = await readBlocks(docx);
    expect(blocks.slice(blocks.indexOf('p:Program 1 — output'))).toEqual(['p:Program 1 — output', 'image', 'image', 'image']);
  }, 120_000);

  it('builds the report of a PDF upload from its questions', async () => {
    const pdfPath = join(dir, 'lab8.pdf');
    const lines = flow(['1. Write a program to print a greeting.', { text: 'print("hello from a pdf")', mono: true }, '2. What is an interpreter?']);
    await writeFile(pdfPath, buildPdf({ pages: [lines] }));
    const { docx, format, summary } = await processDocument(pdfPath, { pool });
    expect(format).toBe('pdf');
    expect(summary).toMatchObject({ ran: 1, ok: 1, screenshots: 1 });
    const blocks = await readBlocks(docx);
    expect(blocks[0]).toBe('p:lab8');
    expect(blocks.indexOf('p:Question 1 — output')).toBeGreaterThan(blocks.indexOf('p:print("hello from a pdf")'));
  }, 120_000);
});

describe('labmate process', () => {
  let out: string;
  beforeEach(() => {
    out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += chunk.toString();
      return true;
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('writes the report and prints the summary of DESIGN.md §3', async () => {
    const report = join(dir, 'lab 7_report.docx');
    expect(await processCommand.run([labPath, '-o', report, '--theme', 'terminal'])).toBe(0);
    const summary = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(summary)).toEqual(['tasks', 'ran', 'ok', 'failed', 'screenshots', 'report', 'pdf', 'timingsMs']);
    expect(summary).toMatchObject({ tasks: 3, ran: 3, ok: 2, failed: 1, screenshots: 2, report, pdf: null });
    expect((await readFile(report)).subarray(0, 2).toString()).toBe('PK');
  }, 120_000);

  it('refuses bad flags and answers a refused file with a problem object', async () => {
    await expect(processCommand.run([labPath])).rejects.toBeInstanceOf(UsageError);
    await expect(processCommand.run([labPath, '-o', 'x.docx', '--placement', 'middle'])).rejects.toThrow(/below or end/);
    await expect(processCommand.run([labPath, '-o', 'x.docx', '--theme', 'emacs'])).rejects.toThrow(/unknown theme/);
    const fake = join(dir, 'fake.docx');
    await writeFile(fake, 'this is not a zip');
    expect(await processCommand.run([fake, '-o', join(dir, 'never.docx')])).toBe(2);
    expect(JSON.parse(out)).toHaveProperty('type');
  });
});
