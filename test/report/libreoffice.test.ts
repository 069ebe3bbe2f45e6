import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeDocx } from '../../src/report/compose-docx.js';
import { convertDocxToPdf } from '../../src/report/convert-pdf.js';
import { composeFromTasks } from '../../src/report/docx-from-tasks.js';
import { buildLab, labInserts, LAB_TASKS } from './compose-fixtures.js';

const hasLibreOffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;

async function pdfText(pdf: Buffer): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'labmate-pdftext-')), 'report.pdf');
  await writeFile(path, pdf);
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

function inOrder(text: string, needles: string[]): boolean {
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    if (at < 0) return false;
    from = at + needle.length;
  }
  return true;
}

// Needs libreoffice-writer-nogui and poppler-utils; two conversions at once, each with its own profile.
describe.skipIf(!hasLibreOffice)('LibreOffice reads the composed reports', () => {
  it('converts a composed DOCX and a rebuilt PDF upload concurrently, keeping the question order', { timeout: 240_000 }, async () => {
    const [composed, rebuilt] = await Promise.all([composeDocx(await buildLab(), labInserts()), composeFromTasks('lab3', LAB_TASKS, labInserts())]);
    const [first, second] = await Promise.all([convertDocxToPdf(composed), convertDocxToPdf(rebuilt)]);
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(second.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(first);
    expect(inOrder(text, ['first five squares', 'Question 1 — output', 'add two numbers', 'Question 2 — output', 'Explain what a loop is', 'Question 3 — answer', 'A loop repeats', 'Submit by Friday'])).toBe(true);
    expect(inOrder(await pdfText(second), ['lab3', 'first five squares', 'print(i * i)', 'Question 1 — output', 'Question 3 — answer'])).toBe(true);
  });
});
