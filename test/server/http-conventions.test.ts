import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { TestClient } from '../helpers/client.js';

describe('HTTP conventions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { LABMATE_CORS_ORIGINS: 'https://partner.example' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/does-not-exist' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ type: '/problems/not-found', status: 404 });
  });

  it('answers a wrong method with 405 and an Allow header', async () => {
    const response = await t.app.inject({ method: 'PATCH', url: '/api/v1/auth/me' });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('GET');
  });

  it('answers a too-large body with 413', async () => {
    const client = new TestClient(t.app);
    const response = await client.post('/api/v1/auth/login', { email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) });
    expect(response.statusCode).toBe(413);
    expect(response.json().type).toBe('/problems/payload-too-large');
  });

  it('answers a plain-text body with 415', async () => {
    const client = new TestClient(t.app);
    const response = await client.request('POST', '/api/v1/auth/login', { body: 'hello', headers: { 'content-type': 'text/plain' } });
    expect(response.statusCode).toBe(415);
    expect(response.json().detail).toContain('text/plain');
  });

  it('answers malformed JSON with 400', async () => {
    const client = new TestClient(t.app);
    const response = await client.request('POST', '/api/v1/auth/login', { body: '{"email":', headers: { 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('hides internal details of a 500 behind the request id', async () => {
    const broken = await createTestApp();
    const client = new TestClient(broken.app);
    await client.signUp('crash@example.com');
    await broken.database.handle.close();
    const response = await client.get('/api/v1/auth/me');
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ type: '/problems/internal', detail: 'Something went wrong on our side.' });
    expect(response.body).not.toMatch(/destroyed|sqlite|kysely|at \//i);
    expect(response.json().requestId).toBe(response.headers['x-request-id']);
    await broken.app.close();
  });

  it('adopts a well-formed X-Request-Id and replaces a malformed one', async () => {
    const good = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'trace-12345678' } });
    expect(good.headers['x-request-id']).toBe('trace-12345678');
    const bad = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'bad id\r\nwith junk' } });
    expect(bad.headers['x-request-id']).not.toContain('junk');
    expect(String(bad.headers['x-request-id'])).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers and no-store on the API', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/auth/csrf' });
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('allows CORS only for configured origins', async () => {
    const allowed = await t.app.inject({ method: 'OPTIONS', url: '/api/v1/auth/me', headers: { origin: 'https://partner.example', 'access-control-request-method': 'GET' } });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://partner.example');
    const other = await t.app.inject({ method: 'OPTIONS', url: '/api/v1/auth/me', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses an unsafe request from a foreign origin even with a token', async () => {
    const client = new TestClient(t.app);
    await client.signUp('origin@example.com');
    const response = await client.request('POST', '/api/v1/auth/logout', { headers: { origin: 'https://evil.example' } });
    expect(response.statusCode).toBe(403);
    const crossSite = await client.request('POST', '/api/v1/auth/logout', { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.statusCode).toBe(403);
  });

  it('compresses large responses when asked', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json', headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers['content-encoding']).toBe('gzip');
  });

  it('serves the API docs page', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });
});
