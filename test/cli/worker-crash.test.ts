import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET } from '../helpers/app.js';
import { testDialects } from '../helpers/databases.js';
import { createProcessDatabase, type ProcessDatabase } from '../helpers/process-database.js';
import { enqueueRuns, seedCodeTask } from '../helpers/seed-runs.js';

const root = path.resolve(import.meta.dirname, '../..');
const SLOW_PROGRAM = 'import time\nprint("started", flush=True)\ntime.sleep(3)\nprint("finished")\n';

/** A `labmate worker` in its own process group, so killing the group takes its sandboxes with it. */
function startWorker(database: ProcessDatabase): { child: ChildProcess; exited: Promise<NodeJS.Signals | number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'worker'], {
    cwd: root,
    detached: true,
    env: { PATH: process.env.PATH ?? '', LABMATE_SECRET: TEST_SECRET, LABMATE_WORKERS: '2', LABMATE_JOB_STALL_MS: '3000', LOG_LEVEL: 'warn', ...database.env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  return { child, exited };
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 1800; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting until ${what}`);
}

describe.each(testDialects())('a labmate worker killed mid-run on %s', { timeout: 300_000 }, (dialect) => {
  let database: ProcessDatabase;
  beforeAll(async () => {
    database = await createProcessDatabase(dialect);
  });
  afterAll(async () => {
    await database.dispose();
  });

  it('leaves no task running: the next worker resumes one run and fails the one out of attempts, with the reason', async () => {
    const db = database.handle.db;
    const [resumed] = await enqueueRuns(db, await seedCodeTask(db, { language: 'python', code: SLOW_PROGRAM }), 1);
    const [lastTry] = await enqueueRuns(db, await seedCodeTask(db, { language: 'python', code: SLOW_PROGRAM }), 1);
    const jobOf = (runId: string | undefined) => db.selectFrom('jobs').selectAll().where('payload', '=', JSON.stringify({ runId })).executeTakeFirstOrThrow();
    await db.updateTable('jobs').set({ max_attempts: 1 }).where('id', '=', (await jobOf(lastTry)).id).execute();

    const first = startWorker(database);
    await until(
      () => db.selectFrom('run_tasks').select('status').where('status', '=', 'running').execute(),
      (rows) => rows.length === 2,
      'both tasks run',
    );
    process.kill(-(first.child.pid ?? 0), 'SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    expect((await jobOf(resumed)).status).toBe('running');

    const second = startWorker(database);
    const runs = await until(
      () => db.selectFrom('runs').selectAll().where('id', 'in', [resumed ?? '', lastTry ?? '']).execute(),
      (rows) => rows.every((row) => row.finished_at !== null),
      'both runs end',
    );
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const byId = new Map(runs.map((run) => [run.id, run]));
    expect(byId.get(resumed ?? '')).toMatchObject({ status: 'succeeded', error: null });
    expect(byId.get(lastTry ?? '')).toMatchObject({ status: 'failed', error: expect.stringMatching(/stopped during attempt 1 of 1/) });
    const tasks = await db.selectFrom('run_tasks').select(['run_id', 'status', 'transcript', 'detail']).execute();
    expect(tasks.filter((task) => task.status === 'queued' || task.status === 'running')).toEqual([]);
    expect(tasks.find((task) => task.run_id === resumed)).toMatchObject({ status: 'ok', transcript: 'started\nfinished\n' });
    expect(tasks.find((task) => task.run_id === lastTry)).toMatchObject({ status: 'internal_error', detail: expect.stringMatching(/stopped during attempt 1/) });
    expect(await jobOf(resumed)).toMatchObject({ status: 'done', attempts: 2 });
    expect(await jobOf(lastTry)).toMatchObject({ status: 'failed', attempts: 1 });
  });
});
