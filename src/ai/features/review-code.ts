import { z } from 'zod';
import { errors } from '../../errors.js';
import type { DocumentLanguage } from '../../languages.js';
import type { AiClient } from '../ai-client.js';
import { REVIEW_CODE_SYSTEM, buildReviewCodeUser } from '../prompts/review-code.js';
import { applyUnifiedDiff } from './apply-unified-diff.js';
import { estimateTokens } from './chunk-blocks.js';
import { plainText } from './plain-text.js';

const issueSchema = z.object({
  title: z.string().min(1).max(200),
  severity: z.enum(['info', 'minor', 'major', 'critical']),
  line: z.number().int().min(1).nullable(),
  detail: z.string().max(2000),
});

const reviewSchema = z.object({
  summary: z.string().min(1).max(2000),
  issues: z.array(issueSchema).max(40),
  diff: z.string().max(120_000),
});

export type ReviewIssue = z.infer<typeof issueSchema>;

export interface ReviewCodeInput {
  code: string;
  language: DocumentLanguage;
  question: string;
  client: AiClient;
  userId: string | null;
  signal?: AbortSignal;
}

export interface ReviewCodeResult {
  summary: string;
  issues: ReviewIssue[];
  /** A unified diff that applies to the reviewed code, or '' (none proposed, or it did not apply: see warnings). */
  diff: string;
  /** The code with `diff` applied, or null without a diff. */
  fixedCode: string | null;
  warnings: string[];
}

/** Reviews a program against its question: a summary, issues by line, and a suggested fix checked to apply. */
export async function reviewCode(input: ReviewCodeInput): Promise<ReviewCodeResult> {
  // The answer may repeat most of the program in its diff, so the program gets at most a third of the context.
  if (!input.code.trim()) throw errors.badRequest('There is no code to review.');
  if (estimateTokens(input.code) > (input.client.contextTokens - 2000) / 3) {
    throw errors.badRequest(`The program is too long to review with this model (about ${estimateTokens(input.code)} tokens).`);
  }
  const { value } = await input.client.complete({
    feature: 'review',
    userId: input.userId,
    schemaName: 'code_review',
    schema: reviewSchema,
    system: REVIEW_CODE_SYSTEM,
    user: buildReviewCodeUser({ language: input.language, question: input.question, code: input.code }),
    ...(input.signal ? { signal: input.signal } : {}),
  });
  const lineCount = input.code.replace(/\n$/, '').split('\n').length;
  const warnings: string[] = [];
  let removedTags = 0;
  const text = (s: string): string => {
    const cleaned = plainText(s);
    removedTags += cleaned.removedTags;
    return cleaned.text;
  };
  const issues = value.issues.map((issue) => ({ ...issue, title: text(issue.title), detail: text(issue.detail), line: issue.line !== null && issue.line <= lineCount ? issue.line : null }));
  const summary = text(value.summary);
  if (removedTags) warnings.push(`${removedTags} HTML tag(s) in the review were removed; it is plain text.`);
  if (!value.diff.trim()) return { summary, issues, diff: '', fixedCode: null, warnings };
  const applied = applyUnifiedDiff(input.code, value.diff);
  if (!applied.ok) {
    warnings.push(`The suggested fix was left out because it does not apply to the code: ${applied.reason}.`);
    return { summary, issues, diff: '', fixedCode: null, warnings };
  }
  return { summary, issues, diff: value.diff, fixedCode: applied.text, warnings };
}
