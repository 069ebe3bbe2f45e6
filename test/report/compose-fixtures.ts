import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { readDocument } from '../../src/ingest/read-document.js';
import type { Block } from '../../src/ingest/model.js';
import { renderFileCard, renderScreenshots } from '../../src/render/index.js';
import type { ReportTask, TaskInserts } from '../../src/report/report-plan.js';
import { buildDocx, type BlockSpec } from '../fixtures/docx-builder.js';

/** A lab with headings, numbered questions, code, a table, a picture and a theory question. */
export const LAB_BLOCKS: BlockSpec[] = [
  { text: 'Lab 3: Loops', style: 'Heading1' },
  { text: 'Write a program to print the first five squares.', list: { numId: 1 } },
  { text: 'for i in range(1, 6):\n\tprint(i * i)', font: 'Consolas' },
  { text: 'Write a program to add two numbers read from the user.', list: { numId: 1 } },
  { table: [[[{ text: 'a = int(input())', font: 'Consolas' }, { text: 'b = int(input())', font: 'Consolas' }, { text: 'print(a + b)', font: 'Consolas' }]]] },
  { text: 'Explain what a loop is.', list: { numId: 1 } },
  { text: '', image: true },
  { text: 'Submit by Friday & keep <this> text exactly.' },
];

/** The three tasks of LAB_BLOCKS, anchored as the detector would: at the last block of each question. */
export const LAB_TASKS: ReportTask[] = [
  { id: 't1', label: '1.', question: 'Write a program to print the first five squares.', kind: 'code', code: 'for i in range(1, 6):\n\tprint(i * i)', anchor: { block: 2 } },
  { id: 't2', label: '2.', question: 'Write a program to add two numbers read from the user.', kind: 'code', code: 'a = int(input())\nb = int(input())\nprint(a + b)', anchor: { block: 4 } },
  { id: 't3', label: '3.', question: 'Explain what a loop is.', kind: 'theory', code: '', anchor: { block: 6 } },
];

/** Real screenshots for the tasks (a wide one for task 2, so it must be scaled to the text width) and an answer. */
export function labInserts(): TaskInserts[] {
  const squares = renderScreenshots({ language: 'python', code: LAB_TASKS[0]!.code, transcript: [{ stream: 'stdout', text: '1\n4\n9\n16\n25\n' }] });
  const wide = 'x'.repeat(110);
  const adder = renderScreenshots({
    language: 'python',
    code: `${LAB_TASKS[1]!.code}\n# ${wide}`,
    transcript: [{ stream: 'stdin', text: '2\n' }, { stream: 'stdin', text: '3\n' }, { stream: 'stdout', text: '5\n' }],
  });
  const card = renderFileCard({ name: 'sum.txt', content: '5\n' });
  return [
    { task: LAB_TASKS[0]!, images: squares.map((png) => ({ png })) },
    { task: LAB_TASKS[1]!, images: [...adder, ...card].map((png) => ({ png })) },
    { task: LAB_TASKS[2]!, images: [], answer: 'A loop repeats a block of statements.\nIt stops when its condition is false.' },
  ];
}

export function buildLab(): Promise<Buffer> {
  return buildDocx(LAB_BLOCKS);
}

/** Blocks as comparable strings: a paragraph's text, a table's cell texts, or "image". */
export function describeBlocks(blocks: Block[]): string[] {
  return blocks.map((block) => {
    if (block.type === 'image') return 'image';
    if (block.type === 'table') return `table:${block.rows.map((row) => row.map((cell) => cell.map((p) => p.text).join('|')).join('||')).join('\n')}`;
    return `p:${block.text}`;
  });
}

/** Reads DOCX bytes with the project's own reader, as an upload would be read. */
export async function readBlocks(docx: Uint8Array, name = 'report.docx'): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'labmate-report-test-'));
  const path = join(dir, name);
  await writeFile(path, docx);
  return describeBlocks((await readDocument(path, name)).blocks);
}

/** Every entry of a zip, uncompressed. */
export async function zipContents(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Uint8Array>();
  for (const name of Object.keys(zip.files)) {
    if (!zip.files[name]!.dir) out.set(name, await zip.file(name)!.async('uint8array'));
  }
  return out;
}
