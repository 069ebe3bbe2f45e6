/** The sandbox stage: run untrusted programs under bubblewrap and report what they did. */
export { SandboxPool } from './pool.js';
export { runProgram, MAX_SOURCE_BYTES, type RunnerOptions } from './runner.js';
export { checkSandbox, type CheckOptions, type SandboxReport } from './doctor.js';
export { SandboxUnavailableError, InvalidRunRequestError } from './errors.js';
export { DEFAULT_LIMITS, COMPILE_LIMITS, resolveLimits } from './limits.js';
export { LANGUAGES } from './types.js';
export type {
  Artifact,
  InputFile,
  Language,
  Limits,
  RunRequest,
  RunResult,
  RunStatus,
  TranscriptSegment,
} from './types.js';
