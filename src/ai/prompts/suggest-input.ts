import type { RunnableLanguage } from '../../languages.js';
import { HONESTY_RULE, UNTRUSTED_DATA_RULE, fenceUntrusted } from './untrusted.js';

/** Instructions for proposing standard input with which a given program runs to completion. */
export const SUGGEST_INPUT_SYSTEM = [
  'You propose standard input for a program from a programming lab, so that it runs to completion in an offline sandbox and shows what it does. The program is given; do not change it.',
  'Read the program and give exactly the lines it reads, in order, each ending with a newline, with realistic values that fit the question and the prompts it prints (for example "5" for "Enter n:"). Give no more input than it reads. Answer JSON {stdin}.',
  'When the request shows a previous attempt and how its run ended, correct the input.',
  UNTRUSTED_DATA_RULE,
  HONESTY_RULE,
].join('\n');

export interface SuggestInputPromptInput {
  language: RunnableLanguage;
  code: string;
  question: string;
  previous?: { stdin: string; run: string };
}

/** The user message: the language, then the question, the program and any previous attempt as delimited data. */
export function buildSuggestInputUser(input: SuggestInputPromptInput): string {
  const parts = [`Language: ${input.language}`];
  if (input.question.trim()) parts.push('The lab question:', fenceUntrusted('question', input.question));
  parts.push('The program:', fenceUntrusted('program', input.code));
  if (input.previous) parts.push('The previous input:', fenceUntrusted('previous stdin', input.previous.stdin), 'How the program ran with it:', input.previous.run);
  parts.push('Answer with the input.');
  return parts.join('\n');
}
