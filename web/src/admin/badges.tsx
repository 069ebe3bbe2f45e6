import type { AdminUser } from './types';

/** The role and status badges of an account. */
export function UserBadges({ user }: { user: Pick<AdminUser, 'role' | 'disabled'> }) {
  return (
    <>
      {user.role === 'admin' ? <span className="badge busy">Admin</span> : <span className="badge">Student</span>}{' '}
      {user.disabled ? <span className="badge bad">Disabled</span> : <span className="badge ok">Active</span>}
    </>
  );
}
