import { z } from 'zod';
import { errors } from '../../../errors.js';

/** The query of a newest-first list: how many (at most 100) and where to continue. */
export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

/** Where a newest-first list continues: after the row with this time and id. */
export interface ListPosition {
  createdAt: string;
  id: string;
}

/** An opaque cursor for the next page of a newest-first list. */
export function encodeCursor(position: ListPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url');
}

/** The position a cursor names, or undefined when it is not one of ours. */
function decodeCursor(cursor: string): ListPosition | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string' && !Number.isNaN(Date.parse(value[0]))) {
      return { createdAt: value[0], id: value[1] };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** The position of a `cursor` query parameter (none without one); a 422 naming the cursor when it is not ours. */
export function positionAfter(cursor: string | undefined): ListPosition | undefined {
  if (cursor === undefined) return undefined;
  const position = decodeCursor(cursor);
  if (!position) throw errors.validation([{ field: 'cursor', message: 'is not a cursor from this API' }]);
  return position;
}

/** The next page's cursor when a query for `limit` rows found one more, else null. */
export function nextCursorOf<T>(rows: T[], limit: number, position: (row: T) => ListPosition): string | null {
  const last = rows[limit - 1];
  return rows.length > limit && last ? encodeCursor(position(last)) : null;
}
