import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/config.js';
import { buildApp } from '../../src/server/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { TEST_SECRET } from '../helpers/app.js';
import type { FastifyInstance } from 'fastify';

describe('serving the built web app', () => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    const web = mkdtempSync(path.join(tmpdir(), 'labmate-web-'));
    mkdirSync(path.join(web, 'assets'));
    writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>LabMate app</title>');
    writeFileSync(path.join(web, 'assets', 'index-3f9a1c2bD.js'), 'console.log(1)');
    writeFileSync(path.join(web, 'assets', 'index-B3-xy_9Zq.css'), 'body{}');
    database = await createTestDatabase('sqlite');
    const config = loadConfig({ NODE_ENV: 'test', LABMATE_SECRET: TEST_SECRET, LABMATE_DATA_DIR: database.dataDir });
    app = await buildApp({ config, database: database.handle, logger: pino({ level: 'silent' }), webRoot: web });
  });
  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  it('marks hashed assets immutable, dashes in the hash included', async () => {
    for (const url of ['/assets/index-3f9a1c2bD.js', '/assets/index-B3-xy_9Zq.css']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('answers client-side routes with index.html, revalidated', async () => {
    const response = await app.inject({ method: 'GET', url: '/assignments/42' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('LabMate app');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('keeps unknown API routes a 404 problem', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect((await app.inject({ method: 'PUT', url: '/api/v1/nothing-here', headers: { 'x-csrf-token': 'x' } })).statusCode).toBe(404);
  });
});
