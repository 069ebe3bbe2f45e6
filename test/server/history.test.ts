import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../fixtures/docx-builder.js';
import { appWithTwoUsers, type TestApp } from '../helpers/app.js';
import { TestClient } from '../helpers/client.js';
import { testDialects } from '../helpers/databases.js';
import { waitFor } from '../helpers/until.js';

interface RunSummary {
  id: string;
  status: string;
  queuedAt: string;
  finishedAt: string | null;
  artifactsExpiredAt: string | null;
  taskCounts: Record<string, number>;
}

interface Report {
  id: string;
  status: string;
  docx: string | null;
  pdf: string | null;
  createdAt: string;
}

interface Lab {
  id: string;
  tasks: Array<{ id: string; kind: string; screenshot: boolean; wantsScreenshot: boolean }>;
}

async function uploadLab(client: TestClient): Promise<Lab> {
  const docx = await buildDocx([
    { text: 'Q1. Write a program that prints a greeting.' },
    { text: 'print("hello")', font: 'Courier New' },
    { text: 'Q2. What is an interpreter?' },
  ]);
  const response = await client.upload('lab.docx', docx);
  expect(response.statusCode).toBe(201);
  return response.json() as Lab;
}

async function finishedRun(client: TestClient, labId: string, body: object = {}): Promise<string> {
  const started = await client.post(`/api/v1/assignments/${labId}/runs`, body);
  expect(started.statusCode).toBe(202);
  const id = started.json().id as string;
  await waitFor(
    async () => (await client.get(`/api/v1/runs/${id}`)).json() as { status: string; finishedAt: string | null },
    (run) => ['succeeded', 'failed', 'cancelled'].includes(run.status) && run.finishedAt !== null,
    60_000,
  );
  return id;
}

async function finishedReport(client: TestClient, labId: string): Promise<string> {
  const id = (await client.post(`/api/v1/assignments/${labId}/reports`, { pdf: false })).json().id as string;
  await waitFor(
    async () => (await client.get(`/api/v1/reports/${id}`)).json() as Report,
    (report) => report.status === 'succeeded' || report.status === 'failed',
    60_000,
  );
  return id;
}

async function screenshotsOf(client: TestClient, runId: string, taskId: string): Promise<number> {
  const run = (await client.get(`/api/v1/runs/${runId}`)).json() as { tasks: Array<{ taskId: string; artifacts: Array<{ kind: string }> }> };
  return run.tasks.find((task) => task.taskId === taskId)?.artifacts.filter((artifact) => artifact.kind === 'screenshot').length ?? -1;
}

describe.each(testDialects())('run and report history on %s', { timeout: 180_000 }, (dialect) => {
  let t: TestApp;
  let ana: TestClient;
  let bob: TestClient;
  let lab: Lab;
  let program: string;
  const runs: string[] = [];

  beforeAll(async () => {
    ({ t, ana, bob } = await appWithTwoUsers({ dialect }));
    lab = await uploadLab(ana);
    program = lab.tasks.find((task) => task.kind === 'code')?.id ?? '';
  });
  afterAll(async () => {
    await t.close();
  });

  it('makes screenshots by default, and not for a task whose stored switch is off unless the run asks', async () => {
    // The document does not ask for a screenshot, and the switch is on all the same.
    expect(lab.tasks.find((task) => task.id === program)).toMatchObject({ wantsScreenshot: false, screenshot: true });
    runs.push(await finishedRun(ana, lab.id));
    expect(await screenshotsOf(ana, runs[0] ?? '', program)).toBe(1);

    const off = await ana.request('PATCH', `/api/v1/assignments/${lab.id}/tasks/${program}`, { body: { screenshot: false } });
    expect(off.statusCode).toBe(200);
    expect(off.json().screenshot).toBe(false);
    expect((await ana.get(`/api/v1/assignments/${lab.id}`)).json().tasks.find((task: { id: string }) => task.id === program).screenshot).toBe(false);
    runs.push(await finishedRun(ana, lab.id));
    expect(await screenshotsOf(ana, runs[1] ?? '', program)).toBe(0);

    runs.push(await finishedRun(ana, lab.id, { taskIds: [program], options: { [program]: { screenshot: true } } }));
    expect(await screenshotsOf(ana, runs[2] ?? '', program)).toBe(1);
  });

  it("lists the assignment's runs newest first with counts per task status, a page at a time", async () => {
    await t.database.handle.db.updateTable('runs').set({ artifacts_expired_at: '2026-01-02T00:00:00.000Z' }).where('id', '=', runs[0] ?? '').execute();
    const all = await ana.get(`/api/v1/assignments/${lab.id}/runs`);
    expect(all.statusCode).toBe(200);
    const items = all.json().items as RunSummary[];
    expect(items.map((run) => run.id)).toEqual([...runs].reverse());
    expect(all.json().nextCursor).toBeNull();
    expect(items[2]).toMatchObject({ status: 'succeeded', taskCounts: { ok: 1, skipped: 1 } });
    expect(items[0]?.taskCounts).toEqual({ ok: 1 });
    expect(items[2]?.artifactsExpiredAt).toBe('2026-01-02T00:00:00.000Z');
    expect(items[0]?.artifactsExpiredAt).toBeNull();
    expect(items.every((run) => run.finishedAt !== null)).toBe(true);

    const first = await ana.get(`/api/v1/assignments/${lab.id}/runs?limit=2`);
    expect((first.json().items as RunSummary[]).map((run) => run.id)).toEqual([runs[2], runs[1]]);
    const second = await ana.get(`/api/v1/assignments/${lab.id}/runs?limit=2&cursor=${first.json().nextCursor}`);
    expect((second.json().items as RunSummary[]).map((run) => run.id)).toEqual([runs[0]]);
    expect(second.json().nextCursor).toBeNull();

    expect((await ana.get(`/api/v1/assignments/${lab.id}/runs?cursor=garbage`)).statusCode).toBe(422);
    expect((await ana.get(`/api/v1/assignments/${lab.id}/runs?limit=101`)).statusCode).toBe(422);
    const other = await uploadLab(ana);
    expect((await ana.get(`/api/v1/assignments/${other.id}/runs`)).json()).toEqual({ items: [], nextCursor: null });
  });

  it("lists the assignment's reports newest first with their download links, and the newest on the assignment list", async () => {
    const older = await finishedReport(ana, lab.id);
    const newer = await finishedReport(ana, lab.id);
    const list = await ana.get(`/api/v1/assignments/${lab.id}/reports`);
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Report[];
    expect(items.map((report) => report.id)).toEqual([newer, older]);
    expect(items[0]).toMatchObject({ status: 'succeeded', docx: `/api/v1/reports/${newer}/docx`, pdf: null });
    expect((await ana.get(items[1]?.docx ?? '')).statusCode).toBe(200);

    const page = await ana.get(`/api/v1/assignments/${lab.id}/reports?limit=1`);
    expect((page.json().items as Report[]).map((report) => report.id)).toEqual([newer]);
    const rest = await ana.get(`/api/v1/assignments/${lab.id}/reports?limit=1&cursor=${page.json().nextCursor}`);
    expect((rest.json().items as Report[]).map((report) => report.id)).toEqual([older]);

    const assignments = (await ana.get('/api/v1/assignments')).json().items as Array<{ id: string; lastReport: Report | null }>;
    expect(assignments.find((item) => item.id === lab.id)?.lastReport).toMatchObject({ id: newer, docx: `/api/v1/reports/${newer}/docx` });
    expect(assignments.filter((item) => item.id !== lab.id).every((item) => item.lastReport === null)).toBe(true);
  });

  it("answers 404 for another user's assignment history", async () => {
    expect((await bob.get(`/api/v1/assignments/${lab.id}/runs`)).statusCode).toBe(404);
    expect((await bob.get(`/api/v1/assignments/${lab.id}/reports`)).statusCode).toBe(404);
    expect((await bob.get(`/api/v1/assignments/00000000-0000-4000-8000-000000000000/runs`)).statusCode).toBe(404);
    expect((await bob.request('PATCH', `/api/v1/assignments/${lab.id}/tasks/${program}`, { body: { screenshot: true } })).statusCode).toBe(404);
    expect((await new TestClient(t.app).get(`/api/v1/assignments/${lab.id}/reports`)).statusCode).toBe(401);
  });
});
