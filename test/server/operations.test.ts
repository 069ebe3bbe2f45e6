import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { TestClient } from '../helpers/client.js';

describe('operations endpoints', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ redis: true });
  });
  afterAll(async () => {
    await t.close();
  });

  it('reports liveness at /healthz', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('reports every dependency at /readyz', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json().checks.database).toEqual({ ok: true });
    expect(response.json().checks.storage).toEqual({ ok: true });
    expect(response.json().checks.sandbox).toEqual({ ok: true });
    if (t.redis) expect(response.json().checks.redis).toEqual({ ok: true });
  });

  it('exposes HTTP histograms by route and status and process metrics', async () => {
    await new TestClient(t.app).get('/api/v1/auth/me');
    const response = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('labmate_http_request_duration_seconds_bucket{');
    expect(response.body).toMatch(/route="\/api\/v1\/auth\/me",status="401"/);
    expect(response.body).toContain('labmate_process_cpu_user_seconds_total');
    expect(response.body).toMatch(/labmate_jobs\{status="queued"\} \d+/);
    expect(response.body).toContain('labmate_sandbox_duration_seconds');
  });
});

describe('capabilities', () => {
  it('tells the web app what this server can do', async () => {
    const t = await createTestApp();
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/capabilities' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ ai: false, languages: ['python', 'c', 'cpp', 'java', 'javascript'] });
    expect(typeof response.json().pdf).toBe('boolean');
    await t.close();
  });
});

describe('readiness when a dependency fails', () => {
  it('answers 503 naming the failed dependency', async () => {
    const t = await createTestApp();
    await t.database.handle.close();
    const response = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json().status).toBe('unavailable');
    expect(response.json().checks.database.ok).toBe(false);
    await t.app.close();
  });
});
