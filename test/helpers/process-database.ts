import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type Dialect } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

/** A database and data directory that `labmate` child processes reach through their environment alone. */
export interface ProcessDatabase {
  handle: DatabaseHandle;
  dataDir: string;
  /** LABMATE_DATA_DIR, and DATABASE_URL on PostgreSQL, for a child process. */
  env: Record<string, string>;
  dispose(): Promise<void>;
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated database for tests and benchmarks that start `labmate` processes: SQLite in a temp dir, or on
 * PostgreSQL a whole throwaway database (a child process cannot be pointed at a test schema, only at a database).
 */
export async function createProcessDatabase(dialect: Dialect): Promise<ProcessDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'labmate-proc-'));
  const baseUrl = process.env.DATABASE_URL;
  if (dialect === 'postgres' && !baseUrl) throw new Error('DATABASE_URL is needed for PostgreSQL tests');
  const name = `lm_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  let url: string | undefined;
  if (dialect === 'postgres' && baseUrl) {
    await admin(baseUrl, `create database ${name}`);
    const parsed = new URL(baseUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
  }
  const handle = openDatabase({ databaseUrl: url, dataDir });
  await migrateToLatest(handle);
  return {
    handle,
    dataDir,
    env: { LABMATE_DATA_DIR: dataDir, ...(url ? { DATABASE_URL: url } : {}) },
    dispose: async () => {
      await handle.close();
      if (baseUrl && url) await admin(baseUrl, `drop database ${name} with (force)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
