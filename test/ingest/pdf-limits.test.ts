import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestError } from '../../src/ingest/problem.js';
import { DEFAULT_PDF_LIMITS } from '../../src/ingest/pdf/run-pdf-worker.js';
import { readPdf } from '../../src/ingest/pdf/read-pdf.js';
import { buildPdf, flow } from '../fixtures/pdf-builder.js';

let path: string;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'labmate-pdf-limits-'));
  path = join(dir, 'three-pages.pdf');
  await writeFile(path, buildPdf({ pages: [1, 2, 3].map((n) => flow([`${n}. Write a program number ${n}.`])) }));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function problemOf(promise: Promise<unknown>): Promise<IngestError['problem']> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(IngestError);
  return (error as IngestError).problem;
}

describe('PDF parsing caps', () => {
  it('refuses more pages than allowed, naming both counts', async () => {
    const problem = await problemOf(readPdf(path, { ...DEFAULT_PDF_LIMITS, maxPages: 2 }));
    expect(problem.detail).toBe('The PDF has 3 pages; the limit is 2. Upload only the pages with the assignment.');
  });

  it('stops the worker when the time cap passes', async () => {
    const problem = await problemOf(readPdf(path, { ...DEFAULT_PDF_LIMITS, timeoutMs: 1 }));
    expect(problem.type).toMatch(/parse-timeout$/);
  });
});
