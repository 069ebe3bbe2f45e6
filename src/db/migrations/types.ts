import type { Kysely } from 'kysely';

export type MigrationDialect = 'sqlite' | 'postgres';

/** A migration whose column types may depend on the dialect (timestamps are timestamptz on PostgreSQL). */
export interface DialectMigration {
  up(db: Kysely<unknown>): Promise<void>;
  down(db: Kysely<unknown>): Promise<void>;
}
