import type { Kysely } from 'kysely';

/** A cached AI answer remembers whose request paid for it, and goes when that account is deleted. */
export function aiCacheOwnerMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable('ai_cache')
        .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
        .execute();
      await db.schema.createIndex('ai_cache_user_idx').on('ai_cache').column('user_id').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('ai_cache_user_idx').execute();
      await db.schema.alterTable('ai_cache').dropColumn('user_id').execute();
    },
  };
}
