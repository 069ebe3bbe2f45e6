import { constants } from 'node:os';
import { classify } from './classify.js';
import type { Step } from './recipes.js';
import type { Artifact, RunRequest, RunResult, TranscriptSegment } from './types.js';

/** What one step printed, and its status frame once the supervisor sent it. */
export interface StepOutput {
  stdout: Buffer[];
  stderr: Buffer[];
  bytes: number;
  status?: Record<string, number>;
}

/** Everything the host collected from one box: the frames sorted by kind, and how the box ended. */
export interface BoxOutcome {
  outputs: StepOutput[];
  /** Transcript pieces in order, neighbouring chunks of one stream already together (decoded at the end, so a
   * character split across two reads stays whole). */
  segments: { stream: TranscriptSegment['stream']; parts: Buffer[] }[];
  artifacts: Artifact[];
  warnings: string[];
  /** The step whose output reached its cap (the host then killed the box), if any. */
  outputLimitedStep: number | null;
  hostTimedOut: boolean;
  /** Wall time the host measured from spawning bubblewrap to its exit. */
  hostMs: number;
  boxError: string;
  /** bubblewrap's own exit code: the supervisor's, or 128 + signal when the supervisor was killed. */
  boxExitCode: number | null;
}

/** The result for a program refused before any box was built. */
export function refused(message: string): RunResult {
  return {
    status: 'compile_error',
    exitCode: null,
    signal: null,
    timeMs: 0,
    cpuMs: null,
    peakMemoryKb: null,
    stdout: '',
    stderr: message + '\n',
    transcript: message + '\n',
    segments: [{ stream: 'stderr', text: message + '\n' }],
    artifacts: [],
    warnings: [],
    compileMs: null,
  };
}

function text(chunks: Buffer[]): string {
  return Buffer.concat(chunks).toString('utf8');
}

function signalName(signal: number | undefined): string | null {
  if (!signal) return null;
  const entry = Object.entries(constants.signals).find(([, number]) => number === signal);
  return entry ? entry[0] : `SIG${signal}`;
}

/** Turns what the box reported into the run's result, deciding its status. */
export function buildResult(request: RunRequest, steps: Step[], box: BoxOutcome): RunResult {
  const lastIndex = steps.length - 1;
  const compileOutputs = box.outputs.slice(0, lastIndex);
  const compileMs = compileOutputs.length
    ? compileOutputs.reduce((sum, o) => sum + (o.status?.['wall_ms'] ?? 0), 0)
    : null;
  const diagnostics = compileOutputs.map((o) => text([...o.stdout, ...o.stderr])).join('');
  const failedCompile = compileOutputs.find((o) => !o.status || o.status['exit'] !== 0 || o.status['timedout']);
  const compileFlooded = box.outputLimitedStep !== null && box.outputLimitedStep < lastIndex;
  const base = { artifacts: [] as Artifact[], warnings: box.warnings, compileMs, cpuMs: null, peakMemoryKb: null };
  if (failedCompile?.status || compileFlooded) {
    const timedOut = failedCompile?.status?.['timedout'] === 1;
    const message =
      diagnostics +
      (timedOut ? 'compilation stopped: it exceeded its time limit\n' : '') +
      (compileFlooded ? 'compilation stopped: its messages exceeded the output limit\n' : '');
    return {
      ...base,
      status: 'compile_error',
      exitCode: failedCompile?.status?.['exit'] ?? null,
      signal: signalName(failedCompile?.status?.['signal']),
      timeMs: 0,
      stdout: '',
      stderr: message,
      transcript: message,
      segments: [{ stream: 'stderr', text: message }],
    };
  }
  const run = box.outputs[lastIndex];
  const status = run?.status;
  const segments = box.segments.map((s) => ({ stream: s.stream, text: text(s.parts) }));
  const stdout = text(run?.stdout ?? []);
  const programStderr = text(run?.stderr ?? []);
  const common = {
    stdout,
    stderr: diagnostics + programStderr,
    transcript: segments.map((s) => s.text).join(''),
    segments,
    artifacts: box.artifacts,
    warnings: box.warnings,
    compileMs,
  };
  if (!status) {
    const outputLimited = box.outputLimitedStep === lastIndex;
    const limited = outputLimited || box.hostTimedOut;
    const detail = `${box.boxError.trim() || 'the sandbox supervisor ended without a report'} (exit ${box.boxExitCode})`;
    return {
      ...common,
      // The CLI's JSON has no warnings: say there, too, why nothing ran.
      stderr: limited ? common.stderr : `${common.stderr}labmate sandbox: ${detail}\n`,
      status: outputLimited ? 'output_limit' : box.hostTimedOut ? 'timeout' : 'internal_error',
      exitCode: null,
      signal: limited ? 'SIGKILL' : null,
      timeMs: Math.round(box.hostMs - (compileMs ?? 0)),
      cpuMs: null,
      peakMemoryKb: null,
      warnings: limited ? box.warnings : [...box.warnings, detail],
    };
  }
  const limits = steps[lastIndex]!.limits;
  const exitCode = status['exit'] === undefined || status['exit'] < 0 ? null : status['exit'];
  const signal = signalName(status['signal']);
  const outcome = {
    exitCode,
    signal,
    timedOut: status['timedout'] === 1,
    cpuMs: status['cpu_ms'] ?? null,
    peakMemoryKb: status['maxrss_kb'] ?? null,
    outputLimited: box.outputLimitedStep === lastIndex,
    stderr: programStderr,
  };
  return {
    ...common,
    status: classify(request.language, outcome, limits.cpuSeconds, limits.memoryMb),
    exitCode,
    signal,
    timeMs: status['wall_ms'] ?? 0,
    cpuMs: outcome.cpuMs,
    peakMemoryKb: outcome.peakMemoryKb,
  };
}
