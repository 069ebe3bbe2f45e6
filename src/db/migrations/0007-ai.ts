import { sql, type Kysely } from 'kysely';
import type { MigrationDialect } from './types.js';

/** AI answers kept so the same request is never paid twice, and tokens and cost per user, feature and UTC day. */
export function aiMigration(dialect: MigrationDialect) {
  const ts = dialect === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('ai_cache')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('model', 'text', (c) => c.notNull())
        .addColumn('feature', 'text', (c) => c.notNull())
        .addColumn('response', 'text', (c) => c.notNull())
        .addColumn('prompt_tokens', 'integer', (c) => c.notNull())
        .addColumn('completion_tokens', 'integer', (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('ai_cache_created_idx').on('ai_cache').column('created_at').execute();
      await db.schema
        .createTable('ai_usage')
        .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
        .addColumn('feature', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('calls', 'integer', (c) => c.notNull())
        .addColumn('prompt_tokens', 'bigint', (c) => c.notNull())
        .addColumn('completion_tokens', 'bigint', (c) => c.notNull())
        .addColumn('cost_microusd', 'bigint', (c) => c.notNull())
        .execute();
      // Offline calls have no user; NULLs never clash in a unique index, so the key uses '' in their place.
      await db.schema
        .createIndex('ai_usage_user_feature_day_key')
        .on('ai_usage')
        .unique()
        .expression(sql`coalesce(user_id, ''), feature, day`)
        .execute();
      await db.schema.createIndex('ai_usage_day_idx').on('ai_usage').column('day').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('ai_usage').execute();
      await db.schema.dropTable('ai_cache').execute();
    },
  };
}
