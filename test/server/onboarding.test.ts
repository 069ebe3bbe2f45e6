import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvite } from '../../src/accounts/create-invite.js';
import { createUser } from '../../src/accounts/create-user.js';
import { adminSetupLinkIfNeeded } from '../../src/accounts/one-time-links.js';
import { systemClock } from '../../src/clock.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { TestClient } from '../helpers/client.js';
import { testDialects } from '../helpers/databases.js';

function tokenOf(link: string): string {
  return new URL(link).hash.replace('#token=', '');
}

describe.each(testDialects())('onboarding on %s', (dialect) => {
  describe('first administrator and password links', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ dialect });
    });
    afterAll(async () => {
      await t.close();
    });

    it('creates the first admin from the one-time set-up link, once', async () => {
      const deps = { db: t.database.handle.db, clock: systemClock };
      const link = await adminSetupLinkIfNeeded(deps, 'http://127.0.0.1:3000');
      expect(link).toMatch(/^http:\/\/127\.0\.0\.1:3000\/setup#token=/);
      const page = await t.app.inject({ method: 'GET', url: '/setup' });
      expect(page.statusCode).toBe(200);
      const token = tokenOf(link ?? '');
      const client = new TestClient(t.app);
      const setup = await client.post('/api/v1/auth/setup', { token, email: 'root@example.com', name: 'Root', password: 'an admin passphrase' });
      expect(setup.statusCode).toBe(201);
      expect(setup.json().user.role).toBe('admin');
      expect((await client.get('/api/v1/auth/me')).json().user.role).toBe('admin');
      const again = await new TestClient(t.app).post('/api/v1/auth/setup', { token, email: 'x@example.com', name: 'X', password: 'an admin passphrase' });
      expect(again.statusCode).toBe(410);
      expect(await adminSetupLinkIfNeeded(deps, 'http://127.0.0.1:3000')).toBeUndefined();
    });

    it('lets a CLI-created user set a password from the link and sign in', async () => {
      const deps = { db: t.database.handle.db, clock: systemClock };
      const created = await createUser(deps, { email: 'ta@example.com', role: 'student', publicUrl: 'http://127.0.0.1:3000' });
      expect(created.setPasswordLink).toContain('/set-password#token=');
      expect((await new TestClient(t.app).signIn('ta@example.com', 'anything at all')).statusCode).toBe(401);
      const set = await new TestClient(t.app).post('/api/v1/auth/password/set', {
        token: tokenOf(created.setPasswordLink ?? ''),
        password: 'teaching assistant pass',
      });
      expect(set.statusCode).toBe(204);
      expect((await new TestClient(t.app).signIn('ta@example.com', 'teaching assistant pass')).statusCode).toBe(200);
    });
  });

  describe('invite-only sign-up', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ dialect, env: { LABMATE_SIGNUP: 'invite' } });
    });
    afterAll(async () => {
      await t.close();
    });

    it('needs a valid invite and never lets a code be used more than allowed, even at once', async () => {
      const none = await new TestClient(t.app).signUp('noinvite@example.com');
      expect(none.statusCode).toBe(422);
      const deps = { db: t.database.handle.db, clock: systemClock };
      const { code } = await createInvite(deps, { maxUses: 2 });
      const attempts = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          new TestClient(t.app).post('/api/v1/auth/signup', {
            email: `race${i}@example.com`,
            name: `Racer ${i}`,
            password: 'a sturdy passphrase',
            inviteCode: code,
          }),
        ),
      );
      const statuses = attempts.map((r) => r.statusCode).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(2);
      expect(statuses.filter((s) => s === 422)).toHaveLength(3);
    });

    it('refuses an expired invite', async () => {
      const start = new Date('2020-01-01T00:00:00Z');
      const { code } = await createInvite({ db: t.database.handle.db, clock: () => start }, { maxUses: 1, expiresInDays: 1 });
      const response = await new TestClient(t.app).post('/api/v1/auth/signup', {
        email: 'late@example.com',
        name: 'Late',
        password: 'a sturdy passphrase',
        inviteCode: code,
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().errors[0].field).toBe('inviteCode');
    });
  });

  describe('closed sign-up and the beta key', () => {
    it('refuses every sign-up when closed', async () => {
      const t = await createTestApp({ dialect, env: { LABMATE_SIGNUP: 'closed' } });
      const response = await new TestClient(t.app).signUp('closed@example.com');
      expect(response.statusCode).toBe(403);
      expect(response.json().type).toBe('/problems/signup-closed');
      await t.close();
    });

    it('needs the shared beta key when one is set', async () => {
      const t = await createTestApp({ dialect, env: { LABMATE_BETA_KEY: 'early-bird-key' } });
      expect((await new TestClient(t.app).get('/api/v1/auth/signup-mode')).json()).toEqual({ mode: 'open', betaKeyRequired: true });
      expect((await new TestClient(t.app).signUp('beta@example.com')).statusCode).toBe(403);
      const ok = await new TestClient(t.app).post('/api/v1/auth/signup', {
        email: 'beta@example.com',
        name: 'Beta',
        password: 'a sturdy passphrase',
        betaKey: 'early-bird-key',
      });
      expect(ok.statusCode).toBe(201);
      await t.close();
    });
  });
});
