import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectTasks } from '../../src/analyze/detect-tasks.js';
import { IngestError } from '../../src/ingest/problem.js';
import { readDocument } from '../../src/ingest/read-document.js';
import { buildPdf, flow } from '../fixtures/pdf-builder.js';
import * as hostile from '../fixtures/hostile.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'labmate-hostile-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function save(file: hostile.HostileFile): Promise<string> {
  const path = join(dir, `${Math.random().toString(36).slice(2)}-${file.name}`);
  await writeFile(path, file.bytes);
  return path;
}

/** Reads the file and returns the refusal's problem (failing the test when the file is accepted). */
async function refusal(file: hostile.HostileFile): Promise<IngestError['problem']> {
  const path = await save(file);
  try {
    await readDocument(path, file.name);
  } catch (error) {
    if (error instanceof IngestError) return error.problem;
    throw error;
  }
  throw new Error(`${file.name} was accepted`);
}

describe('hostile uploads', () => {
  it('refuses a zip bomb before inflating it', async () => {
    const problem = await refusal(await hostile.zipBomb());
    expect(problem.type).toMatch(/unsafe-archive$/);
    expect(problem.detail).toMatch(/expands more than 100 times/);
    expect(problem.status).toBeGreaterThanOrEqual(400);
    expect(problem.status).toBeLessThan(500);
  });

  it('refuses billion laughs as a DTD', async () => {
    const problem = await refusal(await hostile.billionLaughs());
    expect(problem.type).toMatch(/unsafe-xml$/);
    expect(problem.detail).toContain('word/document.xml');
  });

  it('refuses an external entity without reading the file it names', async () => {
    const problem = await refusal(await hostile.xxe());
    expect(problem.type).toMatch(/unsafe-xml$/);
    expect(problem.detail).not.toContain('root:');
  });

  it('refuses an entry with a ".." path', async () => {
    const problem = await refusal(await hostile.zipSlip());
    expect(problem.type).toMatch(/unsafe-archive$/);
    expect(problem.detail).toMatch(/path/);
  });

  it('refuses a symbolic-link entry', async () => {
    const problem = await refusal(await hostile.symlinkEntry());
    expect(problem.detail).toMatch(/symbolic link/);
  });

  it('refuses a macro document renamed .docx and says to save it as .docx', async () => {
    const problem = await refusal(await hostile.macroDocument());
    expect(problem.type).toMatch(/macro-document$/);
    expect(problem.detail).toMatch(/Save it as a plain Word Document/);
  });

  it('reads a PDF with JavaScript without running it, and says so', async () => {
    const model = await readDocument(await save(hostile.pdfWithJavascript()), 'script.pdf');
    expect(model.warnings).toContain('the PDF contains JavaScript; it was ignored');
    expect(detectTasks(model).map((t) => t.question)).toEqual(['Write a program to add two numbers.']);
  });

  it('refuses a PDF that is also a ZIP archive', async () => {
    expect((await refusal(await hostile.pdfZipPolyglot())).type).toMatch(/ambiguous-file$/);
  });

  it('refuses a truncated DOCX as damaged', async () => {
    const file = hostile.truncated({ name: 'cut.docx', bytes: (await hostile.manyParagraphs(50)).bytes });
    expect((await refusal(file)).type).toMatch(/corrupt-document$/);
  });

  it('refuses a PDF cut before its first page as damaged', async () => {
    const whole = buildPdf({ pages: [flow(['1. Write a program.'])] });
    const problem = await refusal({ name: 'cut.pdf', bytes: whole.subarray(0, 40) });
    expect(problem.type).toMatch(/corrupt-document$|no-pages$/);
  });

  it('refuses an empty file', async () => {
    expect((await refusal({ name: 'empty.docx', bytes: Buffer.alloc(0) })).type).toMatch(/empty-file$/);
  });

  it('refuses a PDF with no pages', async () => {
    expect((await refusal(hostile.zeroPagePdf())).type).toMatch(/no-pages$/);
  });

  it('reads a 10,000-paragraph DOCX completely', async () => {
    const model = await readDocument(await save(await hostile.manyParagraphs()), 'long.docx');
    expect(model.blocks).toHaveLength(10_000);
    const tasks = detectTasks(model);
    expect(tasks).toHaveLength(500);
    expect(tasks[499]!.label).toBe('500.');
    expect(tasks[499]!.anchor.block).toBe(9_999);
  });

  it('refuses random bytes named .docx or .pdf as not matching their name', async () => {
    expect((await refusal(hostile.randomFile('noise.docx'))).type).toMatch(/content-mismatch$/);
    expect((await refusal(hostile.randomFile('noise.pdf'))).type).toMatch(/content-mismatch$/);
  });

  it('refuses a legacy .doc with how to convert it, and an encrypted document with how to unlock it', async () => {
    expect((await refusal(hostile.compoundFile('old.docx', false))).detail).toMatch(/Save As/);
    expect((await refusal(hostile.compoundFile('locked.docx', true))).type).toMatch(/encrypted-document$/);
    expect((await refusal(hostile.compoundFile('old.doc', false))).type).toMatch(/legacy-doc$/);
  });

  it('refuses a file type that is not on the allow-list', async () => {
    const problem = await refusal({ name: 'notes.txt', bytes: Buffer.from('1. Write a program') });
    expect(problem.status).toBe(415);
  });
});
