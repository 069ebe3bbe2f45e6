import type { DataExportRow } from '../schema.js';
import type { Db } from './types.js';

/** Data exports, and the rows of everything a user owns that an export contains. */
export function dataExportsRepository(db: Db) {
  return {
    async create(row: DataExportRow): Promise<void> {
      await db.insertInto('data_exports').values(row).execute();
    },
    get(id: string): Promise<DataExportRow | undefined> {
      return db.selectFrom('data_exports').selectAll().where('id', '=', id).executeTakeFirst();
    },
    find(ownerId: string, id: string): Promise<DataExportRow | undefined> {
      return db.selectFrom('data_exports').selectAll().where('id', '=', id).where('owner_id', '=', ownerId).executeTakeFirst();
    },
    latest(ownerId: string): Promise<DataExportRow | undefined> {
      return db.selectFrom('data_exports').selectAll().where('owner_id', '=', ownerId).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
    },
    async update(id: string, changes: Partial<Omit<DataExportRow, 'id' | 'owner_id'>>): Promise<void> {
      await db.updateTable('data_exports').set(changes).where('id', '=', id).execute();
    },
    /** Every row the user owns, table by table, for the export. */
    async ownedRows(userId: string) {
      const user = await db.selectFrom('users').select(['id', 'email', 'display_name', 'role', 'created_at']).where('id', '=', userId).executeTakeFirst();
      const profile = await db.selectFrom('profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
      const assignments = await db.selectFrom('assignments').selectAll().where('owner_id', '=', userId).orderBy('created_at').execute();
      const ids = assignments.map((a) => a.id);
      const tasks = ids.length ? await db.selectFrom('tasks').selectAll().where('assignment_id', 'in', ids).orderBy('position').execute() : [];
      const runs = await db.selectFrom('runs').selectAll().where('owner_id', '=', userId).orderBy('queued_at').execute();
      const runIds = runs.map((r) => r.id);
      const runTasks = runIds.length ? await db.selectFrom('run_tasks').selectAll().where('run_id', 'in', runIds).execute() : [];
      const artifacts = await db.selectFrom('artifacts').selectAll().where('owner_id', '=', userId).execute();
      const reports = await db.selectFrom('reports').selectAll().where('owner_id', '=', userId).execute();
      const feedback = await db.selectFrom('feedback').selectAll().where('user_id', '=', userId).execute();
      const sessions = await db.selectFrom('sessions').select(['id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent', 'revoked_at']).where('user_id', '=', userId).execute();
      const aiUsage = await db.selectFrom('ai_usage').selectAll().where('user_id', '=', userId).orderBy('day').orderBy('feature').execute();
      return { user, profile, assignments, tasks, runs, runTasks, artifacts, reports, feedback, sessions, aiUsage };
    },
  };
}
