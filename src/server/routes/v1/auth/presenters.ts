import type { UserRow } from '../../../../db/schema.js';
import type { PublicUser } from './schemas.js';

/** The public fields of an account. */
export function presentUser(user: Pick<UserRow, 'id' | 'email' | 'display_name' | 'role'>): PublicUser {
  return { id: user.id, email: user.email, name: user.display_name, role: user.role };
}
