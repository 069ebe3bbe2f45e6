import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { assertCanStore } from '../accounts/usage-limits.js';
import { assignmentsRepository } from '../db/repositories/assignments.repository.js';
import type { PlanLimits } from '../db/repositories/usage.repository.js';
import type { AssignmentRow, TaskRow } from '../db/schema.js';
import type { AssignmentDeps } from './deps.js';
import { readUpload } from './read-upload.js';
import { taskRowFromDetected } from './task-rows.js';

export interface UploadInput {
  ownerId: string;
  /** The upload, already streamed to a private temporary file. */
  tempPath: string;
  originalName: string;
  maxBytes: number;
  /** Storage limits for a user without a plan. */
  defaults: PlanLimits;
  /** Whether an AI refinement of the detected tasks will follow (AI is configured). */
  refine: boolean;
}

/** Reads an uploaded document, stores its bytes under a random key and its tasks in the database, all or nothing. */
export async function uploadAssignment(deps: AssignmentDeps, input: UploadInput): Promise<{ assignment: AssignmentRow; tasks: TaskRow[] }> {
  const size = (await stat(input.tempPath)).size;
  await assertCanStore(deps.db, { userId: input.ownerId, bytes: size, defaults: input.defaults });
  const { model, tasks } = await readUpload(input.tempPath, input.originalName, input.maxBytes);
  const id = randomUUID();
  const blobKey = `uploads/${input.ownerId}/${id}/original`;
  const modelKey = `uploads/${input.ownerId}/${id}/model.json`;
  const now = deps.clock().toISOString();
  const assignment: AssignmentRow = {
    id,
    owner_id: input.ownerId,
    original_name: path.basename(input.originalName).slice(0, 255),
    format: model.format,
    status: 'ready',
    pages: model.pages,
    warnings: JSON.stringify(model.warnings),
    blob_key: blobKey,
    model_key: modelKey,
    size_bytes: size,
    ai_status: input.refine ? 'pending' : 'off',
    ai_detail: null,
    ai_requested_at: input.refine ? now : null,
    created_at: now,
    updated_at: now,
  };
  const rows = tasks.map((task, index) => taskRowFromDetected(task, id, index, now));
  await deps.blobs.putFile(blobKey, input.tempPath);
  try {
    await deps.blobs.putBuffer(modelKey, Buffer.from(JSON.stringify(model)));
    await deps.db.transaction().execute((trx) => assignmentsRepository(trx).create(assignment, rows));
  } catch (error) {
    await Promise.allSettled([deps.blobs.delete(blobKey), deps.blobs.delete(modelKey)]);
    throw error;
  }
  return { assignment, tasks: rows };
}
