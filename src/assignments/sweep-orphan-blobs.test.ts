import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../../test/fixtures/docx-builder.js';
import { createTestApp, type TestApp } from '../../test/helpers/app.js';
import { TestClient } from '../../test/helpers/client.js';
import { sweepOrphanBlobs } from './sweep-orphan-blobs.js';

describe('sweepOrphanBlobs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('removes only the files of assignments that no longer exist', async () => {
    const client = new TestClient(t.app);
    await client.signUp('sweeper@example.com');
    const kept = (await client.upload('kept.docx', await buildDocx([{ text: 'Q1. Write a program.' }]))).json() as { id: string };
    const userId = (await client.get('/api/v1/auth/me')).json().user.id as string;
    const blobs = t.app.labmate.blobs;
    await blobs.putBuffer(`uploads/${userId}/00000000-0000-4000-8000-000000000000/original`, Buffer.from('left behind'));
    const before = await blobs.list('uploads');

    expect(await sweepOrphanBlobs({ db: t.database.handle.db, blobs })).toBe(1);
    const after = await blobs.list('uploads');
    expect(after).toHaveLength(before.length - 1);
    expect(after.every((key) => key.includes(kept.id))).toBe(true);
  });
});
