import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../../accounts/create-user.js';
import { buildDocx } from '../../../../../test/fixtures/docx-builder.js';
import { allRows } from '../../../../../test/accounts/database-rows.js';
import { createTestApp, type TestApp } from '../../../../../test/helpers/app.js';
import { TestClient } from '../../../../../test/helpers/client.js';
import { testDialects } from '../../../../../test/helpers/databases.js';
import { startFakeSmtpServer } from '../../../../../test/mail/fake-smtp-server.js';

async function uploadLab(client: TestClient): Promise<string> {
  const docx = await buildDocx([{ text: 'Q1. Write a program that prints hello.' }, { text: 'print("hello")', font: 'Courier New' }]);
  const response = await client.upload('lab.docx', docx);
  expect(response.statusCode).toBe(201);
  return response.json().id as string;
}

describe.each(testDialects())('my profile and account on %s', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ dialect });
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows an empty profile, keeps every edit and clears a field with null', async () => {
    const ana = new TestClient(t.app);
    await ana.signUp('ana@example.com', 'a sturdy passphrase', 'Ana');
    const empty = await ana.get('/api/v1/me');
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toMatchObject({ email: 'ana@example.com', name: 'Ana', role: 'student', institution: null, year: null });

    const edit = {
      name: 'Ana Lima',
      institution: 'Instituto Técnico',
      course: 'BSc Computer Science',
      year: 2,
      graduationYear: 2028,
      preferredTheme: 'vscode-dark',
      fileNamePattern: '{name}_{course}_{assignment}',
    };
    const patched = await ana.request('PATCH', '/api/v1/me', { body: edit });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject(edit);

    expect((await ana.request('PATCH', '/api/v1/me', { body: { course: null, year: 3 } })).statusCode).toBe(200);
    const after = (await ana.get('/api/v1/me')).json();
    expect(after).toMatchObject({ ...edit, course: null, year: 3 });
    expect((await ana.get('/api/v1/auth/me')).json().user.name).toBe('Ana Lima');
  });

  it('refuses out-of-bounds, unknown and empty edits with the field named', async () => {
    const ben = new TestClient(t.app);
    await ben.signUp('ben@example.com');
    const cases: Array<[unknown, string]> = [
      [{ year: 0 }, 'year'],
      [{ graduationYear: 3000 }, 'graduationYear'],
      [{ institution: 'x'.repeat(201) }, 'institution'],
      [{ name: '   ' }, 'name'],
      [{ preferredTheme: 'neon' }, 'preferredTheme'],
      [{ fileNamePattern: '{name}/../{secret}' }, 'fileNamePattern'],
      [{ fileNamePattern: '{password}' }, 'fileNamePattern'],
      [{ course: 'a\u0000b' }, 'course'],
    ];
    for (const [body, field] of cases) {
      const response = await ben.request('PATCH', '/api/v1/me', { body });
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(response.json().errors.map((e: { field: string }) => e.field), JSON.stringify(body)).toContain(field);
    }
    expect((await ben.request('PATCH', '/api/v1/me', { body: {} })).statusCode).toBe(422);
    expect((await ben.request('PATCH', '/api/v1/me', { body: { role: 'admin' } })).statusCode).toBe(422);
    expect((await ben.get('/api/v1/me')).json().role).toBe('student');
  });

  it('refuses to delete an account without the right password', async () => {
    const cy = new TestClient(t.app);
    await cy.signUp('cy@example.com');
    const wrong = await cy.request('DELETE', '/api/v1/me', { body: { password: 'not my passphrase' } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].field).toBe('password');
    expect((await cy.request('DELETE', '/api/v1/me', { body: {} })).statusCode).toBe(422);
    expect((await cy.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('deletes the account with every row and blob of it, and signs out every session', async () => {
    const dee = new TestClient(t.app);
    const signedUp = await dee.signUp('dee@example.com');
    const userId = signedUp.json().user.id as string;
    const otherDevice = new TestClient(t.app);
    await otherDevice.signIn('dee@example.com');
    await dee.request('PATCH', '/api/v1/me', { body: { institution: 'Dee College', course: 'Physics' } });
    const assignmentId = await uploadLab(dee);
    const feedback = await dee.post('/api/v1/feedback', { rating: 4, message: 'Dee liked it', assignmentId });
    expect(feedback.statusCode).toBe(201);
    expect(await t.app.labmate.blobs.list(`uploads/${userId}`)).not.toEqual([]);

    const keeper = new TestClient(t.app);
    await keeper.signUp('keeper@example.com');
    const keptAssignment = await uploadLab(keeper);

    const deleted = await dee.request('DELETE', '/api/v1/me', { body: { password: 'a sturdy passphrase' } });
    expect(deleted.statusCode).toBe(204);
    expect((await dee.get('/api/v1/me')).statusCode).toBe(401);
    expect((await otherDevice.get('/api/v1/me')).statusCode).toBe(401);

    const rows = await allRows(t.database.handle);
    expect(rows.filter(({ row }) => row.includes('dee@example.com') || row.includes('Dee'))).toEqual([]);
    const mentions = rows.filter(({ row }) => row.includes(userId) || row.includes(assignmentId));
    // Only the anonymous record that an account was deleted still names the old id.
    expect(mentions.map(({ table, row }) => [table, JSON.parse(row).event])).toEqual([['audit_log', 'account.delete']]);
    const keys = await t.app.labmate.blobs.list('');
    expect(keys.filter((key) => key.includes(userId))).toEqual([]);
    expect(keys.some((key) => key.includes(keptAssignment))).toBe(true);
    expect((await keeper.get(`/api/v1/assignments/${keptAssignment}`)).statusCode).toBe(200);
    expect((await new TestClient(t.app).signIn('dee@example.com')).statusCode).toBe(401);
  });

  it('keeps the only administrator from deleting themselves', async () => {
    await createUser(t.app.labmate.accounts, { email: 'root@example.com', role: 'admin', password: 'an admin passphrase', publicUrl: 'http://127.0.0.1' });
    const root = new TestClient(t.app);
    await root.signIn('root@example.com', 'an admin passphrase');
    const response = await root.request('DELETE', '/api/v1/me', { body: { password: 'an admin passphrase' } });
    expect(response.statusCode).toBe(409);
    expect((await root.get('/api/v1/me')).json().role).toBe('admin');
  });
});

describe('self-service password reset', () => {
  let smtp: Awaited<ReturnType<typeof startFakeSmtpServer>>;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startFakeSmtpServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url, SMTP_FROM: 'LabMate <noreply@labmate.test>' } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('mails a one-time link to an existing account and answers an unknown email alike', async () => {
    await new TestClient(t.app).signUp('ana@example.com');
    const anonymous = new TestClient(t.app);
    const unknown = await anonymous.post('/api/v1/me/password-reset', { email: 'nobody@example.com' });
    const delivered = smtp.nextMessage();
    const known = await anonymous.post('/api/v1/me/password-reset', { email: ' Ana@Example.com ' });
    expect([unknown.statusCode, known.statusCode]).toEqual([202, 202]);
    expect(unknown.json()).toEqual(known.json());

    const mail = await delivered;
    expect(smtp.messages).toHaveLength(1);
    expect(mail.to).toEqual(['<ana@example.com>']);
    const token = /set-password#token=([\w-]+)/.exec(mail.data)?.[1] ?? '';
    expect(token).not.toBe('');
    expect((await new TestClient(t.app).post('/api/v1/auth/password/set', { token, password: 'my fresh passphrase' })).statusCode).toBe(204);
    expect((await new TestClient(t.app).signIn('ana@example.com', 'my fresh passphrase')).statusCode).toBe(200);
    expect((await anonymous.post('/api/v1/me/password-reset', { email: 'x' })).statusCode).toBe(422);
  });

  it('is not offered when the server cannot send mail', async () => {
    const noMail = await createTestApp();
    try {
      expect((await new TestClient(noMail.app).post('/api/v1/me/password-reset', { email: 'ana@example.com' })).statusCode).toBe(404);
    } finally {
      await noMail.close();
    }
  });
});
