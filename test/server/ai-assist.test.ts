import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../fixtures/docx-builder.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../ai/fake-openai-server.js';
import { labModel, schemaOf, userText } from '../ai/scripted-lab-model.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { TestClient } from '../helpers/client.js';
import { testDialects } from '../helpers/databases.js';
import { waitFor } from '../helpers/until.js';

interface TaskOut {
  id: string;
  question: string;
  kind: string;
  language: string;
  code: string;
  stdin: string;
  codeDraft: boolean;
  stdinDraft: boolean;
  answer: string;
  answerStatus: string;
}
interface AssignmentOut {
  id: string;
  ai: { status: string; detail: string | null };
  tasks: TaskOut[];
}
interface ActionOut {
  status: string;
  error: string | null;
  result: Record<string, unknown> | null;
}

describe.each(testDialects())('AI assistance on %s', { timeout: 240_000 }, (dialect) => {
  let ai: FakeOpenAiServer;
  let t: TestApp;
  let ana: TestClient;
  let ben: TestClient;
  let lab: AssignmentOut;

  const task = (part: string) => lab.tasks.find((candidate) => candidate.question.includes(part))!;
  const reload = async () => (lab = (await ana.get(`/api/v1/assignments/${lab.id}`)).json() as AssignmentOut);
  const act = async (taskId: string, path: string) => {
    const started = await ana.post(`/api/v1/assignments/${lab.id}/tasks/${taskId}/${path}`, {});
    expect(started.statusCode, started.body).toBe(202);
    const id = started.json().id as string;
    return waitFor(async () => (await ana.get(`/api/v1/ai-actions/${id}`)).json() as ActionOut, (a) => a.status === 'succeeded' || a.status === 'failed');
  };

  const composedReport = async () => {
    const id = (await ana.post(`/api/v1/assignments/${lab.id}/reports`, {})).json().id as string;
    const report = await waitFor(async () => (await ana.get(`/api/v1/reports/${id}`)).json() as { status: string }, (r) => r.status !== 'queued' && r.status !== 'running');
    expect(report.status).toBe('succeeded');
    return JSZip.loadAsync((await ana.get(`/api/v1/reports/${id}/docx`)).rawPayload);
  };
  const pngs = (zip: JSZip) => zip.file(/^word\/media\/.*\.png$/).length;
  const reportImages = async () => pngs(await composedReport());
  let originalImages = 0;

  beforeAll(async () => {
    ai = await startFakeOpenAiServer({ handler: labModel });
    t = await createTestApp({ dialect, env: { LABMATE_AI_BASE_URL: ai.url, LABMATE_AI_MODEL: 'fake-model' } });
    ana = new TestClient(t.app);
    ben = new TestClient(t.app);
    await ana.signUp('ai-ana@example.com');
    await ben.signUp('ai-ben@example.com');
    const docx = await buildDocx([
      { text: 'Lab 4: loops', style: 'Heading1' },
      { text: 'Q1. Write a Python program that reads a number and prints its square.' },
      { text: 'Q2. Explain how a while loop differs from a for loop in Python programs.' },
    ]);
    lab = (await ana.upload('Lab 4.docx', docx)).json() as AssignmentOut;
    originalImages = pngs(await JSZip.loadAsync(docx));
  });
  afterAll(async () => {
    await t.close();
    await ai.close();
  });

  it('reports the AI endpoint at /readyz', async () => {
    const readiness = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(readiness.json().checks.ai).toEqual({ ok: true });
  });

  it('says AI is available and refines the detected tasks in the background', async () => {
    expect((await ana.get('/api/v1/capabilities')).json().ai).toBe(true);
    expect(lab.ai.status).toBe('pending');
    await waitFor(reload, (value) => value.ai.status !== 'pending');
    expect(lab.ai.status).toBe('done');
    expect(task('Explain how').kind).toBe('theory');
    expect(task('square').kind).toBe('code');
    // The document went to the model as data in the user message, never in the instructions.
    const refine = ai.requests.find((request) => schemaOf(request) === 'task_corrections')!;
    expect(userText(refine)).toContain('Explain how a while loop');
    expect(refine.body.messages?.find((m) => m.role === 'system')?.content).not.toContain('Explain how a while loop');
  });

  it('drafts a program, checks it in the sandbox and keeps it a draft, out of reports, until accepted', async () => {
    const action = await act(task('square').id, 'draft-code');
    expect(action.status, action.error ?? '').toBe('succeeded');
    expect(action.result).toMatchObject({ applied: true, attempts: 1, statuses: ['ok'] });
    await reload();
    expect(task('square')).toMatchObject({ code: 'n = int(input())\nprint(n * n)\n', codeDraft: true, stdin: '7\n', stdinDraft: true });

    // Its run is real, but the screenshots reach a report only once the student takes the code as theirs.
    const runId = (await ana.post(`/api/v1/assignments/${lab.id}/runs`, { taskIds: [task('square').id] })).json().id as string;
    const run = await waitFor(async () => (await ana.get(`/api/v1/runs/${runId}`)).json() as { status: string }, (r) => r.status !== 'queued' && r.status !== 'running');
    expect(run.status).toBe('succeeded');
    expect(await reportImages()).toBe(originalImages);
    const accepted = await ana.request('PATCH', `/api/v1/assignments/${lab.id}/tasks/${task('square').id}`, { body: { accept: ['code', 'stdin'] } });
    expect(accepted.json()).toMatchObject({ codeDraft: false, stdinDraft: false });
    expect(await reportImages()).toBeGreaterThan(originalImages);
  });

  it('refuses a draft over code the student owns, and suggests input only in place of none', async () => {
    const refused = await ana.post(`/api/v1/assignments/${lab.id}/tasks/${task('square').id}/draft-code`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('already has code');

    await ana.request('PATCH', `/api/v1/assignments/${lab.id}/tasks/${task('square').id}`, { body: { stdin: '' } });
    const action = await act(task('square').id, 'suggest-input');
    expect(action.status, action.error ?? '').toBe('succeeded');
    await reload();
    expect(task('square')).toMatchObject({ stdin: '4\n', stdinDraft: true });
  });

  it('reviews code with issues and a diff that applies', async () => {
    const action = await act(task('square').id, 'review');
    expect(action.status).toBe('succeeded');
    expect(action.result).toMatchObject({ summary: expect.stringContaining('Works'), issues: [{ title: 'No prompt', severity: 'minor', line: 1 }] });
    expect(action.result?.diff).toContain('+n = int(input("n: "))');
  });

  it('puts a drafted answer into the report only once the student accepts it', async () => {
    const theory = task('Explain how');
    const action = await act(theory.id, 'draft-answer');
    expect(action.status).toBe('succeeded');
    await reload();
    expect(task('Explain how')).toMatchObject({ answerStatus: 'draft', answer: expect.stringContaining('A loop repeats') });

    const documentText = async () => (await composedReport()).file('word/document.xml')!.async('string');
    expect(await documentText()).not.toContain('A loop repeats');
    await ana.request('PATCH', `/api/v1/assignments/${lab.id}/tasks/${theory.id}`, { body: { accept: ['answer'] } });
    expect(await documentText()).toContain('A loop repeats');
  });

  it('counts the tokens against my daily allowance', async () => {
    const budget = (await ana.get('/api/v1/me/ai-budget')).json() as { usedTokens: number; dailyTokens: number; renewsAt: string };
    expect(budget.usedTokens).toBeGreaterThan(0);
    expect(budget.dailyTokens).toBe(200_000);
    expect((await ben.get('/api/v1/me/ai-budget')).json().usedTokens).toBe(0);
  });

  it("answers 404 for another user's task and AI action", async () => {
    const mine = await ana.post(`/api/v1/assignments/${lab.id}/tasks/${task('square').id}/review`, {});
    expect((await ben.post(`/api/v1/assignments/${lab.id}/tasks/${task('square').id}/review`, {})).statusCode).toBe(404);
    expect((await ben.get(`/api/v1/ai-actions/${mine.json().id as string}`)).statusCode).toBe(404);
  });

  it('stands the refinement down when the student edits the tasks first', async () => {
    ai.handle(async (request) => {
      if (schemaOf(request) === 'task_corrections') await new Promise((resolve) => setTimeout(resolve, 1500));
      return labModel(request);
    });
    const docx = await buildDocx([{ text: 'Q1. Explain how a compiler differs from an interpreter in detail.' }]);
    const uploaded = await ana.upload('Lab 5.docx', docx);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const second = uploaded.json() as AssignmentOut;
    // Switching screenshots off decides nothing the refinement decides, so it does not stand it down.
    await ana.request('PATCH', `/api/v1/assignments/${second.id}/tasks/${second.tasks[0]!.id}`, { body: { screenshot: false } });
    expect(((await ana.get(`/api/v1/assignments/${second.id}`)).json() as AssignmentOut).ai.status).not.toBe('skipped');
    await ana.request('PATCH', `/api/v1/assignments/${second.id}/tasks/${second.tasks[0]!.id}`, { body: { label: 'Question 1' } });
    const settled = await waitFor(async () => (await ana.get(`/api/v1/assignments/${second.id}`)).json() as AssignmentOut, (a) => a.ai.status !== 'pending');
    expect(settled.ai.status).toBe('skipped');
    expect(settled.tasks[0]).toMatchObject({ label: 'Question 1' });
    ai.handle(labModel);
  });
});

describe('with a spent AI budget', () => {
  it('refuses further AI actions with 429 until midnight UTC, without calling the model', async () => {
    const ai = await startFakeOpenAiServer({ handler: labModel });
    const t = await createTestApp({ env: { LABMATE_AI_BASE_URL: ai.url, LABMATE_AI_MODEL: 'fake-model', LABMATE_AI_DAILY_TOKENS: '1' } });
    try {
      const ana = new TestClient(t.app);
      await ana.signUp('thrifty@example.com');
      const lab = (await ana.upload('Lab.docx', await buildDocx([{ text: 'Q1. Explain what a pointer is in the C language.' }]))).json() as AssignmentOut;
      await waitFor(async () => (await ana.get(`/api/v1/assignments/${lab.id}`)).json() as AssignmentOut, (a) => a.ai.status !== 'pending');
      const calls = ai.requests.length;
      const refused = await ana.post(`/api/v1/assignments/${lab.id}/tasks/${lab.tasks[0]!.id}/draft-answer`, {});
      expect(refused.statusCode).toBe(429);
      expect(refused.json().type).toBe('/problems/ai-budget-exceeded');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(ai.requests.length).toBe(calls);
    } finally {
      await t.close();
      await ai.close();
    }
  });
});

describe('with an AI endpoint that does not answer', () => {
  it('stays ready, naming the AI endpoint as down, and the heuristic tasks stand', async () => {
    const t = await createTestApp({ env: { LABMATE_AI_BASE_URL: 'http://127.0.0.1:9/v1', LABMATE_AI_MODEL: 'absent' } });
    try {
      const readiness = await t.app.inject({ method: 'GET', url: '/readyz' });
      expect(readiness.statusCode).toBe(200);
      expect(readiness.json().checks.ai).toMatchObject({ ok: false, error: expect.stringContaining('does not answer') });
      const ana = new TestClient(t.app);
      await ana.signUp('down@example.com');
      const lab = (await ana.upload('Lab.docx', await buildDocx([{ text: 'Q1. Write a C program that prints hello.' }]))).json() as AssignmentOut;
      const settled = await waitFor(async () => (await ana.get(`/api/v1/assignments/${lab.id}`)).json() as AssignmentOut, (a) => a.ai.status !== 'pending');
      expect(settled.ai.status).toBe('failed');
      expect(settled.tasks.map((task) => task.question)).toEqual(lab.tasks.map((task) => task.question));
    } finally {
      await t.close();
    }
  });
});

describe('without AI configured', () => {
  let t: TestApp;
  let ana: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    ana = new TestClient(t.app);
    await ana.signUp('no-ai@example.com');
  });
  afterAll(async () => {
    await t.close();
  });

  it('hides AI in the capabilities, answers a clear problem, and leaves the heuristic tasks alone', async () => {
    expect((await ana.get('/api/v1/capabilities')).json().ai).toBe(false);
    const lab = (await ana.upload('Lab.docx', await buildDocx([{ text: 'Q1. Write a C program that prints hello.' }]))).json() as AssignmentOut;
    expect(lab.ai.status).toBe('off');
    const response = await ana.post(`/api/v1/assignments/${lab.id}/tasks/${lab.tasks[0]!.id}/draft-code`, {});
    expect(response.statusCode).toBe(501);
    expect(response.json()).toMatchObject({ type: '/problems/ai-not-configured', detail: expect.stringContaining('AI is not configured') });
  });
});
