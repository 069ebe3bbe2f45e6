import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/helpers/app.js';
import { manualClock } from '../../../../../test/helpers/clock.js';
import { TestClient } from '../../../../../test/helpers/client.js';
import { testDialects } from '../../../../../test/helpers/databases.js';
import { auditRepository } from '../../../../db/repositories/audit.repository.js';

const SESSION_COOKIE = 'labmate_session';

describe.each(testDialects())('auth routes on %s', (dialect) => {
  let t: TestApp;
  const clock = manualClock();

  beforeAll(async () => {
    t = await createTestApp({ dialect, clock: clock.now });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses the anonymous with 401 on /me', async () => {
    const response = await new TestClient(t.app).get('/api/v1/auth/me');
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('signs up, sets only an HttpOnly session cookie, and lists the session', async () => {
    const client = new TestClient(t.app);
    const signup = await client.signUp('Ana@Example.com', 'correct horse battery', 'Ana Ñandú 李');
    expect(signup.statusCode).toBe(201);
    expect(signup.json().user).toMatchObject({ email: 'ana@example.com', name: 'Ana Ñandú 李', role: 'student' });
    const setCookie = String(signup.headers['set-cookie']);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(signup.body).not.toContain(client.cookie(SESSION_COOKIE));

    const sessions = await client.get('/api/v1/auth/sessions');
    expect(sessions.statusCode).toBe(200);
    expect(sessions.json().items).toHaveLength(1);
    expect(sessions.json().items[0].current).toBe(true);
  });

  it('refuses a duplicate email with 409, whatever its case', async () => {
    const client = new TestClient(t.app);
    await client.signUp('dup@example.com');
    const again = await new TestClient(t.app).signUp('DUP@example.com');
    expect(again.statusCode).toBe(409);
  });

  it('refuses a common password and a too-short one with field errors', async () => {
    const common = await new TestClient(t.app).signUp('weak@example.com', 'password123');
    expect(common.statusCode).toBe(422);
    expect(common.json().errors[0].field).toBe('password');
    const short = await new TestClient(t.app).signUp('short@example.com', 'abc');
    expect(short.statusCode).toBe(422);
  });

  it('rotates the token at sign-in and the old cookie stops working after sign-out', async () => {
    const client = new TestClient(t.app);
    await client.signUp('rotate@example.com');
    const firstToken = client.cookie(SESSION_COOKIE);
    const login = await client.signIn('rotate@example.com');
    expect(login.statusCode).toBe(200);
    const secondToken = client.cookie(SESSION_COOKIE);
    expect(secondToken).toBeDefined();
    expect(secondToken).not.toBe(firstToken);

    const stale = new TestClient(t.app);
    stale.setCookie(SESSION_COOKIE, firstToken ?? '');
    expect((await stale.get('/api/v1/auth/me')).statusCode).toBe(401);

    const noCsrf = await client.post('/api/v1/auth/logout', undefined, { csrf: false });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().type).toBe('/problems/csrf');

    const logout = await client.post('/api/v1/auth/logout');
    expect(logout.statusCode).toBe(204);
    const replay = new TestClient(t.app);
    replay.setCookie(SESSION_COOKIE, secondToken ?? '');
    expect((await replay.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('answers an unknown email and a wrong password alike', async () => {
    await new TestClient(t.app).signUp('alike@example.com');
    const wrong = await new TestClient(t.app, '10.0.0.2').signIn('alike@example.com', 'not the password');
    const unknown = await new TestClient(t.app, '10.0.0.2').signIn('nobody@example.com', 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
  });

  it('backs off after repeated failures but lets the owner in once the wait is over', async () => {
    const owner = new TestClient(t.app, '10.0.0.3');
    await owner.signUp('owner@example.com', 'the owner passphrase');
    const attacker = new TestClient(t.app, '10.0.0.4');
    let throttled = 0;
    for (let attempt = 0; attempt < 10; attempt++) {
      let response = await attacker.signIn('owner@example.com', `guess number ${attempt}`);
      while (response.statusCode === 429) {
        throttled++;
        expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
        clock.advance(Number(response.headers['retry-after']) * 1000);
        response = await attacker.signIn('owner@example.com', `guess number ${attempt}`);
      }
      expect(response.statusCode).toBe(401);
    }
    expect(throttled).toBeGreaterThan(0);

    const early = await owner.signIn('owner@example.com', 'the owner passphrase');
    expect(early.statusCode).toBe(429);
    clock.advance(Number(early.headers['retry-after']) * 1000);
    const late = await owner.signIn('owner@example.com', 'the owner passphrase');
    expect(late.statusCode).toBe(200);

    const events = await auditRepository(t.database.handle.db).list({ limit: 200, event: 'signin.backoff' });
    expect(events.length).toBeGreaterThan(0);
  });

  it('expires a session after 12 idle hours', async () => {
    const client = new TestClient(t.app);
    await client.signUp('idle@example.com');
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
    clock.advance(12 * 60 * 60_000 + 1000);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('expires a session 14 days after sign-in even when used', async () => {
    const client = new TestClient(t.app);
    await client.signUp('absolute@example.com');
    // Used every 8 hours, so it never idles out: 41 steps is 13 days and 16 hours.
    for (let step = 0; step < 41; step++) {
      clock.advance(8 * 60 * 60_000);
      expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
    }
    clock.advance(8 * 60 * 60_000);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('revokes another of my sessions, and treats another user session as 404', async () => {
    const laptop = new TestClient(t.app);
    await laptop.signUp('multi@example.com');
    const phone = new TestClient(t.app);
    await phone.signIn('multi@example.com');
    const list = (await laptop.get('/api/v1/auth/sessions')).json().items as Array<{ id: string; current: boolean }>;
    const phoneSession = list.find((s) => !s.current);
    expect(phoneSession).toBeDefined();

    const stranger = new TestClient(t.app);
    await stranger.signUp('stranger@example.com');
    const foreign = await stranger.request('DELETE', `/api/v1/auth/sessions/${phoneSession?.id}`);
    expect(foreign.statusCode).toBe(404);

    const revoke = await laptop.request('DELETE', `/api/v1/auth/sessions/${phoneSession?.id}`);
    expect(revoke.statusCode).toBe(204);
    expect((await phone.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await laptop.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('changes the password and ends my other sessions', async () => {
    const a = new TestClient(t.app);
    await a.signUp('change@example.com', 'first passphrase');
    const b = new TestClient(t.app);
    await b.signIn('change@example.com', 'first passphrase');
    const wrong = await a.post('/api/v1/auth/password', { currentPassword: 'nope nope', newPassword: 'second passphrase' });
    expect(wrong.statusCode).toBe(422);
    const change = await a.post('/api/v1/auth/password', { currentPassword: 'first passphrase', newPassword: 'second passphrase' });
    expect(change.statusCode).toBe(200);
    expect(change.json().revokedSessions).toBe(1);
    expect((await b.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await new TestClient(t.app).signIn('change@example.com', 'second passphrase')).statusCode).toBe(200);
  });

  it('records auth events with address and user agent', async () => {
    const client = new TestClient(t.app, '192.0.2.10');
    await client.request('POST', '/api/v1/auth/signup', {
      body: { email: 'audited@example.com', name: 'Audited', password: 'a sturdy passphrase' },
      headers: { 'user-agent': 'AuditAgent/1.0' },
    });
    const events = await auditRepository(t.database.handle.db).list({ limit: 500 });
    const signup = events.find((e) => e.event === 'signup' && e.ip === '192.0.2.10');
    expect(signup?.user_agent).toBe('AuditAgent/1.0');
    expect(signup?.user_id).toBeTruthy();
  });
});
