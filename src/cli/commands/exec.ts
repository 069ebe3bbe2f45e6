import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { isRunnableLanguage } from '../../languages.js';
import {
  InvalidRunRequestError,
  LANGUAGES,
  SandboxPool,
  SandboxUnavailableError,
  type Language,
  type Limits,
  type RunRequest,
  type RunResult,
} from '../../sandbox/index.js';
import { UsageError, type CliCommand } from '../command.js';

const EXIT_UNAVAILABLE = 69;

const usage = `usage: labmate exec --lang L [--stdin FILE] [--timeout-ms N] [--memory-mb N] [--artifacts-dir DIR] SOURCE
       labmate exec --batch FILE.jsonl [--concurrency N]

Runs a program in the bubblewrap sandbox and prints one JSON object:
  { "status", "exitCode", "signal", "timeMs", "transcript", "stdout", "stderr", "artifacts": [ { "name", "kind", "bytes" } ] }
status: ok | runtime_error | compile_error | timeout | memory_limit | output_limit | internal_error
languages: ${LANGUAGES.join(', ')}
--batch reads one { "lang", "source", "stdin", "files"?: [ { "name", "content" } ] } per line, runs them as many at
once as the pool allows (default one per core), prints one result per line in input order, then
{ "batch": { "count", "wallMs" } }.`;

const batchLine = z.object({
  lang: z.enum(LANGUAGES),
  source: z.string(),
  stdin: z.string().optional(),
  files: z.array(z.object({ name: z.string(), content: z.string() })).optional(),
  timeoutMs: z.number().int().positive().optional(),
  memoryMb: z.number().int().positive().optional(),
});

/** The JSON shape of DESIGN.md §3: exactly these keys, artifacts without their bytes. */
function present(result: RunResult): Record<string, unknown> {
  return {
    status: result.status,
    exitCode: result.exitCode,
    signal: result.signal,
    timeMs: result.timeMs,
    transcript: result.transcript,
    stdout: result.stdout,
    stderr: result.stderr,
    artifacts: result.artifacts.map((a) => ({ name: a.name, kind: a.kind, bytes: a.bytes })),
  };
}

/** A line the batch could not run still answers on its own line, in the same shape. */
function rejected(message: string): Record<string, unknown> {
  return {
    status: 'internal_error',
    exitCode: null,
    signal: null,
    timeMs: 0,
    transcript: '',
    stdout: '',
    stderr: message,
    artifacts: [],
  };
}

function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} must be a positive integer`);
  return n;
}

/** --timeout-ms sets the wall clock; CPU keeps the default ratio of half the wall time. */
function limitsFrom(timeoutMs: number | undefined, memoryMb: number | undefined): Partial<Limits> {
  const limits: Partial<Limits> = {};
  if (timeoutMs !== undefined) {
    limits.wallMs = timeoutMs;
    limits.cpuSeconds = Math.max(1, Math.ceil(timeoutMs / 2000));
  }
  if (memoryMb !== undefined) limits.memoryMb = memoryMb;
  return limits;
}

async function runOne(values: Record<string, string | undefined>, sourcePath: string): Promise<number> {
  const lang = values['lang'];
  if (!lang || !isRunnableLanguage(lang)) {
    throw new UsageError(`--lang must be one of ${LANGUAGES.join(', ')}`);
  }
  const request: RunRequest = {
    language: lang as Language,
    source: await readFile(sourcePath, 'utf8'),
    limits: limitsFrom(
      positiveInt(values['timeout-ms'], '--timeout-ms'),
      positiveInt(values['memory-mb'], '--memory-mb'),
    ),
  };
  if (values['stdin'] !== undefined) request.stdin = await readFile(values['stdin'], 'utf8');
  const result = await new SandboxPool(1).run(request);
  const dir = values['artifacts-dir'];
  if (dir !== undefined) {
    await mkdir(dir, { recursive: true });
    // Names come from the box: flatten them so none can point outside DIR.
    for (const artifact of result.artifacts) {
      await writeFile(join(dir, artifact.name.replaceAll('/', '_')), artifact.content);
    }
  }
  process.stdout.write(JSON.stringify(present(result)) + '\n');
  return 0;
}

async function runBatch(path: string, concurrency: number | undefined): Promise<number> {
  const started = performance.now();
  const lines = (await readFile(path, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  const pool = new SandboxPool(concurrency);
  const results = lines.map(async (line, index): Promise<Record<string, unknown>> => {
    let parsed;
    try {
      parsed = batchLine.parse(JSON.parse(line));
    } catch (error) {
      return rejected(`line ${index + 1}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const request: RunRequest = {
      language: parsed.lang,
      source: parsed.source,
      limits: limitsFrom(parsed.timeoutMs, parsed.memoryMb),
    };
    if (parsed.stdin !== undefined) request.stdin = parsed.stdin;
    if (parsed.files) request.files = parsed.files;
    try {
      return present(await pool.run(request));
    } catch (error) {
      if (error instanceof InvalidRunRequestError) return rejected(`line ${index + 1}: ${error.message}`);
      throw error;
    }
  });
  // Print in input order as soon as each line's turn comes, so a long batch streams.
  for (const result of results) process.stdout.write(JSON.stringify(await result) + '\n');
  const wallMs = Math.round(performance.now() - started);
  process.stdout.write(JSON.stringify({ batch: { count: lines.length, wallMs } }) + '\n');
  return 0;
}

/** `labmate exec`: run one program, or a JSONL batch, in the sandbox. */
export const execCommand: CliCommand = {
  usage,
  async run(argv) {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          lang: { type: 'string' },
          stdin: { type: 'string' },
          'timeout-ms': { type: 'string' },
          'memory-mb': { type: 'string' },
          'artifacts-dir': { type: 'string' },
          batch: { type: 'string' },
          concurrency: { type: 'string' },
        },
      });
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    const { values, positionals } = parsed;
    try {
      if (values.batch !== undefined) {
        if (positionals.length > 0) throw new UsageError('--batch takes no SOURCE');
        return await runBatch(values.batch, positiveInt(values.concurrency, '--concurrency'));
      }
      if (positionals.length !== 1) throw new UsageError('exactly one SOURCE file is required');
      return await runOne(values, positionals[0]!);
    } catch (error) {
      if (error instanceof SandboxUnavailableError) {
        process.stderr.write(`labmate exec: ${error.message}\n`);
        return EXIT_UNAVAILABLE;
      }
      if (error instanceof InvalidRunRequestError) throw new UsageError(error.message);
      throw error;
    }
  },
};
