import { z } from 'zod';

// Any script is welcome in names; control characters are not.
const noControl = (value: string) => !/\p{Cc}/u.test(value);
const text = (max: number) => z.string().trim().max(max).refine(noControl, 'must not contain control characters');

/** The placeholders a file name pattern may use. */
export const FILE_NAME_PLACEHOLDERS = ['name', 'course', 'institution', 'assignment', 'date', 'year'] as const;

const fileNamePattern = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(120)
  .regex(/^[\w .(){}-]+$/u, 'may use letters, digits, space, dot, dash, underscore, brackets and {placeholders}')
  .refine(
    (value) => [...value.matchAll(/\{([^}]*)\}/g)].every((m) => (FILE_NAME_PLACEHOLDERS as readonly string[]).includes(m[1] ?? '')),
    `placeholders must be one of ${FILE_NAME_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
  );

export const themeSchema = z.enum(['idle', 'vscode-dark', 'vscode-light', 'notepad', 'codeblocks', 'terminal']);

export const profileFields = {
  institution: text(200).nullable(),
  course: text(200).nullable(),
  year: z.number().int().min(1).max(10).nullable(),
  graduationYear: z.number().int().min(1950).max(2100).nullable(),
  preferredTheme: themeSchema.nullable(),
  fileNamePattern: fileNamePattern.nullable(),
};

export const updateProfileBody = z
  .strictObject({ name: text(100).pipe(z.string().min(1, 'is required')), ...profileFields })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'name at least one field to change');

export const deleteAccountBody = z.object({ password: z.string().min(1).max(1024) });

export const profileSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['student', 'admin']),
  createdAt: z.string(),
  institution: z.string().nullable(),
  course: z.string().nullable(),
  year: z.number().int().nullable(),
  graduationYear: z.number().int().nullable(),
  preferredTheme: z.string().nullable(),
  fileNamePattern: z.string().nullable(),
  updatedAt: z.string(),
});
export type ProfileOut = z.infer<typeof profileSchema>;

export const passwordResetBody = z.object({ email: z.string().trim().min(3).max(254) });
export const passwordResetAcceptedSchema = z.object({ message: z.string() });

export const dataExportSchema = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  bytes: z.number().int().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  download: z.string().nullable(),
});

export const aiBudgetSchema = z.object({
  usedTokens: z.number().int(),
  dailyTokens: z.number().int().describe("the plan's ai_tokens_per_day, or LABMATE_AI_DAILY_TOKENS without a plan"),
  renewsAt: z.string(),
});
