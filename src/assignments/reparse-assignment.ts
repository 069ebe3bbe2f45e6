import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assignmentsRepository } from '../db/repositories/assignments.repository.js';
import type { TaskRow } from '../db/schema.js';
import { errors } from '../errors.js';
import type { AssignmentDeps } from './deps.js';
import { readUpload } from './read-upload.js';
import { taskRowFromDetected } from './task-rows.js';

/**
 * Detects the tasks of a stored document again, replacing every task (only on the student's explicit request);
 * returns them with when it asked for their AI refinement (`refine`), which names that request's job.
 */
export async function reparseAssignment(
  deps: AssignmentDeps,
  input: { ownerId: string; assignmentId: string; refine: boolean },
): Promise<{ tasks: TaskRow[]; requestedAt: string }> {
  const repository = assignmentsRepository(deps.db);
  const assignment = await repository.find(input.ownerId, input.assignmentId);
  if (!assignment) throw errors.notFound('assignment');
  const dir = await mkdtemp(path.join(tmpdir(), 'labmate-reparse-'));
  try {
    const file = path.join(dir, `document.${assignment.format}`);
    await writeFile(file, await deps.blobs.read(assignment.blob_key));
    const { model, tasks } = await readUpload(file, assignment.original_name, Number.MAX_SAFE_INTEGER);
    const now = deps.clock().toISOString();
    const rows = tasks.map((task, index) => taskRowFromDetected(task, assignment.id, index, now));
    await deps.blobs.putBuffer(assignment.model_key, Buffer.from(JSON.stringify(model)));
    await deps.db.transaction().execute(async (trx) => {
      const inner = assignmentsRepository(trx);
      await inner.deleteTasks(assignment.id);
      for (const row of rows) await inner.insertTask(row);
      await inner.touch(assignment.id, now);
      await inner.update(assignment.id, { ai_status: input.refine ? 'pending' : 'off', ai_detail: null, ai_requested_at: input.refine ? now : null });
    });
    return { tasks: rows, requestedAt: now };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
