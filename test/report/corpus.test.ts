import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectTasks } from '../../src/analyze/detect-tasks.js';
import { readDocument } from '../../src/ingest/read-document.js';
import { renderFileCard } from '../../src/render/index.js';
import { composeDocx } from '../../src/report/compose-docx.js';
import { captionFor } from '../../src/report/report-plan.js';
import { describeBlocks, readBlocks } from './compose-fixtures.js';

// Real lab documents written by others (../shared/corpus, beside the checkout); absent elsewhere.
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/real', import.meta.url));
const documents = existsSync(CORPUS) ? readdirSync(CORPUS).filter((name) => name.endsWith('.docx')) : [];

describe.skipIf(documents.length === 0)('composing into real Word documents', () => {
  const [png] = renderFileCard({ name: 'out.txt', content: 'ok\n' });

  it.each(documents)('%s keeps its blocks and gets each caption and picture right after the anchor', async (name) => {
    const path = join(CORPUS, name);
    const model = await readDocument(path, name);
    const tasks = detectTasks(model);
    const inserts = tasks.map((task) => ({ task, images: [{ png: png! }] }));
    const composed = await composeDocx(await readFile(path), inserts);

    const expected: string[] = [];
    describeBlocks(model.blocks).forEach((block, index) => {
      expected.push(block);
      inserts.forEach((entry, i) => {
        if (entry.task.anchor.block === index) expected.push(`p:${captionFor(entry, i + 1)}`, 'image');
      });
    });
    expect(await readBlocks(composed, name)).toEqual(expected);
  });
});
