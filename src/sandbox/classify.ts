import type { Language, RunStatus } from './types.js';

/** What the supervisor reported about the program's step, plus what the host saw. */
export interface Outcome {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  cpuMs: number | null;
  peakMemoryKb: number | null;
  outputLimited: boolean;
  stderr: string;
}

/** Messages runtimes print when an allocation fails under RLIMIT_AS. */
const OUT_OF_MEMORY: Record<Language, RegExp> = {
  python: /^MemoryError\b/m,
  c: /Cannot allocate memory|out of memory/i,
  cpp: /std::bad_alloc|Cannot allocate memory/,
  java: /java\.lang\.OutOfMemoryError/,
  javascript: /heap out of memory|Array buffer allocation failed|RangeError: Invalid (typed )?array length/,
};

/**
 * Decides the status of a finished run. Order matters: the output cap and the clocks win over the exit code
 * because the supervisor's kill is what ended the program.
 */
export function classify(language: Language, outcome: Outcome, cpuLimitSeconds: number, memoryMb: number): RunStatus {
  if (outcome.outputLimited) return 'output_limit';
  const cpuSpent = outcome.cpuMs !== null && outcome.cpuMs >= cpuLimitSeconds * 1000 - 50;
  if (outcome.timedOut || outcome.signal === 'SIGXCPU' || (outcome.signal === 'SIGKILL' && cpuSpent)) return 'timeout';
  const failed = outcome.exitCode !== 0 || outcome.signal !== null;
  if (!failed) return 'ok';
  if (OUT_OF_MEMORY[language].test(outcome.stderr)) return 'memory_limit';
  const nearLimit = outcome.peakMemoryKb !== null && outcome.peakMemoryKb >= memoryMb * 1024 * 0.9;
  if (nearLimit && (outcome.signal === 'SIGSEGV' || outcome.signal === 'SIGKILL' || outcome.signal === 'SIGABRT')) {
    return 'memory_limit';
  }
  return 'runtime_error';
}
