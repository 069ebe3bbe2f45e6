import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { TestClient } from '../helpers/client.js';

interface Operation {
  summary?: string;
  security?: unknown[];
  responses?: Record<string, unknown>;
  requestBody?: unknown;
}

const UNSAFE = new Set(['post', 'put', 'patch', 'delete']);

function concrete(path: string): string {
  return path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
}

describe('the OpenAPI document', () => {
  let t: TestApp;
  let operations: Array<{ method: string; path: string; op: Operation }>;

  beforeAll(async () => {
    t = await createTestApp();
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      openapi: string;
      paths: Record<string, Record<string, Operation>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ method, path, op })),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the auth routes', () => {
    const paths = operations.map((o) => `${o.method.toUpperCase()} ${o.path}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'POST /api/v1/auth/signup',
        'POST /api/v1/auth/login',
        'POST /api/v1/auth/logout',
        'GET /api/v1/auth/me',
        'GET /api/v1/auth/sessions',
        'DELETE /api/v1/auth/sessions/{id}',
        'GET /api/v1/auth/csrf',
      ]),
    );
  });

  it('gives every operation a summary, a success response and its problem responses', () => {
    for (const { method, path, op } of operations) {
      const label = `${method} ${path}`;
      expect(op.summary, label).toBeTruthy();
      const statuses = Object.keys(op.responses ?? {});
      expect(statuses.some((s) => s.startsWith('2')), label).toBe(true);
      expect(statuses, label).toContain('500');
      if (op.security) expect(statuses, label).toContain('401');
    }
  });

  it('refuses the anonymous on every protected route with 401', async () => {
    const protectedOps = operations.filter((o) => o.op.security && o.op.security.length > 0);
    expect(protectedOps.length).toBeGreaterThan(0);
    for (const { method, path } of protectedOps) {
      // An anonymous caller with a valid pre-session CSRF token still gets 401 on a protected route.
      const client = new TestClient(t.app);
      const response = await client.request(method.toUpperCase() as 'GET', concrete(path), UNSAFE.has(method) ? { body: {} } : {});
      expect(response.statusCode, `${method} ${path}`).toBe(401);
    }
  });

  it('refuses every unsafe method without the CSRF token with 403, signed in or not', async () => {
    const signedIn = new TestClient(t.app);
    await signedIn.signUp('walker@example.com');
    for (const { method, path } of operations.filter((o) => UNSAFE.has(o.method))) {
      for (const client of [signedIn, new TestClient(t.app)]) {
        const response = await client.request(method.toUpperCase() as 'POST', concrete(path), { body: {}, csrf: false });
        expect(response.statusCode, `${method} ${path}`).toBe(403);
        expect(response.json().type).toBe('/problems/csrf');
      }
    }
  });
});
