import { RUNNABLE_LANGUAGES, type RunnableLanguage } from '../languages.js';

/** Languages the sandbox can run. */
export const LANGUAGES = RUNNABLE_LANGUAGES;
export type Language = RunnableLanguage;

/** How a run ended; the contract of `labmate exec` (DESIGN.md §3). */
export type RunStatus =
  | 'ok'
  | 'runtime_error'
  | 'compile_error'
  | 'timeout'
  | 'memory_limit'
  | 'output_limit'
  | 'internal_error';

/** Resource limits of one step. */
export interface Limits {
  wallMs: number;
  cpuSeconds: number;
  memoryMb: number;
  processes: number;
  /** Cap on stdout plus stderr together. */
  outputBytes: number;
  fileSizeMb: number;
  openFiles: number;
}

/** A file placed in the working directory before the program starts. */
export interface InputFile {
  name: string;
  content: string | Uint8Array;
}

/** One program to run. */
export interface RunRequest {
  language: Language;
  source: string;
  stdin?: string;
  files?: InputFile[];
  limits?: Partial<Limits>;
}

/** A file the program created or changed in its working directory. */
export interface Artifact {
  name: string;
  kind: 'image' | 'text' | 'binary';
  bytes: number;
  content: Buffer;
}

/** One piece of what a terminal would have shown, in order. */
export interface TranscriptSegment {
  stream: 'stdout' | 'stderr' | 'stdin';
  text: string;
}

/** Everything known about a finished run. */
export interface RunResult {
  status: RunStatus;
  exitCode: number | null;
  signal: string | null;
  /** Wall time of the program itself (compile excluded). */
  timeMs: number;
  cpuMs: number | null;
  peakMemoryKb: number | null;
  stdout: string;
  /** Compiler diagnostics (warnings too) first, then the program's own stderr. */
  stderr: string;
  transcript: string;
  segments: TranscriptSegment[];
  artifacts: Artifact[];
  /** Things the user should know that are not the program's output (skipped artifacts, compile time). */
  warnings: string[];
  compileMs: number | null;
}
