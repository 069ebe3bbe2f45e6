import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../fixtures/docx-builder.js';
import { appWithTwoUsers, type TestApp } from '../helpers/app.js';
import { TestClient } from '../helpers/client.js';
import { testDialects } from '../helpers/databases.js';
import { waitFor } from '../helpers/until.js';

interface RunBody {
  status: string;
  finishedAt: string | null;
  tasks: Array<{ taskId: string; status: string; transcript: string | null; artifacts: Array<{ id: string; kind: string }> }>;
}

async function uploadLab(client: TestClient) {
  const docx = await buildDocx([
    { text: 'Q1. Write a program that doubles a number.' },
    { text: 'n = int(input("n: "))', font: 'Courier New' },
    { text: 'print(n * 2)', font: 'Courier New' },
    { text: 'Q2. What is an interpreter?' },
  ]);
  const response = await client.upload('lab.docx', docx);
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string; tasks: Array<{ id: string; kind: string; question: string }> };
}

function waitForRun(client: TestClient, runId: string): Promise<RunBody> {
  return waitFor(
    async () => (await client.get(`/api/v1/runs/${runId}`)).json() as RunBody,
    (run) => ['succeeded', 'failed', 'cancelled'].includes(run.status) && run.finishedAt !== null,
    60_000,
  );
}

describe.each(testDialects())('runs on %s', { timeout: 180_000 }, (dialect) => {
  let t: TestApp;
  let ana: TestClient;
  let bob: TestClient;

  beforeAll(async () => {
    ({ t, ana, bob } = await appWithTwoUsers({ dialect }));
  });
  afterAll(async () => {
    await t.close();
  });

  it('runs every task in the background, streams progress, and keeps screenshots behind auth', async () => {
    const lab = await uploadLab(ana);
    const code = lab.tasks.find((task) => task.kind === 'code');
    expect(code).toBeDefined();
    await ana.request('PATCH', `/api/v1/assignments/${lab.id}/tasks/${code?.id}`, { body: { stdin: '21\n' } });

    const started = await ana.post(`/api/v1/assignments/${lab.id}/runs`, {});
    expect(started.statusCode).toBe(202);
    const runId = started.json().id as string;

    const events = await ana.get(`/api/v1/runs/${runId}/events`);
    expect(events.headers['content-type']).toContain('text/event-stream');
    expect(events.body).toContain('event: task.started');
    expect(events.body).toContain('event: task.finished');
    expect(events.body).toMatch(/event: run.finished\ndata: \{"status":"succeeded"/);

    const resumed = await ana.request('GET', `/api/v1/runs/${runId}/events`, { headers: { 'last-event-id': '2' } });
    expect(resumed.body).not.toContain('id: 1\n');
    expect(resumed.body).not.toContain('id: 2\n');
    expect(resumed.body).toContain('event: run.finished');

    const run = await waitForRun(ana, runId);
    expect(run.status).toBe('succeeded');
    const result = run.tasks.find((task) => task.taskId === code?.id);
    expect(result?.status).toBe('ok');
    expect(result?.transcript).toBe('n: 21\n42\n');
    const theory = run.tasks.find((task) => task.taskId !== code?.id);
    expect(theory?.status).toBe('skipped');

    const screenshot = result?.artifacts.find((artifact) => artifact.kind === 'screenshot');
    expect(screenshot).toBeDefined();
    const png = await ana.get(`/api/v1/artifacts/${screenshot?.id}`);
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');

    expect((await bob.get(`/api/v1/runs/${runId}`)).statusCode).toBe(404);
    expect((await bob.get(`/api/v1/runs/${runId}/events`)).statusCode).toBe(404);
    expect((await bob.post(`/api/v1/runs/${runId}/cancel`)).statusCode).toBe(404);
    expect((await bob.get(`/api/v1/artifacts/${screenshot?.id}`)).statusCode).toBe(404);
    expect((await bob.post(`/api/v1/assignments/${lab.id}/runs`, {})).statusCode).toBe(404);
    expect((await new TestClient(t.app).get(`/api/v1/artifacts/${screenshot?.id}`)).statusCode).toBe(401);
    expect((await ana.get('/metrics')).body).toMatch(/labmate_job_wait_seconds_count\{type="run"\} [1-9]/);
  });

  it('refuses unknown task ids', async () => {
    const lab = await uploadLab(ana);
    const response = await ana.post(`/api/v1/assignments/${lab.id}/runs`, { taskIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(response.statusCode).toBe(422);
  });

  it('cancels a running program at once and ends every task', async () => {
    const lab = await uploadLab(ana);
    const code = lab.tasks.find((task) => task.kind === 'code');
    await ana.request('PATCH', `/api/v1/assignments/${lab.id}/tasks/${code?.id}`, {
      body: { code: 'import time\nprint("working", flush=True)\nwhile True:\n    time.sleep(0.1)\n' },
    });
    const runId = (await ana.post(`/api/v1/assignments/${lab.id}/runs`, { taskIds: [code?.id] })).json().id as string;
    for (let i = 0; i < 300; i++) {
      const run = (await ana.get(`/api/v1/runs/${runId}`)).json() as RunBody;
      if (run.tasks[0]?.status === 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const cancel = await ana.post(`/api/v1/runs/${runId}/cancel`);
    expect(cancel.statusCode).toBe(200);
    const run = await waitForRun(ana, runId);
    expect(run.status).toBe('cancelled');
    expect(run.tasks.map((task) => task.status)).toEqual(['cancelled']);
  });

  it('finishes a run left running by a crash when the server starts again', async () => {
    const lab = await uploadLab(ana);
    const code = lab.tasks.find((task) => task.kind === 'code');
    await ana.request('PATCH', `/api/v1/assignments/${lab.id}/tasks/${code?.id}`, { body: { stdin: '4\n' } });
    const runId = (await ana.post(`/api/v1/assignments/${lab.id}/runs`, { taskIds: [code?.id] })).json().id as string;
    await waitForRun(ana, runId);
    // Put the database back as a process killed mid-run leaves it: job and run running, the task half done.
    const db = t.database.handle.db;
    const longAgo = new Date(Date.now() - 5 * 60_000).toISOString();
    await db.updateTable('jobs').set({ status: 'running', updated_at: longAgo }).where('payload', 'like', `%${runId}%`).execute();
    await db.updateTable('runs').set({ status: 'running', finished_at: null }).where('id', '=', runId).execute();
    await db.updateTable('run_tasks').set({ status: 'running', finished_at: null }).where('run_id', '=', runId).execute();

    await t.app.labmate.jobs.queue.stop();
    await t.app.labmate.jobs.queue.start();
    const run = await waitForRun(ana, runId);
    expect(run.status).toBe('succeeded');
    expect(run.tasks[0]?.status).toBe('ok');
    expect(run.tasks[0]?.artifacts.filter((artifact) => artifact.kind === 'screenshot')).toHaveLength(1);
  });
});
