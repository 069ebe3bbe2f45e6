import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/databases.js';
import { systemClock } from '../clock.js';
import { RunEvents, type RunEvent } from './run-events.js';

async function seedRun(database: TestDatabase): Promise<string> {
  const db = database.handle.db;
  const now = new Date().toISOString();
  const userId = randomUUID();
  const assignmentId = randomUUID();
  const runId = randomUUID();
  await db.insertInto('users').values({ id: userId, email: `${userId}@example.com`, display_name: 'E', password_hash: null, role: 'student', disabled_at: null, created_at: now, updated_at: now }).execute();
  await db
    .insertInto('assignments')
    .values({ id: assignmentId, owner_id: userId, original_name: 'a.docx', format: 'docx', status: 'ready', pages: null, warnings: '[]', blob_key: 'k', model_key: 'm', size_bytes: 1, created_at: now, updated_at: now })
    .execute();
  await db.insertInto('runs').values({ id: runId, owner_id: userId, assignment_id: assignmentId, status: 'queued', error: null, queued_at: now, started_at: null, finished_at: null }).execute();
  return runId;
}

function next(events: RunEvents, runId: string): Promise<RunEvent> {
  return new Promise((resolve) => {
    const stop = events.subscribe(runId, (event) => {
      stop();
      resolve(event);
    });
  });
}

describe('run events', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
  });
  afterAll(async () => {
    await database.dispose();
  });

  it('numbers events per run, stores them for resuming and announces them', async () => {
    const events = new RunEvents(database.handle.db, systemClock);
    const runId = await seedRun(database);
    const heard = next(events, runId);
    await events.emit(runId, 'run.started', {});
    expect(await heard).toMatchObject({ seq: 1, type: 'run.started' });
    await events.emit(runId, 'task.started', { taskId: 't' });
    expect((await events.after(runId, 1)).map((event) => event.seq)).toEqual([2]);
  });

  it.skipIf(!process.env.REDIS_URL)('reaches a listener in another process at once through Redis', async () => {
    const redisA = new Redis(process.env.REDIS_URL ?? '');
    const redisB = new Redis(process.env.REDIS_URL ?? '');
    const writer = new RunEvents(database.handle.db, systemClock, redisA);
    const reader = new RunEvents(database.handle.db, systemClock, redisB);
    const runId = await seedRun(database);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const heard = next(reader, runId);
    await writer.emit(runId, 'task.finished', { status: 'ok', percent: 100 });
    expect(await heard).toMatchObject({ type: 'task.finished', data: { status: 'ok', percent: 100 } });
    await Promise.all([writer.close(), reader.close()]);
    await Promise.all([redisA.quit(), redisB.quit()]);
  });
});
