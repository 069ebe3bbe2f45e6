import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { buildApp } from '../../src/server/app.js';
import { loggerOptions } from '../../src/server/logger.js';
import { TEST_SECRET } from '../helpers/app.js';
import { TestClient } from '../helpers/client.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import type { FastifyInstance } from 'fastify';

describe('request logs', () => {
  const lines: string[] = [];
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    const config = loadConfig({ NODE_ENV: 'test', LABMATE_SECRET: TEST_SECRET, LABMATE_DATA_DIR: database.dataDir });
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    app = await buildApp({ config, database: database.handle, logger: pino(loggerOptions('info'), sink) });
  });
  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  it('write one JSON line per request with request id, user, route, status and duration', async () => {
    const client = new TestClient(app);
    await client.signUp('logged@example.com', 'a secret passphrase');
    const me = await client.get('/api/v1/auth/me');
    const entry = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.requestId === me.headers['x-request-id']);
    expect(entry).toMatchObject({ msg: 'request', method: 'GET', route: '/api/v1/auth/me', status: 200, userId: me.json().user.id });
    expect(typeof entry?.durationMs).toBe('number');
  });

  it('never contain passwords, cookies or tokens', async () => {
    const client = new TestClient(app);
    await client.signUp('secretive@example.com', 'hunter two passphrase');
    await client.signIn('secretive@example.com', 'wrong passphrase here');
    const token = client.cookie('labmate_session') ?? 'unset';
    app.log.info({ req: { headers: { cookie: `labmate_session=${token}`, authorization: 'Bearer abc' } }, password: 'hunter two passphrase' }, 'probe');
    const all = lines.join('\n');
    expect(all).toContain('probe');
    expect(all).not.toContain('hunter two passphrase');
    expect(all).not.toContain(token);
    expect(all).not.toContain('Bearer abc');
    expect(all).not.toContain(client.csrfToken ?? 'unset');
  });
});
