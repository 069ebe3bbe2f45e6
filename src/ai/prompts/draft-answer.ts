import { HONESTY_RULE, UNTRUSTED_DATA_RULE, fenceUntrusted } from './untrusted.js';

/** Instructions for drafting the answer to a theory question of a lab. */
export const DRAFT_ANSWER_SYSTEM = [
  'You draft the answer to one theory question of a programming lab, for the student to read, check and rewrite in their own words.',
  'Write plain text: short paragraphs, "- " bullet lists and `backticks` around code are allowed; no HTML, no headings markup, no tables. Be correct and concise (usually 80 to 250 words); when an example helps, give a small one. If the question cannot be answered from general knowledge (it refers to a figure or data you do not have), say what is missing instead of guessing.',
  'Answer JSON {answer}.',
  UNTRUSTED_DATA_RULE,
  HONESTY_RULE,
].join('\n');

export interface DraftAnswerPromptInput {
  question: string;
  label: string;
  /** The lab's subject or nearby text that helps to pin the question down, '' when none. */
  context: string;
}

/** The user message: the question and its context as delimited data. */
export function buildDraftAnswerUser(input: DraftAnswerPromptInput): string {
  const parts = ['The question:', fenceUntrusted('question', input.label ? `${input.label} ${input.question}` : input.question)];
  if (input.context.trim()) parts.push('Context from the same document:', fenceUntrusted('context', input.context));
  parts.push('Answer with the draft.');
  return parts.join('\n');
}
