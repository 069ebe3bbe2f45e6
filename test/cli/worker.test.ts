import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../fixtures/docx-builder.js';
import { createTestApp, TEST_SECRET, type TestApp } from '../helpers/app.js';
import { TestClient } from '../helpers/client.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('an API-only server with a separate labmate worker', { timeout: 240_000 }, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { LABMATE_WORKERS: '0' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('queues the run, the worker process runs it, and SIGTERM stops the worker cleanly', async () => {
    const client = new TestClient(t.app);
    await client.signUp('split@example.com');
    const docx = await buildDocx([{ text: 'Q1. Print hello.' }, { text: 'print("hello from the worker")', font: 'Courier New' }]);
    const lab = (await client.upload('split.docx', docx)).json() as { id: string };
    const runId = (await client.post(`/api/v1/assignments/${lab.id}/runs`, {})).json().id as string;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await client.get(`/api/v1/runs/${runId}`)).json().status).toBe('queued');

    const worker = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'worker'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', LABMATE_DATA_DIR: t.database.dataDir, LABMATE_SECRET: TEST_SECRET, LABMATE_WORKERS: '1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    worker.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)));
    let run: { status: string; finishedAt: string | null; tasks: Array<{ transcript: string | null }> } | undefined;
    for (let i = 0; i < 1200; i++) {
      run = (await client.get(`/api/v1/runs/${runId}`)).json();
      if (run?.finishedAt) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(run?.status).toBe('succeeded');
    expect(run?.tasks[0]?.transcript).toBe('hello from the worker\n');
    worker.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('"msg":"stopped"');
  });
});
