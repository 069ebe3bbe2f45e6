// 40 runs of a small CPU-bound Python program (one task each) worked off by one `labmate worker` process, then by two
// (each LABMATE_WORKERS=1), each from a fresh queue on a fresh database: SQLite in a temp dir, or PostgreSQL when
// DATABASE_URL is set. The clock starts once the workers are up and stops when the last run has finished, so process
// start-up is not counted. Run with `npm run bench:workers`. Target (issue 7): two processes ≥ 1.7× faster than one.
// The reference, measured in the same run: the same 40 programs run bare by /usr/bin/python3 one at a time and two at a
// time, which says what speed-up the machine's free cores allow at that moment (on a shared, loaded machine, less
// than 2×); the efficiency is the workers' speed-up over that one.
// The four measurements are repeated in BENCH_ROUNDS rounds (default 3), every other round in mirrored order, and the
// medians of the rounds' ratios are reported: other tenants' bursts on a shared machine then weigh on both sides.
// BENCH_QUEUE=bullmq (with REDIS_URL) runs the same batch through the BullMQ queue instead of job rows in the database.
// Where a run's time goes is read from the rows: LabMate's part of a run (claim to finish, less the program's own time:
// the sandbox's start, screenshots, files, rows, events) and the lanes' idle time (waiting for the first job, between
// jobs, and for the last one to finish).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { bullmqQueue } from '../src/jobs/bullmq-queue.js';
import type { JobQueue } from '../src/jobs/queue.js';
import { TEST_SECRET } from '../test/helpers/app.js';
import { jobDefinitions } from '../test/helpers/job-definitions.js';
import { createProcessDatabase, type ProcessDatabase } from '../test/helpers/process-database.js';
import { createTestRedisPrefix } from '../test/helpers/redis-prefix.js';
import { enqueueRuns, seedCodeTask } from '../test/helpers/seed-runs.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const root = path.resolve(import.meta.dirname, '..');
const dialect = process.env.DATABASE_URL ? 'postgres' : 'sqlite';
const queueKind = process.env.BENCH_QUEUE === 'bullmq' ? 'bullmq' : 'database';
const redisUrl = process.env.REDIS_URL;
if (queueKind === 'bullmq' && !redisUrl) throw new Error('BENCH_QUEUE=bullmq needs REDIS_URL');
// About 0.2 s of arithmetic in CPython on an idle core of the development machine (0.3 s on its slower days).
const PROGRAM = 'total = 0\nfor i in range(3_000_000):\n    total += i * i % 7\nprint(total)\n';

// Node flags for the worker processes, e.g. BENCH_NODE_FLAGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile them.
const NODE_FLAGS = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);

/** The CLI as a user starts it: the compiled build when there is one, else from source through tsx. */
function cliArgs(): string[] {
  const compiled = path.join(root, 'dist/cli/main.js');
  return [...NODE_FLAGS, ...(existsSync(compiled) ? [compiled, 'worker'] : ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), 'worker'])];
}

/** Wall time to run `argv` RUNS times, `lanes` at a time. */
async function timeBare(lanes: number, argv: [string, ...string[]]): Promise<number> {
  const once = () =>
    new Promise<void>((resolve, reject) => {
      // In a session of its own, as each sandbox is (bwrap --new-session): with the kernel's autogroups on, a session
      // is what gets a share of the CPU, so bare runs sharing the benchmark's session would get one share for two.
      const child = spawn(argv[0], argv.slice(1), { stdio: 'ignore', detached: true });
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`bare run exited ${code}`))));
    });
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next++ < RUNS) await once();
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: lanes }, lane));
  return performance.now() - started;
}

/** Wall time to run the program bare RUNS times, `lanes` at a time. */
async function bare(lanes: number): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'labmate-workers-bench-'));
  const file = path.join(dir, 'program.py');
  writeFileSync(file, PROGRAM);
  try {
    return await timeBare(lanes, ['/usr/bin/python3', file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Worker processes alive now: in sessions of their own, an interrupted benchmark must end them itself. */
const live = new Set<ChildProcess>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const child of live) child.kill('SIGTERM');
    process.exit(130);
  });
}

/** Starts a worker process and resolves once it says it is working on the queue. */
function startWorker(database: ProcessDatabase, queueEnv: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, cliArgs(), {
    cwd: root,
    // Programs at the reference's priority: niced ones (the default 10) lose the cores to any other tenant's work.
    env: { PATH: process.env.PATH ?? '', LABMATE_SECRET: TEST_SECRET, LABMATE_WORKERS: '1', LABMATE_JOB_NICENESS: '0', LOG_LEVEL: 'info', ...database.env, ...queueEnv },
    stdio: ['ignore', 'pipe', 'inherit'],
    // Its own session, as a service manager starts each worker: a CPU share of its own, not the benchmark's.
    detached: true,
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('"msg":"worker started"')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code} before starting`)));
  });
}

const CLOCK_TICKS_PER_S = 100;

/**
 * CPU milliseconds a worker process and every process under it (its sandbox launcher, its pool process) have used so
 * far, with the sandboxes they waited for (Linux /proc).
 */
function cpuMs(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0; // Gone meanwhile: what it used counts in its parent once waited for.
  }
  // Fields after the parenthesised command name: utime, stime, cutime and cstime are the 12th to 15th.
  const fields = stat.split(') ')[1]?.split(' ') ?? [];
  const own = fields.slice(11, 15).reduce((sum, value) => sum + Number(value), 0) * (1000 / CLOCK_TICKS_PER_S);
  return own + childrenOf(pid).reduce((sum, child) => sum + cpuMs(child), 0);
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

interface Measurement {
  wallMs: number;
  /** The programs' own time in the sandbox, summed. */
  programMs: number;
  /** From each run's start (its job claimed) to its end, summed. */
  runMs: number;
  cpuMs: number;
}

/**
 * Wall time for `processes` worker processes to finish RUNS runs, from the first enqueue to the last run's end, the
 * programs' own time and the runs' time from start to end summed (the rest of a run is LabMate's: the sandbox's
 * start, screenshots, files, rows, events), and the CPU the workers and their sandboxes used.
 */
async function measure(processes: number): Promise<Measurement> {
  const database = await createProcessDatabase(dialect);
  const redisPrefix = queueKind === 'bullmq' && redisUrl ? createTestRedisPrefix(redisUrl) : undefined;
  const queueEnv: Record<string, string> = redisPrefix && redisUrl ? { REDIS_URL: redisUrl, LABMATE_QUEUE: 'bullmq', LABMATE_QUEUE_PREFIX: redisPrefix.prefix } : {};
  // Only enqueues: the worker processes do the work.
  const producer: JobQueue | undefined =
    redisPrefix && redisUrl ? bullmqQueue({ redisUrl, prefix: redisPrefix.prefix, logger: pino({ level: 'silent' }), jobs: jobDefinitions({}, 3), concurrency: 0 }) : undefined;
  const workers: ChildProcess[] = [];
  try {
    const db = database.handle.db;
    const seeded = await seedCodeTask(db, { language: 'python', code: PROGRAM });
    for (let i = 0; i < processes; i++) workers.push(await startWorker(database, queueEnv));
    const cpuBefore = workers.reduce((sum, worker) => sum + cpuMs(worker.pid ?? 0), 0);
    const started = performance.now();
    const runIds = await enqueueRuns(db, seeded, RUNS, producer);
    for (;;) {
      const finished = await db.selectFrom('runs').select(['status', 'started_at', 'finished_at']).where('finished_at', 'is not', null).execute();
      if (finished.length === runIds.length) {
        const elapsed = performance.now() - started;
        const failed = finished.filter((run) => run.status !== 'succeeded').length;
        const tasks = await db.selectFrom('run_tasks').select(['status', 'time_ms']).execute();
        const notOk = tasks.filter((task) => task.status !== 'ok').length;
        if (failed > 0 || notOk > 0) throw new Error(`${failed} runs failed, ${notOk} tasks not ok`);
        const cpu = workers.reduce((sum, worker) => sum + cpuMs(worker.pid ?? 0), 0) - cpuBefore;
        const runMs = finished.reduce((sum, run) => sum + Date.parse(run.finished_at ?? '') - Date.parse(run.started_at ?? ''), 0);
        return { wallMs: elapsed, programMs: tasks.reduce((sum, task) => sum + (task.time_ms ?? 0), 0), runMs, cpuMs: cpu };
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await Promise.all(workers.map(stop));
    await producer?.stop();
    await redisPrefix?.dispose();
    await database.dispose();
  }
}

const load = loadavg()[0]?.toFixed(1);
console.log(`${RUNS} runs on ${dialect}, ${queueKind} queue, ${availableParallelism()} cores, load ${load}`);
// A run starts several processes (bwrap, the supervisor, the program): on hosts where starting processes does not
// use both cores (some VMs), that part of a run cannot speed up with a second worker, whatever LabMate does.
const startOne = await timeBare(1, ['/usr/bin/true']);
const startTwo = await timeBare(2, ['/usr/bin/true']);
console.log(`starting a process (/usr/bin/true): ${(startOne / RUNS).toFixed(1)} ms one at a time; two at a time ${(startOne / startTwo).toFixed(2)}× as fast`);
// CPU per run staying put from one process to two means no work is repeated or spun; wall time then follows free cores.
const report = (label: string, processes: number, result: Measurement) => {
  const perRun = (ms: number) => (ms / RUNS).toFixed(0);
  console.log(
    `${label} ${(result.wallMs / 1000).toFixed(1)} s (${perRun(result.wallMs)} ms a run; a run: ${perRun(result.runMs)} ms from claim to end, ` +
      `of which the program ${perRun(result.programMs)} ms and LabMate ${perRun(result.runMs - result.programMs)} ms; ` +
      `lanes idle ${perRun(processes * result.wallMs - result.runMs)} ms a run; CPU of workers and sandboxes ${perRun(result.cpuMs)} ms a run)`,
  );
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const speedUps: number[] = [];
const alloweds: number[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  const steps = ['bare 1', 'bare 2', 'workers 1', 'workers 2'] as const;
  const times: Partial<Record<(typeof steps)[number], number>> = {};
  console.log(`round ${round} (load ${loadavg()[0]?.toFixed(1)}):`);
  for (const step of round % 2 === 1 ? steps : [...steps].reverse()) {
    if (step === 'bare 1' || step === 'bare 2') {
      times[step] = await bare(step === 'bare 1' ? 1 : 2);
      console.log(`  bare python3, ${step === 'bare 1' ? 1 : 2} at a time: ${seconds(times[step])}`);
    } else {
      const processes = step === 'workers 1' ? 1 : 2;
      const result = await measure(processes);
      times[step] = result.wallMs;
      report(processes === 1 ? '  1 worker process:  ' : '  2 worker processes:', processes, result);
    }
  }
  const speedUp = (times['workers 1'] ?? NaN) / (times['workers 2'] ?? NaN);
  const allowed = (times['bare 1'] ?? NaN) / (times['bare 2'] ?? NaN);
  speedUps.push(speedUp);
  alloweds.push(allowed);
  console.log(`  speed-up ${speedUp.toFixed(2)}×; bare two at a time ${allowed.toFixed(2)}×; efficiency ${(speedUp / allowed).toFixed(2)}`);
}
const list = (values: number[]) => values.map((value) => `${value.toFixed(2)}×`).join(', ');
const speedUp = median(speedUps);
const allowed = median(alloweds);
console.log(
  `speed-up: median ${speedUp.toFixed(2)}× (${list(speedUps)}; target ≥ 1.7×); bare runs two at a time in the same rounds: median ` +
    `${allowed.toFixed(2)}× (${list(alloweds)}); efficiency ${(speedUp / allowed).toFixed(2)}`,
);
console.log(`load now ${loadavg()[0]?.toFixed(1)}`);
