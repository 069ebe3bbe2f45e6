/** Every audit event the server records (src/db/repositories/audit.repository.ts), in words. */
export const AUDIT_EVENT_LABELS: Readonly<Record<string, string>> = {
  signup: 'Signed up',
  'signin.ok': 'Signed in',
  'signin.failed': 'Sign-in failed',
  'signin.backoff': 'Sign-in slowed after failures',
  signout: 'Signed out',
  'password.change': 'Changed password',
  'password.set': 'Set password from a link',
  'session.revoke': 'Ended a session',
  'role.change': 'Role changed',
  'admin.setup': 'First administrator set up',
  'profile.update': 'Profile updated',
  'account.delete': 'Account deleted',
  'user.disable': 'Account disabled',
  'user.enable': 'Account enabled',
  'invite.create': 'Invite created',
  'invite.revoke': 'Invite revoked',
  'plan.create': 'Plan created',
  'plan.update': 'Plan changed',
  'plan.delete': 'Plan deleted',
  'plan.assign': 'Plan assigned',
  'password.reset-link': 'Password reset link issued',
  'password.reset-request': 'Password reset emailed',
};

/** An event in words, or its name when this app does not know it yet. */
export function auditEventLabel(event: string): string {
  return AUDIT_EVENT_LABELS[event] ?? event;
}
