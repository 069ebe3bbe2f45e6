import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../fixtures/docx-builder.js';
import { FOUR_PROGRAMS } from '../fixtures/report-lab.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { TestClient } from '../helpers/client.js';
import { testDialects } from '../helpers/databases.js';
import { waitFor } from '../helpers/until.js';

interface Item {
  taskId: string;
  number: number;
  label: string;
  status: string | null;
  failure: string | null;
  answer: string;
  pictures: Array<{ id: string; kind: string; name: string }>;
}

/** The captions written into the document's text, in order (alt texts repeat them in attributes). */
function captions(xml: string): string[] {
  return [...xml.matchAll(/>(Q\d — [^<]+)<\/w:t>/g)].map((match) => match[1] ?? '');
}

describe.each(testDialects())('the report items and a report composed from them on %s', { timeout: 240_000 }, (dialect) => {
  let t: TestApp;
  let ana: TestClient;
  let labId: string;
  let tasks: Array<{ id: string; label: string; question: string }>;

  async function finished(reportId: string) {
    return waitFor(
      async () => (await ana.get(`/api/v1/reports/${reportId}`)).json() as { status: string; docx: string | null; error: string | null; request: unknown },
      (value) => value.status === 'succeeded' || value.status === 'failed',
    );
  }

  async function compose(body: object): Promise<string> {
    const reportId = (await ana.post(`/api/v1/assignments/${labId}/reports`, { pdf: false, ...body })).json().id as string;
    const report = await finished(reportId);
    expect(report.error).toBeNull();
    const zip = await JSZip.loadAsync((await ana.get(report.docx ?? '')).rawPayload);
    return (await zip.file('word/document.xml')?.async('string')) ?? '';
  }

  beforeAll(async () => {
    t = await createTestApp({ dialect });
    ana = new TestClient(t.app);
    await ana.signUp('items@example.com');
    const docx = await buildDocx([...FOUR_PROGRAMS, { text: 'Q5. What is a list?' }, { text: 'Q6. What is a tuple?' }]);
    const lab = (await ana.upload('Items.docx', docx)).json() as { id: string; tasks: Array<{ id: string; label: string; question: string }> };
    labId = lab.id;
    tasks = lab.tasks;
    expect(tasks.map((task) => task.label)).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6']);
    const answered = await ana.request('PATCH', `/api/v1/assignments/${labId}/tasks/${tasks[4]?.id}`, { body: { answer: 'An ordered, changeable sequence.' } });
    expect(answered.statusCode).toBe(200);
    const runId = (await ana.post(`/api/v1/assignments/${labId}/runs`, {})).json().id as string;
    await waitFor(
      async () => (await ana.get(`/api/v1/runs/${runId}`)).json() as { finishedAt: string | null },
      (run) => run.finishedAt !== null,
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists one item per task with pictures or an accepted answer, in document order, marking the failed one', async () => {
    const response = await ana.get(`/api/v1/assignments/${labId}/report-items`);
    expect(response.statusCode).toBe(200);
    const items = (response.json() as { items: Item[] }).items;
    expect(items.map((item) => [item.label, item.number, item.status, item.failure])).toEqual([
      ['Q1', 1, 'ok', null],
      ['Q2', 2, 'ok', null],
      ['Q3', 3, 'runtime_error', 'runtime error'],
      ['Q4', 4, 'ok', null],
      ['Q5', 5, 'skipped', null],
    ]);
    expect(items[0]?.pictures.map((picture) => picture.kind)).toEqual(['screenshot']);
    expect(items[4]).toMatchObject({ answer: 'An ordered, changeable sequence.', pictures: [] });
  });

  it('composes the items in the order given, without the removed task, and with a failed task only when included', async () => {
    const [q1, q2, q3, q4, q5] = tasks;
    const xml = await compose({ placement: 'end', order: [q5?.id, q3?.id, q2?.id, q1?.id], removed: [q2?.id, q4?.id], includeFailed: [q3?.id] });
    expect(captions(xml)).toEqual(['Q5 — answer', 'Q3 — failed (runtime error)', 'Q1 — output']);

    const withoutFailed = await compose({ placement: 'end', order: [q2?.id, q1?.id] });
    expect(captions(withoutFailed)).toEqual(['Q2 — output', 'Q1 — output', 'Q4 — output', 'Q5 — answer']);
  });

  it('leaves out one picture of a task when its artifact id is removed', async () => {
    const items = ((await ana.get(`/api/v1/assignments/${labId}/report-items`)).json() as { items: Item[] }).items;
    const picture = items[0]?.pictures[0]?.id;
    const xml = await compose({ placement: 'end', removed: [picture] });
    expect(captions(xml)).toEqual(['Q2 — output', 'Q4 — output', 'Q5 — answer']);
    expect([...xml.matchAll(/<w:drawing>/g)]).toHaveLength(2);
  });

  it('gives back the request a report was composed from, on the report and first in the assignment’s report list', async () => {
    const [q1, q2, q3, q4] = tasks;
    const items = ((await ana.get(`/api/v1/assignments/${labId}/report-items`)).json() as { items: Item[] }).items;
    const picture = items[3]?.pictures[0]?.id;
    const sent = { order: [q4?.id, q1?.id, q3?.id], removed: [q2?.id, picture], placement: 'end', pdf: false, includeFailed: [q3?.id], fileName: 'Lab 4 arranged' };
    const reportId = (await ana.post(`/api/v1/assignments/${labId}/reports`, sent)).json().id as string;
    expect((await finished(reportId)).request).toEqual(sent);
    const newest = (await ana.get(`/api/v1/assignments/${labId}/reports?limit=1`)).json() as { items: Array<{ id: string; request: unknown }> };
    expect(newest.items.map((report) => [report.id, report.request])).toEqual([[reportId, sent]]);

    const unnamedId = (await ana.post(`/api/v1/assignments/${labId}/reports`, { pdf: false })).json().id as string;
    expect((await finished(unnamedId)).request).toEqual({ order: [], removed: [], placement: 'below', pdf: false, includeFailed: [] });
  });

  it('answers 404 for another user’s assignment', async () => {
    const stranger = new TestClient(t.app);
    await stranger.signUp('items-stranger@example.com');
    expect((await stranger.get(`/api/v1/assignments/${labId}/report-items`)).statusCode).toBe(404);
  });
});
