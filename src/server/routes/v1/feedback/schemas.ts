import { z } from 'zod';

export const FEEDBACK_MESSAGE_MAX = 4_000;

export const feedbackBody = z.object({
  rating: z.number().int().min(1).max(5),
  message: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(FEEDBACK_MESSAGE_MAX)
    // Line breaks and tabs are fine in a message; other control characters are not.
    .refine((value) => !/[^\P{Cc}\n\r\t]/u.test(value), 'must not contain control characters'),
  assignmentId: z.uuid().optional(),
});

export const feedbackCreatedSchema = z.object({ id: z.string(), createdAt: z.string() });
