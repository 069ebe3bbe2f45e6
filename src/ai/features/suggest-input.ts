import { z } from 'zod';
import { readsInput } from '../../analyze/reads-input.js';
import type { RunnableLanguage } from '../../languages.js';
import type { RunResult } from '../../sandbox/index.js';
import type { AiClient } from '../ai-client.js';
import { SUGGEST_INPUT_SYSTEM, buildSuggestInputUser } from '../prompts/suggest-input.js';
import { consumedInput, describeRun, type RunProgram } from './sandbox-runner.js';

/** One proposal and one corrected proposal. */
export const MAX_INPUT_ATTEMPTS = 2;

const inputSchema = z.object({ stdin: z.string().min(1).max(4000) });

export interface SuggestInputInput {
  code: string;
  language: RunnableLanguage;
  question?: string;
  inputFiles?: Array<{ name: string; content: string }>;
  client: AiClient;
  userId: string | null;
  runProgram: RunProgram;
  signal?: AbortSignal;
}

export type SuggestInputResult =
  /** `stdin` ran to completion; it is what the program read (a trailing surplus the model proposed is dropped). */
  | { status: 'ok'; stdin: string; attempts: number; result: RunResult; draft: true }
  | { status: 'failed'; reason: string; stdin: string; attempts: number; result: RunResult }
  /** The program reads no input, so there is nothing to propose (no model call was made). */
  | { status: 'not_needed'; reason: string; attempts: 0 };

/**
 * Proposes standard input for a program that reads some, checks it in the sandbox (the run must end `ok`, so the
 * program neither crashed on missing input nor timed out waiting), and on failure asks once more with the run's
 * feedback.
 */
export async function suggestInput(input: SuggestInputInput): Promise<SuggestInputResult> {
  if (!readsInput(input.code, input.language)) return { status: 'not_needed', reason: 'The program does not read standard input.', attempts: 0 };
  let previous: { stdin: string; run: string } | undefined;
  for (let attempt = 1; ; attempt++) {
    const { value } = await input.client.complete({
      feature: 'suggest_input',
      userId: input.userId,
      schemaName: 'suggested_input',
      schema: inputSchema,
      system: SUGGEST_INPUT_SYSTEM,
      user: buildSuggestInputUser({ language: input.language, code: input.code, question: input.question ?? '', ...(previous ? { previous } : {}) }),
      ...(input.signal ? { signal: input.signal } : {}),
    });
    const stdin = value.stdin.endsWith('\n') ? value.stdin : `${value.stdin}\n`;
    const result = await input.runProgram(input.language, input.code, stdin, input.inputFiles ?? []);
    if (result.status === 'ok') {
      const read = consumedInput(result);
      return { status: 'ok', stdin: read && stdin.startsWith(read) ? read : stdin, attempts: attempt, result, draft: true };
    }
    if (attempt >= MAX_INPUT_ATTEMPTS) {
      return { status: 'failed', reason: `The program did not run to completion with the proposed input (${result.status}).`, stdin, attempts: attempt, result };
    }
    previous = { stdin, run: describeRun(result) };
  }
}
