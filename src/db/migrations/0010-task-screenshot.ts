import type { Kysely } from 'kysely';

/**
 * The student's screenshot switch per task, on by default. It is not `wants_screenshot`, which records whether the
 * document itself asks for a screenshot (few do): runs make screenshots unless the student turned them off.
 */
export function taskScreenshotMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('tasks').addColumn('screenshot', 'integer', (c) => c.notNull().defaultTo(1)).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('tasks').dropColumn('screenshot').execute();
    },
  };
}
