import { LAUNCHER_STOPPED, sharedLauncher, type ProcessLauncher } from '../workers/process-launcher.js';
import { parseArtifact } from './artifacts.js';
import { bwrapArgs, BOX_UID } from './box.js';
import { InvalidRunRequestError, SandboxUnavailableError } from './errors.js';
import { encodeRecord, FrameReader, parseStatus, type Frame } from './frames.js';
import { installHelper } from './helper/install.js';
import { ARTIFACT_LIMITS, languageDefaults, resolveLimits } from './limits.js';
import { recipeFor, type Step } from './recipes.js';
import { buildResult, refused, type BoxOutcome } from './result.js';
import { LANGUAGES, type RunRequest, type RunResult } from './types.js';

/** Where to find bubblewrap and where to keep the helper directory. */
export interface RunnerOptions {
  bwrapPath?: string;
  helperRoot?: string;
  /** Aborting kills the box at once (a cancelled run); the result then reports how far the program got. */
  signal?: AbortSignal;
  /** CPU niceness of everything in the box (0–19; default 0): a server lowers it so programs never starve it. */
  niceness?: number;
  /** What starts bubblewrap (default: the process-wide launcher, so the fork never holds this event loop). */
  launcher?: ProcessLauncher;
}

/** Sources above this are refused before a box is built (the compilers would only spend the limits on them). */
export const MAX_SOURCE_BYTES = 1024 * 1024;
const MAX_STDIN_BYTES = 1024 * 1024;
const MAX_INPUT_FILES_BYTES = 16 * 1024 * 1024;
/** Time the host grants beyond the supervisor's clocks (start-up, returning artifacts) before it kills the box. */
const HOST_GRACE_MS = 10_000;
const INPUT_FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.\- ]{0,127}$/;

/**
 * Runs one program in a fresh bubblewrap box and reports what happened. Never falls back to running outside a box:
 * without bubblewrap it throws SandboxUnavailableError.
 */
export async function runProgram(request: RunRequest, options: RunnerOptions = {}): Promise<RunResult> {
  if (!LANGUAGES.includes(request.language)) throw new InvalidRunRequestError(`unknown language '${request.language}'`);
  let limits;
  try {
    limits = resolveLimits(request.limits, languageDefaults(request.language));
  } catch (error) {
    throw new InvalidRunRequestError(error instanceof Error ? error.message : String(error));
  }
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
    String(options.niceness ?? 0),
    String(ARTIFACT_LIMITS.maxFiles),
    String(ARTIFACT_LIMITS.maxFileBytes),
    String(ARTIFACT_LIMITS.maxTotalBytes),
    ...steps.flatMap(stepArgs),
  ];
  const launcher = options.launcher ?? sharedLauncher();
  const box = await runBox(launcher, options.bwrapPath ?? 'bwrap', bwrapArgs(helper.path, command), input, steps, options.signal);
  return buildResult(request, steps, box);
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

function runBox(launcher: ProcessLauncher, bwrap: string, args: string[], input: Buffer, steps: Step[], signal?: AbortSignal): Promise<BoxOutcome> {
  const last = steps.length - 1;
  const outcome: BoxOutcome = {
    outputs: steps.map(() => ({ stdout: [], stderr: [], bytes: 0 })),
    segments: [],
    artifacts: [],
    warnings: [],
    outputLimitedStep: null,
    hostTimedOut: false,
    hostMs: 0,
    boxError: '',
    boxExitCode: null,
  };
  const asRoot = process.getuid?.() === 0;
  const started = performance.now();
  return new Promise((resolve, reject) => {
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
            outcome.outputLimitedStep ??= frame.step;
            box.kill();
          }
          output.bytes += bytes.length;
          (frame.type === 'o' ? output.stdout : output.stderr).push(Buffer.from(bytes));
        }
        if (frame.step === last && bytes.length > 0) {
          const stream = frame.type === 'o' ? 'stdout' : frame.type === 'e' ? 'stderr' : 'stdin';
          const previous = outcome.segments.at(-1);
          if (previous?.stream === stream) previous.parts.push(Buffer.from(bytes));
          else outcome.segments.push({ stream, parts: [Buffer.from(bytes)] });
        }
      } else if (frame.type === 's') {
        output.status = parseStatus(frame.payload);
      } else if (frame.type === 'f') {
        outcome.artifacts.push(parseArtifact(frame.payload));
      } else if (frame.type === 'w') {
        outcome.warnings.push(frame.payload.toString('utf8'));
      }
    };
    const settle = (): void => {
      signal?.removeEventListener('abort', kill);
      outcome.hostMs = performance.now() - started;
      clearTimeout(timer);
    };
    // When we are root, bubblewrap itself runs as nobody: the box's uid then maps to an unprivileged host uid,
    // so even a mistake in what is bound would not hand a program root-owned files. Its own process group
    // (detached) lets a kill reach the whole box; the box may be gone before it read its input (bwrap refused to
    // start), which shows up in boxError.
    const box = launcher.spawn(bwrap, args, { env: {}, stdin: input, ...(asRoot ? { uid: BOX_UID, gid: BOX_UID } : {}) }, {
      stdout: (chunk) => {
        for (const frame of reader.push(chunk)) onFrame(frame);
      },
      stderr: (chunk) => {
        if (outcome.boxError.length < 8192) outcome.boxError += chunk.toString('utf8');
      },
      close: (code) => {
        settle();
        outcome.boxExitCode = code;
        resolve(outcome);
      },
      error: (error) => {
        settle();
        if (error.code === LAUNCHER_STOPPED) {
          // bubblewrap dies with its parent (--die-with-parent), so the box went with the launcher.
          outcome.boxError = error.message;
          resolve(outcome);
        } else {
          reject(
            error.code === 'ENOENT'
              ? new SandboxUnavailableError(`bubblewrap (${bwrap}) is not installed: programs cannot be run safely`)
              : error,
          );
        }
      },
    });
    const kill = (): void => box.kill();
    if (signal?.aborted) kill();
    signal?.addEventListener('abort', kill, { once: true });
    const budget = steps.reduce((sum, step) => sum + step.limits.wallMs, 0) + HOST_GRACE_MS;
    const timer = setTimeout(() => {
      outcome.hostTimedOut = true;
      kill();
    }, budget);
  });
}
