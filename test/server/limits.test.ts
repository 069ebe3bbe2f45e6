import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx, docxEntries, zipEntries } from '../fixtures/docx-builder.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { TestClient } from '../helpers/client.js';

describe('per-user limits', { timeout: 120_000 }, () => {
  let t: TestApp;
  beforeAll(async () => {
    // No workers: runs stay queued, so only the limits decide what is accepted.
    t = await createTestApp({ env: { LABMATE_RUNS_PER_HOUR: '2', LABMATE_MAX_ACTIVE_RUNS: '5', LABMATE_STORAGE_MB: '1', LABMATE_WORKERS: '0' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a run beyond the hourly allowance with 429 and when to retry', async () => {
    const client = new TestClient(t.app);
    await client.signUp('hourly@example.com');
    const lab = (await client.upload('lab.docx', await buildDocx([{ text: 'Q1. Print hi.' }, { text: 'print("hi")', font: 'Courier New' }]))).json() as { id: string };
    expect((await client.post(`/api/v1/assignments/${lab.id}/runs`, {})).statusCode).toBe(202);
    expect((await client.post(`/api/v1/assignments/${lab.id}/runs`, {})).statusCode).toBe(202);
    const third = await client.post(`/api/v1/assignments/${lab.id}/runs`, {});
    expect(third.statusCode).toBe(429);
    expect(third.json().detail).toContain('in the last hour');
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(3000);
  });

  it('refuses an upload beyond the storage allowance with 403 and stores nothing', async () => {
    const client = new TestClient(t.app);
    await client.signUp('storage@example.com');
    const entries = docxEntries([{ text: 'Q1. Describe the picture.' }]);
    entries.set('word/media/photo.bin', randomBytes(600 * 1024));
    const big = await zipEntries(entries);
    expect((await client.upload('first.docx', big)).statusCode).toBe(201);
    const second = await client.upload('second.docx', big);
    expect(second.statusCode).toBe(403);
    expect(second.json().type).toBe('/problems/storage-full');
    expect((await client.get('/api/v1/assignments')).json().items).toHaveLength(1);
  });
});
