import { sql, type RawBuilder } from 'kysely';

/** Where a newest-first page (ordered by `time` desc, then `id` desc) continues after the row `after`. */
export function olderThan(time: string, id: string, after: { createdAt: string; id: string }): RawBuilder<boolean> {
  const [timeRef, idRef] = [sql.ref(time), sql.ref(id)];
  return sql<boolean>`(${timeRef} < ${after.createdAt} or (${timeRef} = ${after.createdAt} and ${idRef} < ${after.id}))`;
}
