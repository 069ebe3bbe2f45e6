import { jobDefinitions } from './job-definitions.js';
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { systemClock } from '../../src/clock.js';
import type { Db } from '../../src/db/repositories/types.js';
import { inProcessQueue } from '../../src/jobs/in-process-queue.js';
import type { JobDefinitions, JobQueue } from '../../src/jobs/queue.js';
import { startRun } from '../../src/runs/start-run.js';

/** A user with one assignment holding one code task, written straight into the database. */
export interface SeededTask {
  ownerId: string;
  assignmentId: string;
  taskId: string;
}

/** Creates a user, an assignment and one `language` task with `code`, as an upload would have left them. */
export async function seedCodeTask(db: Db, task: { language: string; code: string }): Promise<SeededTask> {
  const now = new Date().toISOString();
  const ownerId = randomUUID();
  const assignmentId = randomUUID();
  const taskId = randomUUID();
  await db.insertInto('users').values({ id: ownerId, email: `${ownerId}@example.com`, display_name: 'Seed', password_hash: null, role: 'student', disabled_at: null, created_at: now, updated_at: now }).execute();
  await db
    .insertInto('assignments')
    .values({ id: assignmentId, owner_id: ownerId, original_name: 'lab.docx', format: 'docx', status: 'ready', pages: null, warnings: '[]', blob_key: `uploads/${ownerId}/${assignmentId}/original`, model_key: `uploads/${ownerId}/${assignmentId}/model.json`, size_bytes: 1, created_at: now, updated_at: now })
    .execute();
  await db
    .insertInto('tasks')
    .values({
      id: taskId,
      assignment_id: assignmentId,
      position: 0,
      label: 'Q1',
      question: 'Run the program.',
      kind: 'code',
      language: task.language,
      code: task.code,
      stdin: '',
      expected_output: '',
      input_files: '[]',
      wants_screenshot: 1,
      anchor_block: null,
      theme: null,
      origin: 'user',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { ownerId, assignmentId, taskId };
}

const ENQUEUE_ONLY: JobDefinitions = jobDefinitions({}, 3);

/**
 * Starts `count` runs of the seeded task through the real use case; the jobs wait for a worker process. They go to
 * `queue` when given (a BullMQ producer), else to job rows in the database.
 */
export async function enqueueRuns(db: Db, seeded: SeededTask, count: number, queue?: JobQueue): Promise<string[]> {
  // A queue that is never started only writes job rows; worker processes do the work.
  const producer = queue ?? inProcessQueue({ db, clock: systemClock, logger: pino({ level: 'silent' }), jobs: ENQUEUE_ONLY, concurrency: 0 });
  const defaults = { runsPerHour: count + 1, concurrentRuns: count + 1, storageMb: 1024 };
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const run = await startRun({ db, clock: systemClock, queue: producer }, { ownerId: seeded.ownerId, assignmentId: seeded.assignmentId, defaults });
    ids.push(run.id);
  }
  return ids;
}
