import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { scanBody } from '../../src/report/body-layout.js';
import { composeDocx, ComposeError } from '../../src/report/compose-docx.js';
import { composeFromTasks } from '../../src/report/docx-from-tasks.js';
import { pngInfo } from '../../src/report/png-info.js';
import { buildLab, labInserts, LAB_TASKS, readBlocks, zipContents } from './compose-fixtures.js';

const CHANGED = new Set(['word/document.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml']);
/** Letter with one-inch margins (the fixture's sectPr gives no size): 6.5 inches of text width. */
const TEXT_WIDTH_EMU = 6.5 * 914400;

const decode = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');

describe('composeDocx, below each question', () => {
  it('changes only document.xml, its relationships and the content types, and adds media parts', async () => {
    const original = await buildLab();
    const composed = await composeDocx(original, labInserts());
    const before = await zipContents(original);
    const after = await zipContents(composed);
    for (const [name, bytes] of before) {
      if (CHANGED.has(name)) continue;
      expect(Buffer.compare(Buffer.from(after.get(name)!), Buffer.from(bytes)), name).toBe(0);
    }
    const added = [...after.keys()].filter((name) => !before.has(name));
    expect(added.sort()).toEqual(['word/media/labmate-1.png', 'word/media/labmate-2.png', 'word/media/labmate-3.png']);
  });

  it('keeps every original body element byte for byte and in order', async () => {
    const original = await buildLab();
    const composed = await composeDocx(original, labInserts());
    const originalXml = decode((await zipContents(original)).get('word/document.xml')!);
    const composedXml = decode((await zipContents(composed)).get('word/document.xml')!);
    let from = 0;
    for (const block of scanBody(originalXml).blocks) {
      const at = composedXml.indexOf(originalXml.slice(block.start, block.end), from);
      expect(at).toBeGreaterThanOrEqual(from);
      from = at + block.end - block.start;
    }
    expect(composedXml.startsWith(originalXml.slice(0, scanBody(originalXml).blocks[0]!.start))).toBe(true);
  });

  it('places caption, pictures and answer between question N and question N+1', async () => {
    const original = await buildLab();
    const before = await readBlocks(original);
    const after = await readBlocks(await composeDocx(original, labInserts()));
    expect(after).toEqual([
      ...before.slice(0, 3),
      'p:Question 1 — output',
      'image',
      ...before.slice(3, 5),
      'p:Question 2 — output',
      'image',
      'image',
      ...before.slice(5, 7),
      'p:Question 3 — answer',
      'p:A loop repeats a block of statements.',
      'p:It stops when its condition is false.',
      ...before.slice(7),
    ]);
  });

  it('writes valid picture references: fresh relationships, PNG content type, unique drawing ids, alt text, sizes within the text width', async () => {
    const composed = await zipContents(await composeDocx(await buildLab(), labInserts()));
    const documentXml = decode(composed.get('word/document.xml')!);
    const rels = decode(composed.get('word/_rels/document.xml.rels')!);
    expect(decode(composed.get('[Content_Types].xml')!)).toContain('Extension="png"');
    const embeds = [...documentXml.matchAll(/r:embed="([^"]+)"/g)].map((m) => m[1]!);
    const newEmbeds = embeds.filter((id) => id !== 'rIdImg');
    expect(newEmbeds).toHaveLength(3);
    for (const id of newEmbeds) {
      const target = new RegExp(`Id="${id}" Type="[^"]+/image" Target="([^"]+)"`).exec(rels)?.[1];
      expect(target && composed.has(`word/${target}`)).toBe(true);
    }
    const drawingIds = [...documentXml.matchAll(/<wp:docPr id="(\d+)"[^>]*descr="([^"]+)"/g)];
    expect(new Set(drawingIds.map((m) => m[1])).size).toBe(3);
    expect(drawingIds.map((m) => m[2])).toEqual(['Question 1 — output', 'Question 2 — output (1 of 2)', 'Question 2 — output (2 of 2)']);
    const extents = [...documentXml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    const pngs = [1, 2, 3].map((n) => pngInfo(composed.get(`word/media/labmate-${n}.png`)!));
    extents.forEach(([cx, cy], i) => {
      expect(cx).toBeLessThanOrEqual(TEXT_WIDTH_EMU);
      expect(cx / cy).toBeCloseTo(pngs[i]!.width / pngs[i]!.height, 2);
    });
    // Screenshots at 2x are wider than the text: each one is shrunk to exactly the text width.
    const natural = pngs.map((png) => (png.width / png.dpi) * 914400);
    extents.forEach(([cx], i) => expect(cx).toBe(Math.round(Math.min(natural[i]!, TEXT_WIDTH_EMU))));
    expect(extents[1]![0]).toBe(TEXT_WIDTH_EMU);
  });

  it('is read by a second DOCX reader with the pictures between the questions', async () => {
    const { value: html } = await mammoth.convertToHtml({ buffer: await composeDocx(await buildLab(), labInserts()) });
    const q1 = html.indexOf('first five squares');
    const q2 = html.indexOf('add two numbers');
    const q3 = html.indexOf('Explain what a loop is');
    const images = [...html.matchAll(/<img /g)].map((m) => m.index);
    expect(images.filter((at) => at > q1 && at < q2)).toHaveLength(1);
    expect(images.filter((at) => at > q2 && at < q3)).toHaveLength(2);
    expect(html).toContain('Submit by Friday &amp; keep &lt;this&gt; text exactly.');
  });

  it('refuses bytes that are not a Word document', async () => {
    await expect(composeDocx(Buffer.from('not a zip'), [])).rejects.toBeInstanceOf(ComposeError);
  });
});

describe('composeDocx, placement end', () => {
  it('leaves the original as it was and adds one section at the end with each label, question and inserts', async () => {
    const original = await buildLab();
    const before = await readBlocks(original);
    const after = await readBlocks(await composeDocx(original, labInserts(), { placement: 'end' }));
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length)).toEqual([
      'p:',
      'p:Results',
      'p:Question 1',
      `p:${LAB_TASKS[0]!.question}`,
      'p:Question 1 — output',
      'image',
      'p:Question 2',
      `p:${LAB_TASKS[1]!.question}`,
      'p:Question 2 — output',
      'image',
      'image',
      'p:Question 3',
      `p:${LAB_TASKS[2]!.question}`,
      'p:Question 3 — answer',
      'p:A loop repeats a block of statements.',
      'p:It stops when its condition is false.',
    ]);
  });
});

describe('composeFromTasks (PDF uploads)', () => {
  it('builds a new document: title from the file name, each label, question and code, then the inserts', async () => {
    const blocks = await readBlocks(await composeFromTasks('lab3', LAB_TASKS, labInserts()));
    expect(blocks).toEqual([
      'p:lab3',
      'p:1.',
      `p:${LAB_TASKS[0]!.question}`,
      'p:for i in range(1, 6):',
      'p:\tprint(i * i)',
      'p:Question 1 — output',
      'image',
      'p:2.',
      `p:${LAB_TASKS[1]!.question}`,
      'p:a = int(input())',
      'p:b = int(input())',
      'p:print(a + b)',
      'p:Question 2 — output',
      'image',
      'image',
      'p:3.',
      `p:${LAB_TASKS[2]!.question}`,
      'p:Question 3 — answer',
      'p:A loop repeats a block of statements.',
      'p:It stops when its condition is false.',
    ]);
  });
});
