import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** A connection or an open transaction: every repository works on either. */
export type Db = Kysely<Database>;
