// The shapes of the admin API's answers (src/server/routes/v1/admin/schemas.ts); only the fields the console reads.

export type Role = 'student' | 'admin';

export interface AdminUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  disabledAt: string | null;
  createdAt: string;
  /** The plan's name, or null when the server defaults apply. */
  plan: string | null;
  lastSeenAt: string | null;
}

export interface Usage {
  uploads: number;
  storageBytes: number;
  runs: number;
  reports: number;
  aiTokens: number;
}

/** The limits a plan sets, as the API names them. */
export interface PlanLimits {
  runsPerHour: number;
  concurrentRuns: number;
  storageMb: number;
  aiTokensPerDay: number;
}

/** The server's limits for users on no plan; no AI allowance when the server has no AI model. */
export type DefaultLimits = Omit<PlanLimits, 'aiTokensPerDay'> & { aiTokensPerDay: number | null };

export interface Plan extends PlanLimits {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

export interface ListedPlan extends Plan {
  userCount: number;
}

export interface AdminUserDetail extends AdminUser {
  usage: Usage;
  planLimits: Plan | null;
}

export interface AccessChanged extends AdminUser {
  revokedSessions: number;
}

export interface ResetLink {
  link: string;
  expiresAt: string;
}

export interface Overview {
  users: { total: number; admins: number; disabled: number; newLast7Days: number };
  activeSessions: number;
  assignments: number;
  storageBytes: number;
  feedback: { total: number; averageRating: number | null };
  openInvites: number;
}

export interface Invite {
  id: string;
  code: string;
  maxUses: number;
  useCount: number;
  expiresAt: string | null;
  revokedAt: string | null;
  note: string | null;
  createdAt: string;
  status: 'open' | 'used-up' | 'expired' | 'revoked';
}

export interface FeedbackEntry {
  id: string;
  userId: string;
  email: string;
  assignmentId: string | null;
  rating: number;
  message: string;
  createdAt: string;
}

export interface AuditEntry {
  id: string;
  occurredAt: string;
  event: string;
  userId: string | null;
  userEmail: string | null;
  actorId: string | null;
  actorEmail: string | null;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown> | null;
}
