import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/db/database.js';

/** Every row of every table in the database (the test's own schema on PostgreSQL), as JSON text per table. */
export async function allRows(handle: DatabaseHandle): Promise<Array<{ table: string; row: string }>> {
  const tables =
    handle.dialect === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(handle.db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(handle.db);
  const rows: Array<{ table: string; row: string }> = [];
  for (const { name } of tables.rows) {
    const result = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(handle.db);
    for (const row of result.rows) rows.push({ table: name, row: JSON.stringify(row) });
  }
  return rows;
}
