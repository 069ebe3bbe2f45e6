import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { parseArtifact } from './artifacts.js';
import { bwrapArgs, BOX_UID } from './box.js';
import { classify } from './classify.js';
import { InvalidRunRequestError, SandboxUnavailableError } from './errors.js';
import { encodeRecord, FrameReader, parseStatus, type Frame } from './frames.js';
import { installHelper } from './helper/install.js';
import { ARTIFACT_LIMITS, languageDefaults, resolveLimits } from './limits.js';
import { recipeFor, type Step } from './recipes.js';
import { LANGUAGES, type Artifact, type RunRequest, type RunResult, type TranscriptSegment } from './types.js';

/** Where to find bubblewrap and where to keep the helper directory. */
export interface RunnerOptions {
  bwrapPath?: string;
  helperRoot?: string;
}

/** Sources above this are refused before a box is built (the compilers would only spend the limits on them). */
export const MAX_SOURCE_BYTES = 1024 * 1024;
const MAX_STDIN_BYTES = 1024 * 1024;
const MAX_INPUT_FILES_BYTES = 16 * 1024 * 1024;
/** Time the host grants beyond the supervisor's own clocks (for start-up and returning artifacts) before it kills the box itself. */
const HOST_GRACE_MS = 10_000;
const INPUT_FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.\- ]{0,127}$/;

interface StepOutput {
  stdout: Buffer[];
  stderr: Buffer[];
  bytes: number;
  status?: Record<string, number>;
}

/**
 * Runs one program in a fresh bubblewrap box and reports what happened. Never falls back to running outside a box:
 * without bubblewrap it throws SandboxUnavailableError.
 */
export async function runProgram(request: RunRequest, options: RunnerOptions = {}): Promise<RunResult> {
  if (!LANGUAGES.includes(request.language)) throw new InvalidRunRequestError(`unknown language '${request.language}'`);
  const limits = resolveLimits(request.limits, languageDefaults(request.language));
  const source = Buffer.from(request.source, 'utf8');
  if (source.length > MAX_SOURCE_BYTES) {
    return refused(`source is ${source.length} bytes; the limit is ${MAX_SOURCE_BYTES}`);
  }
  const recipe = recipeFor(request.language, request.source, limits);
  const input = encodeInputs(recipe.sourceName, source, request);
  let helper;
  try {
    helper = await installHelper(options.helperRoot);
  } catch (error) {
    throw new SandboxUnavailableError(error instanceof Error ? error.message : String(error));
  }
  const steps = [...recipe.compile, recipe.run];
  const command = [
    '/sandbox/supervise',
    String(ARTIFACT_LIMITS.maxFiles),
    String(ARTIFACT_LIMITS.maxFileBytes),
    String(ARTIFACT_LIMITS.maxTotalBytes),
    ...steps.flatMap(stepArgs),
  ];
  const box = await runBox(options.bwrapPath ?? 'bwrap', bwrapArgs(helper.path, command), input, steps);
  return buildResult(request, steps, box);
}

function refused(message: string): RunResult {
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

function encodeInputs(sourceName: string, source: Buffer, request: RunRequest): Buffer {
  const records = [encodeRecord('F', sourceName, source)];
  let total = 0;
  for (const file of request.files ?? []) {
    if (!INPUT_FILE_NAME.test(file.name) || file.name === sourceName) {
      throw new InvalidRunRequestError(`input file name '${file.name}' is not a plain file name`);
    }
    const content = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : Buffer.from(file.content);
    total += content.length;
    records.push(encodeRecord('F', file.name, content));
  }
  if (total > MAX_INPUT_FILES_BYTES) throw new InvalidRunRequestError('input files exceed 16 MB');
  let stdin = request.stdin ?? '';
  if (Buffer.byteLength(stdin) > MAX_STDIN_BYTES) throw new InvalidRunRequestError('stdin exceeds 1 MB');
  // Each line is typed and ended with Enter, as at a terminal; the last one too.
  if (stdin !== '' && !stdin.endsWith('\n')) stdin += '\n';
  if (stdin !== '') records.push(encodeRecord('I', '', Buffer.from(stdin, 'utf8')));
  return Buffer.concat(records);
}

function stepArgs(step: Step): string[] {
  const l = step.limits;
  return [
    String(step.feed),
    String(l.cpuSeconds),
    String(l.wallMs),
    String(step.addressSpaceMb),
    String(l.processes),
    String(l.fileSizeMb),
    String(l.openFiles),
    String(step.argv.length),
    ...step.argv,
  ];
}

interface BoxOutcome {
  outputs: StepOutput[];
  segments: { stream: TranscriptSegment['stream']; bytes: Buffer }[];
  artifacts: Artifact[];
  warnings: string[];
  outputLimited: boolean;
  hostTimedOut: boolean;
  boxError: string;
  /** bubblewrap's own exit code: the supervisor's, or 128 + signal when the supervisor was killed. */
  boxExitCode: number | null;
}

function runBox(bwrap: string, args: string[], input: Buffer, steps: Step[]): Promise<BoxOutcome> {
  const last = steps.length - 1;
  const outcome: BoxOutcome = {
    outputs: steps.map(() => ({ stdout: [], stderr: [], bytes: 0 })),
    segments: [],
    artifacts: [],
    warnings: [],
    outputLimited: false,
    hostTimedOut: false,
    boxError: '',
    boxExitCode: null,
  };
  const asRoot = process.getuid?.() === 0;
  return new Promise((resolve, reject) => {
    // When we are root, bubblewrap itself runs as nobody: the box's uid then maps to an unprivileged host uid,
    // so even a mistake in what is bound would not hand a program root-owned files.
    const child = spawn(bwrap, args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
      env: {},
      ...(asRoot ? { uid: BOX_UID, gid: BOX_UID } : {}),
    });
    const kill = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const budget = steps.reduce((sum, step) => sum + step.limits.wallMs, 0) + HOST_GRACE_MS;
    const timer = setTimeout(() => {
      outcome.hostTimedOut = true;
      kill();
    }, budget);
    const reader = new FrameReader();
    const onFrame = (frame: Frame): void => {
      const output = outcome.outputs[frame.step];
      if (!output) return;
      if (frame.type === 'o' || frame.type === 'e' || frame.type === 'i') {
        const cap = steps[frame.step]?.limits.outputBytes ?? 0;
        let bytes = frame.payload;
        if (frame.type !== 'i') {
          if (output.bytes + bytes.length > cap) {
            bytes = bytes.subarray(0, Math.max(0, cap - output.bytes));
            if (frame.step === last) outcome.outputLimited = true;
            kill();
          }
          output.bytes += bytes.length;
          (frame.type === 'o' ? output.stdout : output.stderr).push(Buffer.from(bytes));
        }
        if (frame.step === last && bytes.length > 0) {
          const stream = frame.type === 'o' ? 'stdout' : frame.type === 'e' ? 'stderr' : 'stdin';
          outcome.segments.push({ stream, bytes: Buffer.from(bytes) });
        }
      } else if (frame.type === 's') {
        output.status = parseStatus(frame.payload);
      } else if (frame.type === 'f') {
        outcome.artifacts.push(parseArtifact(frame.payload));
      } else if (frame.type === 'w') {
        outcome.warnings.push(frame.payload.toString('utf8'));
      }
    };
    child.stdout.on('data', (chunk: Buffer) => {
      for (const frame of reader.push(chunk)) onFrame(frame);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (outcome.boxError.length < 8192) outcome.boxError += chunk.toString('utf8');
    });
    // The box may be gone before it read its input (bwrap refused to start); that shows up in boxError.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        error.code === 'ENOENT'
          ? new SandboxUnavailableError(`bubblewrap (${bwrap}) is not installed: programs cannot be run safely`)
          : error,
      );
    });
    child.on('close', (code) => {
      outcome.boxExitCode = code;
      clearTimeout(timer);
      resolve(outcome);
    });
  });
}

function text(chunks: Buffer[]): string {
  return Buffer.concat(chunks).toString('utf8');
}

function signalName(signal: number | undefined): string | null {
  if (!signal) return null;
  const entry = Object.entries(constants.signals).find(([, number]) => number === signal);
  return entry ? entry[0] : `SIG${signal}`;
}

/** Joins neighbouring chunks of one stream before decoding, so a character split across reads stays whole. */
function mergeSegments(segments: BoxOutcome['segments']): TranscriptSegment[] {
  const merged: { stream: TranscriptSegment['stream']; parts: Buffer[] }[] = [];
  for (const segment of segments) {
    const previous = merged.at(-1);
    if (previous && previous.stream === segment.stream) previous.parts.push(segment.bytes);
    else merged.push({ stream: segment.stream, parts: [segment.bytes] });
  }
  return merged.map((m) => ({ stream: m.stream, text: text(m.parts) }));
}

function buildResult(request: RunRequest, steps: Step[], box: BoxOutcome): RunResult {
  const lastIndex = steps.length - 1;
  const compileOutputs = box.outputs.slice(0, lastIndex);
  const compileMs = compileOutputs.length
    ? compileOutputs.reduce((sum, o) => sum + (o.status?.['wall_ms'] ?? 0), 0)
    : null;
  const diagnostics = compileOutputs.map((o) => text([...o.stdout, ...o.stderr])).join('');
  const failedCompile = compileOutputs.find((o) => !o.status || o.status['exit'] !== 0 || o.status['timedout']);
  const base = { artifacts: [] as Artifact[], warnings: box.warnings, compileMs, cpuMs: null, peakMemoryKb: null };
  if (failedCompile?.status) {
    const timedOut = failedCompile.status['timedout'] === 1;
    const message = diagnostics + (timedOut ? 'compilation stopped: it exceeded its time limit\n' : '');
    return {
      ...base,
      status: 'compile_error',
      exitCode: failedCompile.status['exit'] ?? null,
      signal: signalName(failedCompile.status['signal']),
      timeMs: 0,
      stdout: '',
      stderr: message,
      transcript: message,
      segments: [{ stream: 'stderr', text: message }],
    };
  }
  const run = box.outputs[lastIndex];
  const status = run?.status;
  const segments = mergeSegments(box.segments);
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
    const limited = box.outputLimited || box.hostTimedOut;
    const detail = box.boxError.trim() || 'the sandbox supervisor ended without a report';
    return {
      ...common,
      status: box.outputLimited ? 'output_limit' : box.hostTimedOut ? 'timeout' : 'internal_error',
      exitCode: null,
      signal: limited ? 'SIGKILL' : null,
      timeMs: box.hostTimedOut ? (steps[lastIndex]?.limits.wallMs ?? 0) : 0,
      cpuMs: null,
      peakMemoryKb: null,
      warnings: limited ? box.warnings : [...box.warnings, detail + ' (exit ' + box.boxExitCode + ')'],
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
    outputLimited: box.outputLimited,
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
