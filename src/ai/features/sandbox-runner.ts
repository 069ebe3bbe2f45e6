import type { RunnableLanguage } from '../../languages.js';
import type { InputFile, RunResult, SandboxPool } from '../../sandbox/index.js';
import { fenceUntrusted } from '../prompts/untrusted.js';

/** Runs one program in the sandbox; injected into the features so their tests use the real sandbox. */
export type RunProgram = (language: RunnableLanguage, source: string, stdin: string, files: InputFile[]) => Promise<RunResult>;

/** A `RunProgram` over a sandbox pool; `signal` kills a running program when aborted. */
export function poolRunner(pool: SandboxPool, signal?: AbortSignal): RunProgram {
  return (language, source, stdin, files) => pool.run({ language, source, stdin, files }, signal);
}

const TAIL_CHARS = 2000;

/** The end of a long text, where compilers and tracebacks put the line that matters. */
export function tail(text: string, chars = TAIL_CHARS): string {
  return text.length > chars ? `…${text.slice(-chars)}` : text;
}

/** How a run ended, for the model to fix the program: status, exit code, and the tails of stderr and transcript
 * (program output is untrusted data like the document). */
export function describeRun(result: RunResult): string {
  const parts = [`Status: ${result.status}${result.exitCode !== null ? `, exit code ${result.exitCode}` : ''}${result.signal ? `, signal ${result.signal}` : ''}.`];
  if (result.status === 'timeout') parts.push('The program ran out of time (it may have been waiting for more input than it was given, or looping).');
  if (result.stderr.trim()) parts.push('Standard error (end):', fenceUntrusted('stderr', tail(result.stderr)));
  if (result.transcript.trim() && result.transcript.trim() !== result.stderr.trim()) parts.push('Terminal transcript (end):', fenceUntrusted('transcript', tail(result.transcript)));
  return parts.join('\n');
}

/** The input the program actually read, in order, from the transcript's stdin segments. */
export function consumedInput(result: RunResult): string {
  return result.segments.filter((s) => s.stream === 'stdin').map((s) => s.text).join('');
}
