import { sql, type Kysely } from 'kysely';
import type { MigrationDialect } from './types.js';

/** Accounts, sessions, invites, one-time tokens, sign-in throttling and the audit log. */
export function platformMigration(dialect: MigrationDialect) {
  const ts = dialect === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('student', 'admin')`))
        .addColumn('disabled_at', ts)
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('updated_at', ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('users_role_idx').on('users').columns(['role', 'created_at']).execute();
      await db.schema.createIndex('users_created_idx').on('users').column('created_at').execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('last_seen_at', ts, (c) => c.notNull())
        .addColumn('expires_at', ts, (c) => c.notNull())
        .addColumn('ip', 'text')
        .addColumn('user_agent', 'text')
        .addColumn('revoked_at', ts)
        .execute();
      await db.schema.createIndex('sessions_user_idx').on('sessions').columns(['user_id', 'revoked_at', 'created_at']).execute();
      await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();

      await db.schema
        .createTable('invites')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('max_uses', 'integer', (c) => c.notNull().check(sql`max_uses > 0`))
        .addColumn('use_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('expires_at', ts)
        .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('note', 'text')
        .addColumn('created_at', ts, (c) => c.notNull())
        .addCheckConstraint('invites_use_count_check', sql`use_count <= max_uses`)
        .execute();
      await db.schema.createIndex('invites_created_idx').on('invites').column('created_at').execute();

      await db.schema
        .createTable('invite_uses')
        .addColumn('invite_id', 'text', (c) => c.notNull().references('invites.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().unique().references('users.id').onDelete('cascade'))
        .addColumn('used_at', ts, (c) => c.notNull())
        .addPrimaryKeyConstraint('invite_uses_pk', ['invite_id', 'user_id'])
        .execute();

      await db.schema
        .createTable('one_time_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
        .addColumn('expires_at', ts, (c) => c.notNull())
        .addColumn('used_at', ts)
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('one_time_tokens_user_idx').on('one_time_tokens').columns(['user_id', 'purpose']).execute();

      await db.schema
        .createTable('auth_throttle')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('last_failure_at', ts, (c) => c.notNull())
        .addColumn('blocked_until', ts)
        .execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('occurred_at', ts, (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('ip', 'text')
        .addColumn('user_agent', 'text')
        .addColumn('details', 'text')
        .execute();
      await db.schema.createIndex('audit_log_occurred_idx').on('audit_log').columns(['occurred_at', 'id']).execute();
      await db.schema.createIndex('audit_log_user_idx').on('audit_log').columns(['user_id', 'occurred_at']).execute();
      await db.schema.createIndex('audit_log_event_idx').on('audit_log').columns(['event', 'occurred_at']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['audit_log', 'auth_throttle', 'one_time_tokens', 'invite_uses', 'invites', 'sessions', 'users']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
