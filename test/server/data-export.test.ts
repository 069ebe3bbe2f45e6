import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aiUsageRepository } from '../../src/db/repositories/ai-usage.repository.js';
import { buildDocx } from '../fixtures/docx-builder.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { TestClient } from '../helpers/client.js';
import { testDialects } from '../helpers/databases.js';

describe.each(testDialects())('exporting my data on %s', { timeout: 120_000 }, (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ dialect });
  });
  afterAll(async () => {
    await t.close();
  });

  it('builds a zip of my rows and files in the background, downloadable only by me, and gone with my account', async () => {
    const ana = new TestClient(t.app);
    await ana.signUp('export@example.com', 'export passphrase');
    const original = await buildDocx([{ text: 'Q1. Print hi.' }, { text: 'print("hi")', font: 'Courier New' }]);
    const lab = (await ana.upload('mine.docx', original)).json() as { id: string };
    expect((await ana.get('/api/v1/me/export')).statusCode).toBe(404);
    const anaId = (await t.database.handle.db.selectFrom('users').select('id').where('email', '=', 'export@example.com').executeTakeFirstOrThrow()).id;
    const aiCall = { userId: anaId, feature: 'draft_code', day: '2026-03-01', promptTokens: 120, completionTokens: 30, costMicrousd: 540 };
    await aiUsageRepository(t.database.handle.db).record(aiCall);

    const started = await ana.post('/api/v1/me/export');
    expect(started.statusCode).toBe(202);
    let state = started.json() as { id: string; status: string; download: string | null };
    for (let i = 0; i < 600 && state.status !== 'succeeded' && state.status !== 'failed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      state = (await ana.get('/api/v1/me/export')).json();
    }
    expect(state.status).toBe('succeeded');
    const download = await ana.get(state.download ?? '');
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/zip');
    const zip = await JSZip.loadAsync(download.rawPayload);
    const account = JSON.parse((await zip.file('account.json')?.async('string')) ?? '{}');
    expect(account.user.email).toBe('export@example.com');
    expect(JSON.stringify(account)).not.toMatch(/argon2|password_hash/);
    const data = JSON.parse((await zip.file('data.json')?.async('string')) ?? '{}');
    expect(data.assignments.map((a: { id: string }) => a.id)).toEqual([lab.id]);
    expect(data.aiUsage).toEqual([{ user_id: anaId, feature: 'draft_code', day: '2026-03-01', calls: 1, prompt_tokens: 120, completion_tokens: 30, cost_microusd: 540 }]);
    const stored = await zip.file(new RegExp(`^files/${lab.id}/original$`))[0]?.async('nodebuffer');
    expect(stored?.equals(original)).toBe(true);

    const bob = new TestClient(t.app);
    await bob.signUp('not-the-owner@example.com');
    expect((await bob.get(state.download ?? '')).statusCode).toBe(404);

    expect((await ana.request('DELETE', '/api/v1/me', { body: { password: 'export passphrase' } })).statusCode).toBe(204);
    const me = state.download?.split('/')[5] ?? '';
    expect(me).toBe(state.id);
    expect((await t.app.labmate.blobs.list('exports')).some((key) => key.includes(state.id))).toBe(false);
  });
});
