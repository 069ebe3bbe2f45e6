import { z } from 'zod';
import type { RunnableLanguage } from '../../languages.js';
import type { RunResult, RunStatus } from '../../sandbox/index.js';
import type { AiClient } from '../ai-client.js';
import { DRAFT_CODE_SYSTEM, buildDraftCodeUser } from '../prompts/draft-code.js';
import { describeRun, type RunProgram } from './sandbox-runner.js';
import { stripFences } from './strip-fences.js';

/** The first draft and at most two repairs. */
export const MAX_DRAFT_ATTEMPTS = 3;

const draftSchema = z.object({ code: z.string().min(1).max(60_000), sampleInput: z.string().max(4000) });

export interface DraftCodeInput {
  task: { question: string; language: RunnableLanguage; stdin: string; inputFiles: Array<{ name: string; content: string }> };
  client: AiClient;
  userId: string | null;
  runProgram: RunProgram;
  signal?: AbortSignal;
}

export interface DraftCodeResult {
  /** Always an AI draft: shown as such, never as code from the document. */
  origin: 'ai_draft';
  status: 'ok' | 'failed';
  code: string;
  /** The input the last run got: the task's, or the model's sample when the task had none. */
  stdin: string;
  /** Whether `stdin` is the model's sample (a draft too) rather than the task's. */
  stdinSuggested: boolean;
  attempts: number;
  /** Each attempt's run status, in order. */
  statuses: RunStatus[];
  lastResult: RunResult;
}

/**
 * Drafts a program for a code task without code, runs it in the sandbox, and while the run does not end `ok`
 * feeds its status, stderr and transcript back for a fix, for at most `MAX_DRAFT_ATTEMPTS` attempts in all.
 */
export async function draftCode(input: DraftCodeInput): Promise<DraftCodeResult> {
  const { task } = input;
  const statuses: RunStatus[] = [];
  let previous: { code: string; run: string } | undefined;
  for (let attempt = 1; ; attempt++) {
    const { value } = await input.client.complete({
      feature: 'draft_code',
      userId: input.userId,
      schemaName: 'drafted_program',
      schema: draftSchema,
      system: DRAFT_CODE_SYSTEM,
      user: buildDraftCodeUser({ ...task, ...(previous ? { previous } : {}) }),
      ...(input.signal ? { signal: input.signal } : {}),
    });
    const code = stripFences(value.code);
    const stdinSuggested = !task.stdin && Boolean(value.sampleInput.trim());
    const stdin = task.stdin || (stdinSuggested ? value.sampleInput : '');
    const result = await input.runProgram(task.language, code, stdin, task.inputFiles);
    statuses.push(result.status);
    if (result.status === 'ok' || attempt >= MAX_DRAFT_ATTEMPTS) {
      return { origin: 'ai_draft', status: result.status === 'ok' ? 'ok' : 'failed', code, stdin, stdinSuggested, attempts: attempt, statuses, lastResult: result };
    }
    previous = { code, run: describeRun(result) };
  }
}
