import { z } from 'zod';

/** RFC 9457 problem details as LabMate sends them. */
export const problemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .describe('RFC 9457 problem details');

const STANDARD_PROBLEMS = [400, 413, 415, 429, 500] as const;
type StandardStatus = (typeof STANDARD_PROBLEMS)[number];
type ProblemMap<S extends number> = { [K in S]: typeof problemSchema };

/** A route's response map plus the problem responses it can return (the common ones are always added). */
export function withProblems<T extends Record<number, z.ZodType>, S extends number = never>(
  success: T,
  statuses: readonly S[] = [],
): T & ProblemMap<StandardStatus | S> {
  const problems: Record<number, typeof problemSchema> = {};
  for (const status of [...STANDARD_PROBLEMS, ...statuses]) problems[status] = problemSchema;
  return { ...problems, ...success } as T & ProblemMap<StandardStatus | S>;
}
