import { z } from 'zod';
import { AUDIT_EVENTS } from '../../../../db/repositories/audit.repository.js';

const limit = z.coerce.number().int().min(1).max(100).default(20);
const cursor = z.string().max(400).optional();
const isoTime = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());
const note = z
  .string()
  .trim()
  .max(200)
  .refine((value) => !/\p{Cc}/u.test(value), 'must not contain control characters');

export const idParams = z.object({ id: z.uuid() });
export const pageQuery = z.object({ limit, cursor });
export const usersQuery = z.object({
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['created', 'email', 'name']).default('created'),
  limit,
  cursor,
});
export const auditQuery = z
  .object({ userId: z.uuid().optional(), event: z.enum(AUDIT_EVENTS).optional(), from: isoTime.optional(), to: isoTime.optional(), limit, cursor })
  .refine((query) => !query.from || !query.to || query.from < query.to, { message: 'must be after from', path: ['to'] });

export const updateUserBody = z
  .strictObject({ disabled: z.boolean(), role: z.enum(['student', 'admin']) })
  .partial()
  .refine((body) => body.disabled !== undefined || body.role !== undefined, 'name disabled or role');
export const assignPlanBody = z.object({ planId: z.uuid().nullable() });
export const createInviteBody = z.object({
  maxUses: z.number().int().min(1).max(10_000).default(1),
  expiresInDays: z.number().int().min(1).max(365).optional(),
  note: note.optional(),
});

const planLimits = {
  runsPerHour: z.number().int().min(0).max(100_000),
  concurrentRuns: z.number().int().min(0).max(100),
  storageMb: z.number().int().min(0).max(10_000_000),
  aiTokensPerDay: z.number().int().min(0).max(1_000_000_000),
};
const planName = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(60)
  .refine((value) => !/\p{Cc}/u.test(value), 'must not contain control characters');
export const createPlanBody = z.strictObject({ name: planName, ...planLimits });
export const updatePlanBody = createPlanBody.partial().refine((body) => Object.keys(body).length > 0, 'name at least one field to change');

export const planSchema = z.object({ id: z.string(), name: z.string(), ...planLimits, createdAt: z.string(), updatedAt: z.string() });
/** The limits of users on no plan, from the server's configuration (not bounded like a plan's: operators set them). */
const defaultLimitsSchema = z
  .object({
    runsPerHour: z.number().int(),
    concurrentRuns: z.number().int(),
    storageMb: z.number().int(),
    aiTokensPerDay: z.number().int().nullable().describe('null when the server has no AI model'),
  })
  .describe('LABMATE_RUNS_PER_HOUR, LABMATE_MAX_ACTIVE_RUNS, LABMATE_STORAGE_MB and LABMATE_AI_DAILY_TOKENS');
export const planListSchema = z.object({ items: z.array(planSchema.extend({ userCount: z.number().int() })), defaults: defaultLimitsSchema });

export const adminUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['student', 'admin']),
  disabled: z.boolean(),
  disabledAt: z.string().nullable(),
  createdAt: z.string(),
  plan: z.string().nullable(),
  lastSeenAt: z.string().nullable().describe("the latest activity of any of the user's sessions still kept (ended ones go after 30 days)"),
});
export const userListSchema = z.object({ items: z.array(adminUserSchema), nextCursor: z.string().nullable() });
export const usageSchema = z
  .object({
    uploads: z.number().int(),
    storageBytes: z.number().int(),
    runs: z.number().int(),
    reports: z.number().int(),
    aiTokens: z.number().int(),
  })
  .describe('storageBytes counts uploads and run artifacts (not composed reports); aiTokens counts prompt and completion tokens of every AI call');
export const userDetailSchema = adminUserSchema.extend({ usage: usageSchema, planLimits: planSchema.nullable() });
export const userAccessChangedSchema = adminUserSchema.extend({ revokedSessions: z.number().int() });
export const resetLinkSchema = z.object({ link: z.string(), expiresAt: z.string() });

export const overviewSchema = z.object({
  users: z.object({ total: z.number().int(), admins: z.number().int(), disabled: z.number().int(), newLast7Days: z.number().int() }),
  activeSessions: z.number().int(),
  assignments: z.number().int(),
  storageBytes: z.number().int(),
  feedback: z.object({ total: z.number().int(), averageRating: z.number().nullable() }),
  openInvites: z.number().int(),
});

export const inviteSchema = z.object({
  id: z.string(),
  code: z.string(),
  maxUses: z.number().int(),
  useCount: z.number().int(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  status: z.enum(['open', 'used-up', 'expired', 'revoked']),
});
export const inviteListSchema = z.object({ items: z.array(inviteSchema), nextCursor: z.string().nullable() });

export const feedbackListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      userId: z.string(),
      email: z.string(),
      assignmentId: z.string().nullable(),
      rating: z.number().int(),
      message: z.string(),
      createdAt: z.string(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const auditListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      occurredAt: z.string(),
      event: z.string(),
      userId: z.string().nullable(),
      userEmail: z.string().nullable().describe('the email the user has now; null once the account is deleted'),
      actorId: z.string().nullable(),
      actorEmail: z.string().nullable(),
      ip: z.string().nullable(),
      userAgent: z.string().nullable(),
      details: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export type AdminUserOut = z.infer<typeof adminUserSchema>;
export type PlanOut = z.infer<typeof planSchema>;
export type InviteOut = z.infer<typeof inviteSchema>;
