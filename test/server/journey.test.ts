import JSZip from 'jszip';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3BlobStore } from '../../src/storage/s3-blob-store.js';
import { buildDocx } from '../fixtures/docx-builder.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { TestClient } from '../helpers/client.js';
import { testDialects } from '../helpers/databases.js';
import { startS3Server, type TestS3Server } from '../helpers/s3-server.js';
import { waitFor } from '../helpers/until.js';

// Files live on the filesystem by default and in an S3 bucket when scaled out; the journey must not tell the difference.
const setups = [...testDialects().map((dialect) => ({ dialect, storage: 'files' as const })), { dialect: 'sqlite' as const, storage: 's3' as const }];

describe.each(setups)('the student journey on $dialect with $storage', { timeout: 240_000 }, ({ dialect, storage }) => {
  let t: TestApp;
  let s3: TestS3Server | undefined;
  let ana: TestClient;

  beforeAll(async () => {
    s3 = storage === 's3' ? await startS3Server() : undefined;
    t = await createTestApp({ dialect, ...(s3 ? { env: s3.env } : {}) });
    ana = new TestClient(t.app);
    await ana.signUp('journey@example.com');
  });
  afterAll(async () => {
    await t.close();
    await s3?.close();
  });

  it('uploads, edits, runs, composes and downloads a report with the screenshots below each question', async () => {
    const docx = await buildDocx([
      { text: 'Lab 2', style: 'Heading1' },
      { text: 'Q1. Print the sum of two numbers.' },
      { text: 'a, b = 2, 3', font: 'Courier New' },
      { text: 'print(a + b)', font: 'Courier New' },
      { text: 'Q2. Print a greeting for a name read from input.' },
      { text: 'Q3. Explain what a variable is.' },
    ]);
    const lab = (await ana.upload('Lab 2.docx', docx)).json() as {
      id: string;
      tasks: Array<{ id: string; question: string }>;
    };
    const greeting = lab.tasks.find((task) => task.question.includes('greeting'));
    const edited = await ana.request('PATCH', `/api/v1/assignments/${lab.id}/tasks/${greeting?.id}`, {
      body: { kind: 'code', language: 'python', code: 'name = input("Name: ")\nprint("Hello,", name)\n', stdin: 'Asha\n' },
    });
    expect(edited.statusCode).toBe(200);

    const runId = (await ana.post(`/api/v1/assignments/${lab.id}/runs`, {})).json().id as string;
    const run = await waitFor(
      async () => (await ana.get(`/api/v1/runs/${runId}`)).json() as { status: string; finishedAt: string | null; tasks: Array<{ taskId: string; status: string; transcript: string }> },
      (value) => value.finishedAt !== null,
    );
    expect(run.status).toBe('succeeded');
    expect(run.tasks.find((task) => task.taskId === greeting?.id)?.transcript).toBe('Name: Asha\nHello, Asha\n');

    const wantPdf = dialect === 'sqlite' && existsSync('/usr/bin/soffice');
    const reportId = (await ana.post(`/api/v1/assignments/${lab.id}/reports`, { pdf: wantPdf })).json().id as string;
    const report = await waitFor(
      async () => (await ana.get(`/api/v1/reports/${reportId}`)).json() as { status: string; docx: string | null; pdf: string | null },
      (value) => value.status === 'succeeded' || value.status === 'failed',
    );
    expect(report.status).toBe('succeeded');
    const download = await ana.get(report.docx ?? '');
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''Lab%202_report.docx");

    const zip = await JSZip.loadAsync(download.rawPayload);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const q1 = xml.indexOf('Print the sum');
    const q2 = xml.indexOf('Print a greeting');
    const q3 = xml.indexOf('Explain what a variable');
    const drawings = [...xml.matchAll(/<w:drawing>/g)].map((match) => match.index ?? 0);
    expect(drawings.length).toBe(2);
    expect(drawings[0]).toBeGreaterThan(q1);
    expect(drawings[0]).toBeLessThan(q2);
    expect(drawings[1]).toBeGreaterThan(q2);
    expect(drawings[1]).toBeLessThan(q3);
    expect(Object.values(zip.files).filter((entry) => entry.name.startsWith('word/media/labmate-')).map((entry) => entry.name)).toHaveLength(2);

    if (wantPdf) {
      const pdf = await ana.get(report.pdf ?? '');
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }

    const badName = await ana.post(`/api/v1/assignments/${lab.id}/reports`, { pdf: false, fileName: 'two\nlines' });
    expect(badName.statusCode).toBe(422);
    expect(badName.json().detail).toMatch(/fileName/);
    const namedId = (await ana.post(`/api/v1/assignments/${lab.id}/reports`, { pdf: false, fileName: 'Lab 2 — Ana/final.docx' })).json().id as string;
    const named = await waitFor(
      async () => (await ana.get(`/api/v1/reports/${namedId}`)).json() as { status: string; docx: string | null },
      (value) => value.status === 'succeeded' || value.status === 'failed',
    );
    expect((await ana.get(named.docx ?? '')).headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('Lab 2 — Ana_final.docx')}`);

    const stranger = new TestClient(t.app);
    await stranger.signUp('stranger-journey@example.com');
    expect((await stranger.get(`/api/v1/reports/${reportId}`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/v1/reports/${reportId}/docx`)).statusCode).toBe(404);
    expect((await stranger.post(`/api/v1/assignments/${lab.id}/reports`, {})).statusCode).toBe(404);

    const prefix = `uploads/${(await ana.get('/api/v1/auth/me')).json().user.id as string}/${lab.id}`;
    const stored = await t.app.labmate.blobs.list(prefix);
    expect(stored.length).toBeGreaterThanOrEqual(4);
    if (s3) expect(await s3BlobStore(s3.config).list(prefix)).toEqual(stored);
    expect((await ana.request('DELETE', `/api/v1/assignments/${lab.id}`)).statusCode).toBe(204);
    expect(await t.app.labmate.blobs.list(prefix)).toEqual([]);
  });
});
