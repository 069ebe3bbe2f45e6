import type { FeedbackRow } from '../schema.js';
import type { Db } from './types.js';

/** A feedback entry with its author's email, as administrators list it. */
export type FeedbackWithAuthor = FeedbackRow & { email: string };

/** Feedback from students: written by its author only, read by administrators newest first. */
export function feedbackRepository(db: Db) {
  return {
    async create(row: FeedbackRow): Promise<void> {
      await db.insertInto('feedback').values(row).execute();
    },
    page(limit: number, before?: { at: string; id: string }): Promise<FeedbackWithAuthor[]> {
      let query = db
        .selectFrom('feedback')
        .innerJoin('users', 'users.id', 'feedback.user_id')
        .selectAll('feedback')
        .select('users.email as email')
        .orderBy('feedback.created_at', 'desc')
        .orderBy('feedback.id', 'desc')
        .limit(limit);
      if (before) {
        query = query.where((eb) =>
          eb.or([
            eb('feedback.created_at', '<', before.at),
            eb.and([eb('feedback.created_at', '=', before.at), eb('feedback.id', '<', before.id)]),
          ]),
        );
      }
      return query.execute();
    },
  };
}
