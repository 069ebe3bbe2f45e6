import type { RunnableLanguage } from '../../languages.js';
import { HONESTY_RULE, UNTRUSTED_DATA_RULE, fenceUntrusted } from './untrusted.js';

/** Instructions for drafting a program that answers a lab question; it is compiled and run in a sandbox. */
export const DRAFT_CODE_SYSTEM = [
  'You write a complete, runnable program that answers one question of a programming lab, in the language named in the request. It is compiled and run non-interactively in an offline sandbox, and shown to the student as a draft to check.',
  'Rules for the program: the whole source file, without markdown fences or commentary around it; only the language standard library (Python may also use numpy, pandas and matplotlib); no network; files only in the working directory; input only from standard input; results printed to standard output. Java: one public class with a main method. C++: standard C++17. Keep it as simple as the question allows, and print clear results.',
  'Answer JSON {code, sampleInput}. sampleInput: when the request shows no standard input and the program reads standard input, plausible input lines that the program reads completely; otherwise "".',
  'When the request shows a previous attempt and how its run ended, fix that program so it compiles and runs to completion with the given input.',
  UNTRUSTED_DATA_RULE,
  HONESTY_RULE,
].join('\n');

export interface DraftCodePromptInput {
  language: RunnableLanguage;
  question: string;
  stdin: string;
  inputFiles: Array<{ name: string; content: string }>;
  /** The previous attempt and a description of its run, on a retry. */
  previous?: { code: string; run: string };
}

/** The user message: the language, then the question, input, files and any previous attempt as delimited data. */
export function buildDraftCodeUser(input: DraftCodePromptInput): string {
  const parts = [`Language: ${input.language}`, 'The lab question:', fenceUntrusted('question', input.question)];
  if (input.stdin) parts.push('The program will get this standard input:', fenceUntrusted('stdin', input.stdin));
  else parts.push('The question shows no standard input.');
  for (const file of input.inputFiles) parts.push(`The working directory holds the file ${JSON.stringify(file.name)}:`, fenceUntrusted('file', file.content));
  if (input.previous) {
    parts.push('The previous attempt:', fenceUntrusted('previous code', input.previous.code), 'How it ran:', input.previous.run);
    parts.push('Answer with the fixed program.');
  } else {
    parts.push('Answer with the program.');
  }
  return parts.join('\n');
}
