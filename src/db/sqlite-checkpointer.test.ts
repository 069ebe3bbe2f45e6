import SqliteDatabase from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { until } from '../../test/helpers/until.js';
import { checkpointInBackground } from './sqlite-checkpointer.js';

let dir: string;
let file: string;
let connection: SqliteDatabase.Database;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'labmate-checkpoint-'));
  file = path.join(dir, 'db.sqlite');
  connection = new SqliteDatabase(file);
  connection.pragma('journal_mode = WAL');
  connection.exec('create table notes (body text not null)');
});

afterEach(() => {
  connection.close();
  rmSync(dir, { recursive: true, force: true });
});

function writeRows(count: number): void {
  const insert = connection.prepare('insert into notes (body) values (?)');
  for (let i = 0; i < count; i++) insert.run('x'.repeat(1000));
}

const autocheckpoint = () => connection.pragma('wal_autocheckpoint', { simple: true });

describe('checkpointInBackground', () => {
  it('stops the connection checkpointing in its commits and copies the WAL into the database file from its thread', async () => {
    const checkpointer = checkpointInBackground(connection, file);
    expect(await checkpointer.started).toBe(true);
    expect(autocheckpoint()).toBe(0);
    const before = statSync(file).size;
    // Twice the WAL size at which a connection would checkpoint by itself.
    writeRows(8_000);
    await until(() => statSync(file).size > before + 4_000_000);
    await checkpointer.stop();
    expect(autocheckpoint()).toBe(0);
    expect(connection.prepare('select count(*) as n from notes').get()).toEqual({ n: 8_000 });
  });

  it('leaves the checkpoints to the connection when its thread cannot open the database', async () => {
    const checkpointer = checkpointInBackground(connection, path.join(dir, 'missing.sqlite'));
    expect(await checkpointer.started).toBe(false);
    expect(autocheckpoint()).toBe(1_000);
    await checkpointer.stop();
  });

  it('hands the checkpoints back to the connection if its thread ends before it is stopped', async () => {
    const checkpointer = checkpointInBackground(connection, file);
    expect(await checkpointer.started).toBe(true);
    rmSync(file);
    // With its file gone, the thread's next checkpoint fails and the thread ends.
    await until(() => autocheckpoint() === 1_000, 10_000);
    await checkpointer.stop();
  });
});
