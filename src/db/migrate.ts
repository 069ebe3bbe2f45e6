import { Migrator, type MigrationResultSet } from 'kysely';
import type { DatabaseHandle } from './database.js';
import { allMigrations } from './migrations/index.js';

/** Applies every pending migration; throws with the failing migration's name when one fails. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  const migrations = allMigrations(handle.dialect);
  const migrator = new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => migrations },
    // Migrations written in parallel may land out of name order; each is applied once whatever the order.
    allowUnorderedMigrations: true,
    // Kysely looks for its own tables in every schema unless told which: another schema's copy must not count.
    ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  const failed = result.results?.find((r) => r.status === 'Error');
  if (result.error || failed) {
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
