import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../../accounts/password-policy.js';

const email = z.email({ message: 'is not an email address' }).max(254);
// Any script is welcome in a display name; control characters are not.
const displayName = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(100)
  .refine((value) => !/\p{Cc}/u.test(value), 'must not contain control characters');
const newPassword = z.string().min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`).max(PASSWORD_MAX_LENGTH);

export const signUpBody = z.object({
  email,
  name: displayName,
  password: newPassword,
  inviteCode: z.string().min(1).max(128).optional(),
  betaKey: z.string().min(1).max(256).optional(),
});
export type SignUpBody = z.infer<typeof signUpBody>;

export const signInBody = z.object({ email: z.string().min(1).max(254), password: z.string().min(1).max(1024) });
export type SignInBody = z.infer<typeof signInBody>;

export const changePasswordBody = z.object({ currentPassword: z.string().min(1).max(1024), newPassword });
export const setupBody = z.object({ token: z.string().min(16).max(128), email, name: displayName, password: newPassword });
export const setPasswordBody = z.object({ token: z.string().min(16).max(128), password: newPassword });
export const sessionParams = z.object({ id: z.uuid() });

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['student', 'admin']),
});
export type PublicUser = z.infer<typeof userSchema>;

export const signedInSchema = z.object({ user: userSchema, csrfToken: z.string() });
export const csrfSchema = z.object({ csrfToken: z.string() });
export const meSchema = z.object({ user: userSchema, session: z.object({ id: z.string(), createdAt: z.string() }) });
export const sessionListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      current: z.boolean(),
      createdAt: z.string(),
      lastSeenAt: z.string(),
      expiresAt: z.string(),
      ip: z.string().nullable(),
      userAgent: z.string().nullable(),
    }),
  ),
});
export const passwordChangedSchema = z.object({ revokedSessions: z.number().int() });
export const signupModeSchema = z.object({ mode: z.enum(['open', 'invite', 'closed']), betaKeyRequired: z.boolean() });
