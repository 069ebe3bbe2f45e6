import type { AiActionRow } from '../schema.js';
import type { Db } from './types.js';

/** AI actions on tasks (drafts and reviews), each done by a background job. */
export function aiActionsRepository(db: Db) {
  return {
    async create(action: AiActionRow): Promise<void> {
      await db.insertInto('ai_actions').values(action).execute();
    },
    find(ownerId: string, id: string): Promise<AiActionRow | undefined> {
      return db.selectFrom('ai_actions').selectAll().where('id', '=', id).where('owner_id', '=', ownerId).executeTakeFirst();
    },
    get(id: string): Promise<AiActionRow | undefined> {
      return db.selectFrom('ai_actions').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async update(id: string, changes: Partial<Pick<AiActionRow, 'status' | 'result' | 'error' | 'finished_at'>>): Promise<void> {
      await db.updateTable('ai_actions').set(changes).where('id', '=', id).execute();
    },
  };
}
