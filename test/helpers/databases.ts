import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type Dialect } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

/** A migrated database for one test file, and how to throw it away. */
export interface TestDatabase {
  handle: DatabaseHandle;
  dataDir: string;
  dispose(): Promise<void>;
}

/** The dialects to run against: SQLite always, PostgreSQL when DATABASE_URL is set. */
export function testDialects(): Dialect[] {
  return process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** A fresh, migrated database: a SQLite file in a temp dir, or a private schema in the PostgreSQL of DATABASE_URL. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'labmate-test-'));
  if (dialect === 'sqlite') {
    const handle = openDatabase({ dataDir });
    await migrateToLatest(handle);
    return {
      handle,
      dataDir,
      dispose: async () => {
        await handle.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is needed for PostgreSQL tests');
  const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = openDatabase({ databaseUrl: url, dataDir, pgSchema: schema });
  await migrateToLatest(handle);
  return {
    handle,
    dataDir,
    dispose: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
