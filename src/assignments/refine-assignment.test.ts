import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/databases.js';
import { seedCodeTask, type SeededTask } from '../../test/helpers/seed-runs.js';
import type { AiClient } from '../ai/ai-client.js';
import { systemClock } from '../clock.js';
import { errors } from '../errors.js';
import type { DocumentModel } from '../ingest/model.js';
import { BlobNotFoundError } from '../storage/blob-store.js';
import { filesystemBlobStore } from '../storage/filesystem-blob-store.js';
import { refineAssignment } from './refine-assignment.js';

describe('the refine job', () => {
  let database: TestDatabase;
  let seeded: SeededTask;
  const calls: string[] = [];
  const ai: AiClient = {
    model: 'unused',
    contextTokens: 8192,
    complete: () => {
      calls.push('complete');
      throw new Error('the model is not part of this test');
    },
  };

  beforeEach(async () => {
    database = await createTestDatabase('sqlite');
    seeded = await seedCodeTask(database.handle.db, { language: 'python', code: 'print(1)' });
  });
  afterEach(async () => {
    await database.dispose();
  });

  it('stands down when a reparse has asked for a newer refinement since, and works on the newest', async () => {
    const db = database.handle.db;
    const older = '2030-01-01T10:00:00.000Z';
    const newer = '2030-01-01T10:05:00.000Z';
    // Asked for by a reparse at `newer`; the student has switched a screenshot since, which leaves it pending.
    const pending = { ai_status: 'pending' as const, ai_requested_at: newer, updated_at: '2030-01-01T10:06:00.000Z' };
    await db.updateTable('assignments').set(pending).where('id', '=', seeded.assignmentId).execute();
    const deps = { db, blobs: filesystemBlobStore(path.join(database.dataDir, 'blobs')), clock: systemClock, ai };

    await refineAssignment(deps, { assignmentId: seeded.assignmentId, requestedAt: older });
    const row = await db.selectFrom('assignments').select(['ai_status', 'ai_requested_at', 'updated_at']).where('id', '=', seeded.assignmentId).executeTakeFirstOrThrow();
    expect(row).toEqual(pending);

    // The newest request goes on to read the document (which this seeded assignment lacks).
    await expect(refineAssignment(deps, { assignmentId: seeded.assignmentId, requestedAt: newer })).rejects.toBeInstanceOf(BlobNotFoundError);
    expect(calls).toEqual([]);
  });

  it('records an AI failure only for the refinement still wanted, not for one a reparse replaced meanwhile', async () => {
    const db = database.handle.db;
    const blobs = filesystemBlobStore(path.join(database.dataDir, 'blobs'));
    const paragraph = { type: 'paragraph' as const, style: '', headingLevel: 0, listLabel: '', listLevel: -1, monospace: false, shaded: false, bold: false, images: 0, page: null };
    const model: DocumentModel = { format: 'docx', pages: null, blocks: [{ ...paragraph, text: 'Q1. Print one.' }, { ...paragraph, text: 'print(1)', monospace: true }], furniture: [], warnings: [] };
    const assignment = await db.selectFrom('assignments').select('model_key').where('id', '=', seeded.assignmentId).executeTakeFirstOrThrow();
    await blobs.putBuffer(assignment.model_key, Buffer.from(JSON.stringify(model)));
    const asked = '2030-01-01T10:00:00.000Z';
    const state = () => db.selectFrom('assignments').select(['ai_status', 'ai_requested_at']).where('id', '=', seeded.assignmentId).executeTakeFirstOrThrow();
    const failing = (reparseMeanwhile: boolean): AiClient => ({
      model: 'down',
      contextTokens: 8192,
      complete: async () => {
        if (reparseMeanwhile) await db.updateTable('assignments').set({ ai_requested_at: '2030-01-01T10:01:00.000Z' }).where('id', '=', seeded.assignmentId).execute();
        throw errors.aiUnavailable('the endpoint is down');
      },
    });

    await db.updateTable('assignments').set({ ai_status: 'pending', ai_requested_at: asked }).where('id', '=', seeded.assignmentId).execute();
    await refineAssignment({ db, blobs, clock: systemClock, ai: failing(true) }, { assignmentId: seeded.assignmentId, requestedAt: asked });
    expect(await state()).toEqual({ ai_status: 'pending', ai_requested_at: '2030-01-01T10:01:00.000Z' });

    await db.updateTable('assignments').set({ ai_requested_at: asked }).where('id', '=', seeded.assignmentId).execute();
    await refineAssignment({ db, blobs, clock: systemClock, ai: failing(false) }, { assignmentId: seeded.assignmentId, requestedAt: asked });
    expect(await state()).toEqual({ ai_status: 'failed', ai_requested_at: asked });
  });
});
