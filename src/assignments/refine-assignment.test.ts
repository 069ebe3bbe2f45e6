import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/databases.js';
import { seedCodeTask, type SeededTask } from '../../test/helpers/seed-runs.js';
import type { AiClient } from '../ai/ai-client.js';
import { systemClock } from '../clock.js';
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
});
