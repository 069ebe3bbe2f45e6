import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../../accounts/create-user.js';
import { signUp } from '../../../../accounts/sign-up.js';
import { buildDocx } from '../../../../../test/fixtures/docx-builder.js';
import { createTestApp, type TestApp } from '../../../../../test/helpers/app.js';
import { TestClient } from '../../../../../test/helpers/client.js';
import { testDialects } from '../../../../../test/helpers/databases.js';

const NO_SUCH = '00000000-0000-4000-8000-000000000000';

interface Operation {
  security?: unknown[];
}

describe.each(testDialects())('the admin API on %s', (dialect) => {
  let t: TestApp;
  let root: TestClient;
  let rootId: string;
  let ana: TestClient;
  let anaId: string;

  beforeAll(async () => {
    t = await createTestApp({
      dialect,
      env: { LABMATE_RUNS_PER_HOUR: '45', LABMATE_MAX_ACTIVE_RUNS: '3', LABMATE_STORAGE_MB: '2048' },
    });
    rootId = (
      await createUser(t.app.labmate.accounts, { email: 'root@example.com', name: 'Root', role: 'admin', password: 'an admin passphrase', publicUrl: 'http://127.0.0.1' })
    ).userId;
    root = new TestClient(t.app);
    expect((await root.signIn('root@example.com', 'an admin passphrase')).statusCode).toBe(200);
    ana = new TestClient(t.app);
    anaId = (await ana.signUp('ana@example.com', 'a sturdy passphrase', 'Ana Souza')).json().user.id as string;
    for (const [email, name] of [
      ['bea@example.com', 'Beatriz'],
      ['carl@uni.example', 'Carl 100%_sure'],
      ['dan@example.com', 'Dan'],
    ] as const) {
      await new TestClient(t.app).signUp(email, 'a sturdy passphrase', name);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a student on every admin route with 403, and the anonymous with 401', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { paths: Record<string, Record<string, Operation>> };
    const adminOps = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/v1/admin/'))
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase() as 'GET', path })));
    expect(adminOps.length).toBeGreaterThanOrEqual(15);
    for (const { method, path } of adminOps) {
      const url = path.replace(/\{[^}]+\}/g, anaId);
      const body = method === 'GET' ? {} : { body: {} };
      expect((await ana.request(method, url, body)).statusCode, `${method} ${path}`).toBe(403);
      expect((await new TestClient(t.app).request(method, url, body)).statusCode, `${method} ${path}`).toBe(401);
    }
  });

  it('counts users, sessions, uploads, feedback and invites in the overview', async () => {
    await ana.post('/api/v1/feedback', { rating: 4, message: 'nice' });
    await ana.post('/api/v1/feedback', { rating: 5, message: 'very nice' });
    const overview = await root.get('/api/v1/admin/overview');
    expect(overview.statusCode).toBe(200);
    expect(overview.json()).toMatchObject({
      users: { total: 5, admins: 1, disabled: 0, newLast7Days: 5 },
      activeSessions: 5,
      assignments: 0,
      storageBytes: 0,
      feedback: { total: 2, averageRating: 4.5 },
    });
  });

  it('searches users by email or name (wildcards literal), sorts and pages them with a cursor', async () => {
    const byEmail = (await root.get('/api/v1/admin/users?q=UNI.EXAMPLE')).json();
    expect(byEmail.items.map((u: { email: string }) => u.email)).toEqual(['carl@uni.example']);
    const byName = (await root.get('/api/v1/admin/users?q=souza')).json();
    expect(byName.items.map((u: { id: string }) => u.id)).toEqual([anaId]);
    expect(Date.parse(byName.items[0].lastSeenAt)).toBeGreaterThan(Date.now() - 600_000);
    expect((await root.get('/api/v1/admin/users?q=100%25_')).json().items).toHaveLength(1);
    expect((await root.get('/api/v1/admin/users?q=%25')).json().items).toHaveLength(1);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/admin/users?sort=email&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await root.get(url)).json() as { items: Array<{ email: string }>; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((u) => u.email));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['ana@example.com', 'bea@example.com', 'carl@uni.example', 'dan@example.com', 'root@example.com']);

    const newest = (await root.get('/api/v1/admin/users?limit=1')).json();
    expect(newest.items[0].email).toBe('dan@example.com');
    const wrongSort = await root.get(`/api/v1/admin/users?sort=name&cursor=${newest.nextCursor}`);
    expect(wrongSort.statusCode).toBe(422);
    expect((await root.get('/api/v1/admin/users?cursor=garbage')).json().errors[0].field).toBe('cursor');
    expect((await root.get('/api/v1/admin/users?sort=password')).statusCode).toBe(422);
    expect((await root.get('/api/v1/admin/users?limit=1000')).statusCode).toBe(422);
  });

  it('disables a user, refusing their live sessions at once, and enables them again', async () => {
    const eve = new TestClient(t.app);
    const eveId = (await eve.signUp('eve@example.com')).json().user.id as string;
    const eveElsewhere = new TestClient(t.app);
    await eveElsewhere.signIn('eve@example.com');
    expect((await eve.get('/api/v1/me')).statusCode).toBe(200);

    const disabled = await root.request('PATCH', `/api/v1/admin/users/${eveId}`, { body: { disabled: true } });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toMatchObject({ disabled: true, revokedSessions: 2 });
    expect((await eve.get('/api/v1/me')).statusCode).toBe(401);
    expect((await eveElsewhere.get('/api/v1/assignments')).statusCode).toBe(401);
    expect((await new TestClient(t.app).signIn('eve@example.com')).statusCode).not.toBe(200);

    const enabled = await root.request('PATCH', `/api/v1/admin/users/${eveId}`, { body: { disabled: false } });
    expect(enabled.json()).toMatchObject({ disabled: false, disabledAt: null });
    expect((await new TestClient(t.app).signIn('eve@example.com')).statusCode).toBe(200);

    const events = (await root.get(`/api/v1/admin/audit?userId=${eveId}`)).json().items as Array<{ event: string; actorId: string; userEmail: string; actorEmail: string }>;
    const adminEvents = events.filter((e) => e.event.startsWith('user.'));
    expect(adminEvents.map((e) => [e.event, e.actorId, e.userEmail, e.actorEmail])).toEqual([
      ['user.enable', rootId, 'eve@example.com', 'root@example.com'],
      ['user.disable', rootId, 'eve@example.com', 'root@example.com'],
    ]);
  });

  it('changes a role, but never lets an administrator disable or demote themselves', async () => {
    const promoted = await root.request('PATCH', `/api/v1/admin/users/${anaId}`, { body: { role: 'admin' } });
    expect(promoted.json().role).toBe('admin');
    expect((await ana.get('/api/v1/admin/overview')).statusCode).toBe(200);
    await root.request('PATCH', `/api/v1/admin/users/${anaId}`, { body: { role: 'student' } });
    expect((await ana.get('/api/v1/admin/overview')).statusCode).toBe(403);

    expect((await root.request('PATCH', `/api/v1/admin/users/${rootId}`, { body: { disabled: true } })).statusCode).toBe(409);
    expect((await root.request('PATCH', `/api/v1/admin/users/${rootId}`, { body: { role: 'student' } })).statusCode).toBe(409);
    expect((await root.request('PATCH', `/api/v1/admin/users/${anaId}`, { body: {} })).statusCode).toBe(422);
    expect((await root.request('PATCH', `/api/v1/admin/users/${anaId}`, { body: { role: 'owner' } })).statusCode).toBe(422);
    expect((await root.request('PATCH', `/api/v1/admin/users/${NO_SUCH}`, { body: { disabled: true } })).statusCode).toBe(404);
    const change = (await root.get(`/api/v1/admin/audit?event=role.change&userId=${anaId}`)).json().items[0];
    expect(change).toMatchObject({ actorId: rootId, details: { from: 'admin', to: 'student' } });
  });

  it("shows a user's usage and detail", async () => {
    expect((await root.get(`/api/v1/admin/users/${anaId}/usage`)).json()).toEqual({ uploads: 0, storageBytes: 0, runs: 0, reports: 0, aiTokens: 0 });
    const docx = await buildDocx([{ text: 'Q1. Explain recursion.' }]);
    expect((await ana.upload('lab.docx', docx)).statusCode).toBe(201);
    const usage = await root.get(`/api/v1/admin/users/${anaId}/usage`);
    expect(usage.json()).toEqual({ uploads: 1, storageBytes: docx.length, runs: 0, reports: 0, aiTokens: 0 });
    const detail = await root.get(`/api/v1/admin/users/${anaId}`);
    expect(detail.json()).toMatchObject({ email: 'ana@example.com', plan: null, planLimits: null, usage: { uploads: 1 } });
    expect((await root.get('/api/v1/admin/overview')).json()).toMatchObject({ assignments: 1, storageBytes: docx.length });
    expect((await root.get(`/api/v1/admin/users/${NO_SUCH}/usage`)).statusCode).toBe(404);
  });

  it('creates, lists and revokes invites; a revoked code signs no one up', async () => {
    const created = await root.post('/api/v1/admin/invites', { maxUses: 2, expiresInDays: 7, note: 'Lab group B' });
    expect(created.statusCode).toBe(201);
    const invite = created.json();
    expect(invite).toMatchObject({ maxUses: 2, useCount: 0, status: 'open', note: 'Lab group B', revokedAt: null });
    const spare = (await root.post('/api/v1/admin/invites', {})).json();
    expect(spare.maxUses).toBe(1);

    const listed = (await root.get('/api/v1/admin/invites?limit=1')).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toEqual([spare.id]);
    const second = (await root.get(`/api/v1/admin/invites?limit=1&cursor=${listed.nextCursor}`)).json();
    expect(second.items.map((i: { id: string }) => i.id)).toEqual([invite.id]);

    expect((await root.request('DELETE', `/api/v1/admin/invites/${invite.id}`)).statusCode).toBe(204);
    expect((await root.request('DELETE', `/api/v1/admin/invites/${invite.id}`)).statusCode).toBe(404);
    const after = (await root.get('/api/v1/admin/invites')).json().items.find((i: { id: string }) => i.id === invite.id);
    expect(after.status).toBe('revoked');

    // The server under test signs up openly; the invite policy is checked through the sign-up use case itself.
    const kept = (await root.post('/api/v1/admin/invites', {})).json();
    const signUpWith = (inviteCode: string) =>
      signUp(t.app.labmate.accounts, { mode: 'invite', betaKey: undefined }, {
        email: `${inviteCode.toLowerCase()}@example.com`,
        name: 'Invited',
        password: 'a sturdy passphrase',
        inviteCode,
        client: { ip: '127.0.0.1' },
      });
    await expect(signUpWith(invite.code)).rejects.toMatchObject({ status: 422, extra: { errors: [{ field: 'inviteCode' }] } });
    await expect(signUpWith(kept.code)).resolves.toMatchObject({ role: 'student' });

    for (const body of [{ maxUses: 0 }, { expiresInDays: 400 }, { note: 'x'.repeat(201) }]) {
      expect((await root.post('/api/v1/admin/invites', body)).statusCode, JSON.stringify(body)).toBe(422);
    }
    const events = (await root.get('/api/v1/admin/audit?event=invite.revoke')).json().items;
    expect(events[0]).toMatchObject({ actorId: rootId, details: { inviteId: invite.id } });
    expect(JSON.stringify((await root.get('/api/v1/admin/audit?event=invite.create')).json())).not.toContain(invite.code);
  });

  it('stores named plans, assigns them and shows the limits per user', async () => {
    const limits = { runsPerHour: 30, concurrentRuns: 2, storageMb: 500, aiTokensPerDay: 200_000 };
    const created = await root.post('/api/v1/admin/plans', { name: 'Course CS101', ...limits });
    expect(created.statusCode).toBe(201);
    const plan = created.json();
    expect(plan).toMatchObject({ name: 'Course CS101', ...limits });
    expect((await root.post('/api/v1/admin/plans', { name: 'Course CS101', ...limits })).statusCode).toBe(409);
    expect((await root.post('/api/v1/admin/plans', { name: 'Half', ...limits, concurrentRuns: -1 })).statusCode).toBe(422);
    expect((await root.post('/api/v1/admin/plans', { name: 'Partial', runsPerHour: 1 })).statusCode).toBe(422);

    const updated = await root.request('PATCH', `/api/v1/admin/plans/${plan.id}`, { body: { storageMb: 750 } });
    expect(updated.json()).toMatchObject({ storageMb: 750, runsPerHour: 30 });
    expect((await root.request('PATCH', `/api/v1/admin/plans/${NO_SUCH}`, { body: { storageMb: 1 } })).statusCode).toBe(404);

    expect((await root.request('PUT', `/api/v1/admin/users/${anaId}/plan`, { body: { planId: plan.id } })).statusCode).toBe(204);
    expect((await root.request('PUT', `/api/v1/admin/users/${anaId}/plan`, { body: { planId: NO_SUCH } })).statusCode).toBe(404);
    const detail = (await root.get(`/api/v1/admin/users/${anaId}`)).json();
    expect(detail).toMatchObject({ plan: 'Course CS101', planLimits: { storageMb: 750, concurrentRuns: 2 } });
    const listed = (await root.get('/api/v1/admin/plans')).json();
    expect(listed.items).toEqual([expect.objectContaining({ id: plan.id, userCount: 1 })]);
    // Without an AI model there is no token allowance to show.
    expect(listed.defaults).toEqual({ runsPerHour: 45, concurrentRuns: 3, storageMb: 2048, aiTokensPerDay: null });

    expect((await root.request('DELETE', `/api/v1/admin/plans/${plan.id}`)).statusCode).toBe(204);
    expect((await root.get(`/api/v1/admin/users/${anaId}`)).json()).toMatchObject({ plan: null, planLimits: null });
    const events = (await root.get('/api/v1/admin/audit?limit=100')).json().items.map((e: { event: string }) => e.event);
    expect(events).toEqual(expect.arrayContaining(['plan.create', 'plan.update', 'plan.assign', 'plan.delete']));
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await root.get(`/api/v1/admin/audit?limit=3${cursor ? `&cursor=${cursor}` : ''}`)).json() as { items: Array<{ id: string }>; nextCursor: string | null };
      ids.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = ((await root.get('/api/v1/admin/audit?limit=100')).json().items as Array<{ id: string }>).map((item) => item.id);
    expect(ids.length).toBeGreaterThan(3);
    expect(ids).toEqual(all);
  });

  it('issues an audited one-time password link that sets a new password once', async () => {
    const issued = await root.post(`/api/v1/admin/users/${anaId}/password-reset`);
    expect(issued.statusCode).toBe(201);
    const { link, expiresAt } = issued.json();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:3000\/set-password#token=/);
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
    const token = new URL(link).hash.replace('#token=', '');
    const set = await new TestClient(t.app).post('/api/v1/auth/password/set', { token, password: 'a brand new passphrase' });
    expect(set.statusCode).toBe(204);
    expect((await new TestClient(t.app).signIn('ana@example.com', 'a brand new passphrase')).statusCode).toBe(200);
    expect((await new TestClient(t.app).post('/api/v1/auth/password/set', { token, password: 'yet another passphrase' })).statusCode).toBe(410);
    const event = (await root.get(`/api/v1/admin/audit?event=password.reset-link`)).json().items[0];
    expect(event).toMatchObject({ userId: anaId, actorId: rootId });
    expect(JSON.stringify(event)).not.toContain(token);
    expect((await root.post(`/api/v1/admin/users/${NO_SUCH}/password-reset`)).statusCode).toBe(404);
  });

  it('lists feedback newest first with a cursor', async () => {
    const first = (await root.get('/api/v1/admin/feedback?limit=1')).json();
    expect(first.items).toEqual([expect.objectContaining({ email: 'ana@example.com', rating: 5, message: 'very nice' })]);
    const second = (await root.get(`/api/v1/admin/feedback?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((f: { rating: number }) => f.rating)).toEqual([4]);
    expect(second.nextCursor).toBeNull();
  });

  it('filters the audit log by time range and pages it without gaps or repeats', async () => {
    const all = (await root.get('/api/v1/admin/audit?limit=100')).json().items as Array<{ id: string; occurredAt: string }>;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await root.get(`/api/v1/admin/audit?limit=7${cursor ? `&cursor=${cursor}` : ''}`)).json() as { items: Array<{ id: string }>; nextCursor: string | null };
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((e) => e.id));

    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect((await root.get(`/api/v1/admin/audit?from=${future}`)).json().items).toEqual([]);
    const oldest = all[all.length - 1]!.occurredAt;
    expect((await root.get(`/api/v1/admin/audit?to=${oldest}`)).json().items).toEqual([]);
    expect((await root.get(`/api/v1/admin/audit?from=${future}&to=${oldest}`)).statusCode).toBe(422);
    expect((await root.get('/api/v1/admin/audit?event=made.up')).statusCode).toBe(422);
    expect((await root.get('/api/v1/admin/audit?from=yesterday')).statusCode).toBe(422);
  });
});
