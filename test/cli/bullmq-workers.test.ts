import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import JSZip from 'jszip';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { buildApp } from '../../src/server/app.js';
import { s3BlobStore } from '../../src/storage/s3-blob-store.js';
import { buildDocx } from '../fixtures/docx-builder.js';
import { TEST_SECRET } from '../helpers/app.js';
import { TestClient } from '../helpers/client.js';
import { createProcessDatabase, type ProcessDatabase } from '../helpers/process-database.js';
import { createTestRedisPrefix, type TestRedisPrefix } from '../helpers/redis-prefix.js';
import { startS3Server, type TestS3Server } from '../helpers/s3-server.js';
import { until } from '../helpers/until.js';

const root = path.resolve(import.meta.dirname, '../..');
const databaseUrl = process.env.DATABASE_URL ?? '';
const redisUrl = process.env.REDIS_URL ?? '';

interface RunBody {
  status: string;
  finishedAt: string | null;
  tasks: Array<{ status: string; transcript: string | null }>;
}

/** A `labmate worker` child process and everything it printed. */
interface WorkerProcess {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
}

describe.skipIf(!databaseUrl || !redisUrl)('an API-only server and two labmate workers on PostgreSQL and BullMQ', { timeout: 240_000 }, () => {
  let env: Record<string, string>;
  let prefix: TestRedisPrefix;
  let database: ProcessDatabase;
  let s3: TestS3Server;
  let events: Redis;
  let app: FastifyInstance;
  const workers: WorkerProcess[] = [];

  function startWorker(): WorkerProcess {
    // Its own process group, so killing the group takes its sandboxes with it.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'worker'], {
      cwd: root,
      detached: true,
      env: { ...env, LABMATE_WORKERS: '1', LABMATE_JOB_STALL_MS: '3000', LOG_LEVEL: 'info' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return { child, output: () => output, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
  }

  beforeAll(async () => {
    prefix = createTestRedisPrefix(redisUrl);
    // The worker processes read only the environment, so they get a whole database rather than a schema.
    database = await createProcessDatabase('postgres');
    // Files go to an S3 bucket, so the processes share nothing but PostgreSQL, Redis and the object store.
    s3 = await startS3Server();
    env = { PATH: process.env.PATH ?? '', LABMATE_SECRET: TEST_SECRET, REDIS_URL: redisUrl, LABMATE_QUEUE_PREFIX: prefix.prefix, ...database.env, ...s3.env };
    const config = loadConfig({ ...env, NODE_ENV: 'test', LOG_LEVEL: 'silent', LABMATE_WORKERS: '0', LABMATE_MAX_ACTIVE_RUNS: '10', LABMATE_RATE_LIMIT: 'false' });
    expect(config.queue.kind).toBe('bullmq');
    events = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
    app = await buildApp({ config, database: database.handle, logger: pino({ level: 'silent' }), redis: events });
  });
  afterAll(async () => {
    for (const worker of workers) if (worker.child.exitCode === null && worker.child.signalCode === null) process.kill(-(worker.child.pid ?? 0), 'SIGKILL');
    await app?.close();
    await events?.quit();
    await database?.dispose();
    await prefix?.dispose();
    await s3?.close();
  });

  it('runs, streams progress, composes and downloads a report with jobs shared by both workers, and survives a kill -9', async () => {
    workers.push(startWorker(), startWorker());
    await until(() => workers.every((worker) => worker.output().includes('"msg":"worker started"')), 120_000);
    expect(workers[0]!.output()).toContain('"queue":"bullmq"');
    expect(workers[0]!.output()).toContain('"storage":"s3"');

    const client = new TestClient(app);
    await client.signUp('workers@example.com');
    const docx = await buildDocx([
      { text: 'Lab 7', style: 'Heading1' },
      { text: 'Q1. Print the sum of two numbers.' },
      { text: 'a, b = 2, 3', font: 'Courier New' },
      { text: 'print(a + b)', font: 'Courier New' },
    ]);
    const lab = (await client.upload('Lab 7.docx', docx)).json() as { id: string; tasks: Array<{ id: string }> };
    // Several runs at once, each worker taking one job at a time: both must take some.
    const runIds: string[] = [];
    for (let i = 0; i < 4; i++) {
      const started = await client.post(`/api/v1/assignments/${lab.id}/runs`, {});
      expect(started.statusCode).toBe(202);
      runIds.push(started.json().id as string);
    }

    const stream = await client.get(`/api/v1/runs/${runIds[0]}/events`);
    expect(stream.body).toContain('event: task.finished');
    expect(stream.body).toMatch(/event: run.finished\ndata: \{"status":"succeeded"/);
    for (const runId of runIds) {
      let run: RunBody | undefined;
      await until(async () => {
        run = (await client.get(`/api/v1/runs/${runId}`)).json() as RunBody;
        return run.finishedAt !== null;
      }, 120_000);
      expect(run?.status).toBe('succeeded');
      expect(run?.tasks[0]?.transcript).toBe('5\n');
    }

    const reportId = (await client.post(`/api/v1/assignments/${lab.id}/reports`, {})).json().id as string;
    let report: { status: string; docx: string | null } | undefined;
    await until(async () => {
      report = (await client.get(`/api/v1/reports/${reportId}`)).json() as { status: string; docx: string | null };
      return report.status === 'succeeded' || report.status === 'failed';
    }, 120_000);
    expect(report?.status).toBe('succeeded');
    const download = await client.get(report?.docx ?? '');
    expect(download.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(download.rawPayload);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect([...xml.matchAll(/<w:drawing>/g)]).toHaveLength(1);

    const done = workers.map((worker) => worker.output().split('\n').filter((line) => line.includes('"msg":"job done"')));
    expect(done.flat()).toHaveLength(runIds.length + 1);
    expect(done.every((lines) => lines.length > 0)).toBe(true);
    expect((await client.get('/metrics')).body).toContain(`labmate_jobs{status="done"} ${runIds.length + 1}`);
    expect((await client.get('/readyz')).json().checks).toMatchObject({ queue: { ok: true }, storage: { ok: true } });
    const stored = await s3BlobStore(s3.config).list('uploads');
    expect(stored.filter((key) => key.includes('/runs/')).length).toBeGreaterThanOrEqual(runIds.length);
    expect(stored.some((key) => key.includes('/reports/'))).toBe(true);
    expect(existsSync(path.join(database.env.LABMATE_DATA_DIR ?? '', 'blobs'))).toBe(false);

    // A worker killed mid-run: its lock lapses and the other worker takes the job over and finishes the run.
    await client.request('PATCH', `/api/v1/assignments/${lab.id}/tasks/${lab.tasks[0]?.id}`, {
      body: { code: 'import time\nprint("started", flush=True)\ntime.sleep(3)\nprint("finished")\n' },
    });
    const slowRun = (await client.post(`/api/v1/assignments/${lab.id}/runs`, {})).json().id as string;
    const startedSlow = (worker: WorkerProcess) => worker.output().includes(`"runId":"${slowRun}"`);
    await until(() => workers.some(startedSlow), 60_000);
    const [victim, survivor] = startedSlow(workers[0]!) ? [workers[0]!, workers[1]!] : [workers[1]!, workers[0]!];
    process.kill(-(victim.child.pid ?? 0), 'SIGKILL');
    expect(await victim.exited).toBe(null);
    let slow: RunBody | undefined;
    await until(async () => {
      slow = (await client.get(`/api/v1/runs/${slowRun}`)).json() as RunBody;
      return slow.finishedAt !== null;
    }, 120_000);
    expect(slow?.status).toBe('succeeded');
    expect(slow?.tasks[0]?.transcript).toBe('started\nfinished\n');
    expect(startedSlow(survivor)).toBe(true);

    survivor.child.kill('SIGTERM');
    expect(await survivor.exited).toBe(0);
    expect(survivor.output()).toContain('"msg":"stopped"');
  });
});
