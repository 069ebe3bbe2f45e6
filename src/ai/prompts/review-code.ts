import type { DocumentLanguage } from '../../languages.js';
import { HONESTY_RULE, UNTRUSTED_DATA_RULE, fenceUntrusted } from './untrusted.js';

/** Instructions for reviewing a student's program against its lab question. */
export const REVIEW_CODE_SYSTEM = [
  'You review a program written for one question of a programming lab, as a helpful teaching assistant.',
  'Check that it does what the question asks; look for bugs, wrong results, missing or unsafe input handling, edge cases and unclear code. Report only problems that apply to this program and this question.',
  'Answer JSON {summary, issues, diff}. summary: two or three sentences. issues: each with a short title, a severity ("info", "minor", "major" or "critical"), the 1-based line number it is about (null when it concerns the whole program) and a detail that explains the problem and how to fix it. diff: the smallest fix of the major and critical issues as a unified diff against the program exactly as given (hunks "@@ -l,n +l,n @@" with " " context, "-" removed and "+" added lines, at least two context lines around each change), or "" when nothing needs fixing. Do not rewrite the program, rename things or change its style beyond the fix.',
  UNTRUSTED_DATA_RULE,
  HONESTY_RULE,
].join('\n');

export interface ReviewCodePromptInput {
  language: DocumentLanguage;
  question: string;
  code: string;
}

/** The user message: the language, then the question and the program as delimited data. */
export function buildReviewCodeUser(input: ReviewCodePromptInput): string {
  const parts = [`Language: ${input.language}`];
  if (input.question.trim()) parts.push('The lab question:', fenceUntrusted('question', input.question));
  parts.push(`The program (${input.code.split('\n').length} lines):`, fenceUntrusted('program', input.code), 'Answer with the review.');
  return parts.join('\n');
}
