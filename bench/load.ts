// npm run load: K users drive the whole journey at once against a server started here on loopback, each user starting
// a new journey (as a new account) when one ends until the loaded window lasts as long as the idle ones, and the
// signed-in GET /auth/me p99 is measured idle (before and after the load) and under that load, in the same run. Two
// topologies, one after the other (LOAD_TOPOLOGY=one-process or api+worker for one): the server working on jobs
// itself (LABMATE_WORKERS defaults to one per core), and an API-only server (LABMATE_WORKERS=0) beside a
// `labmate worker` process at background priority (`nice -n 10`), as the README recommends for production. Each runs
// in a session of its own, as a server does, and the server's event-loop delay is read from its /metrics too.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lowerPriority } from '../src/workers/background-priority.js';
import { buildDocx } from '../test/fixtures/docx-builder.js';
import { multipartFile } from '../test/helpers/multipart.js';

const K = Number(process.env.LOAD_USERS ?? 20);
const PORT = Number(process.env.LOAD_PORT ?? 3950);
const BASE = `http://127.0.0.1:${PORT}`;
const TOPOLOGIES = ['one-process', 'api+worker'] as const;
type Topology = (typeof TOPOLOGIES)[number];
const root = path.resolve(import.meta.dirname, '..');

interface Session {
  cookie: string;
  csrf: string;
}

const timings = new Map<string, number[]>();
let errors = 0;

async function timed<T>(step: string, action: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await action();
  } finally {
    const list = timings.get(step) ?? [];
    list.push(performance.now() - started);
    timings.set(step, list);
  }
}

async function call(session: Session | undefined, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${BASE}${url}`, {
    method,
    headers: {
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
      ...(body !== undefined && !(body instanceof Uint8Array) ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: body instanceof Uint8Array ? body : JSON.stringify(body) } : {}),
  });
  if (!response.ok) {
    errors++;
    throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  }
  return response;
}

async function signUp(index: number): Promise<Session> {
  const csrf = await fetch(`${BASE}/api/v1/auth/csrf`);
  const pre = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await call({ cookie: pre, csrf: csrfToken }, 'POST', '/api/v1/auth/signup', {
    email: `load${index}-${Date.now()}@example.com`,
    name: `Load ${index}`,
    password: 'load test passphrase',
  });
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

async function journey(index: number, docx: Buffer): Promise<void> {
  const session = await timed('sign up', () => signUp(index));
  const upload = multipartFile('file', `lab${index}.docx`, docx);
  const lab = (await timed('upload', async () => (await call(session, 'POST', '/api/v1/assignments', new Uint8Array(upload.body), upload.headers)).json())) as { id: string };
  const run = (await timed('start run', async () => (await call(session, 'POST', `/api/v1/assignments/${lab.id}/runs`, {})).json())) as { id: string };
  await timed('run to completion', async () => {
    for (;;) {
      const state = (await (await call(session, 'GET', `/api/v1/runs/${run.id}`)).json()) as { status: string; finishedAt: string | null };
      if (state.finishedAt) {
        if (state.status !== 'succeeded') throw new Error(`run ${state.status}`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
  const report = (await timed('compose', async () => {
    const started = (await (await call(session, 'POST', `/api/v1/assignments/${lab.id}/reports`, { pdf: false })).json()) as { id: string };
    for (;;) {
      const state = (await (await call(session, 'GET', `/api/v1/reports/${started.id}`)).json()) as { status: string; docx: string | null };
      if (state.status === 'succeeded') return state;
      if (state.status === 'failed') throw new Error('report failed');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })) as { docx: string };
  await timed('download', async () => (await call(session, 'GET', report.docx)).arrayBuffer());
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

// Idle samples are taken before and after the load: on a shared host the other tenants' load drifts, and idle
// time on both sides of the loaded window estimates the idle p99 during it better than either side alone.
const IDLE_SAMPLES = 300;
/** Journeys per user at most in the loaded window. */
const MAX_JOURNEYS_PER_USER = 12;

// The prober samples from a process in a session of its own, like a user's browser: neither the journeys' work in
// this process nor the CPU slice it shares with them under autogroup scheduling delays its clock.
const PROBE = `const { url, cookie, max } = JSON.parse(process.argv[1]);
const limit = max ?? Infinity;
let stop = false;
process.on('message', () => { stop = true; });
(async () => {
  const samples = [];
  while (!stop && samples.length < limit) {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error('GET /auth/me: ' + response.status);
    samples.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  process.send(samples, () => process.disconnect());
})();`;

/** Samples GET /auth/me every 20 ms from another process until `count` samples, or until the returned stop is called. */
function probeMe(session: Session, count = Infinity): { samples: Promise<number[]>; stop: () => void } {
  const data = JSON.stringify({ url: `${BASE}/api/v1/auth/me`, cookie: session.cookie, max: Number.isFinite(count) ? count : null });
  const prober = spawn(process.execPath, ['-e', PROBE, data], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], detached: true });
  const samples = new Promise<number[]>((resolve, reject) => {
    prober.once('message', (values: number[]) => resolve(values));
    prober.once('close', (code) => reject(new Error(`the prober exited with ${code} before reporting`)));
  });
  return {
    samples,
    stop: () => {
      if (prober.connected) prober.send('stop');
    },
  };
}

/**
 * The server's event-loop delay since the last call, from prom-client's `monitorEventLoopDelay` gauges in /metrics
 * (each scrape resets the histogram). The values include its 10 ms sampling interval.
 */
async function eventLoopDelay(): Promise<{ p99: number; max: number }> {
  const text = await (await fetch(`${BASE}/metrics`)).text();
  const gauge = (name: string) => 1000 * Number(new RegExp(`^labmate_nodejs_eventloop_lag_${name}_seconds (\\S+)$`, 'm').exec(text)?.[1]);
  return { p99: gauge('p99'), max: gauge('max') };
}

// Node flags for the processes started here, e.g. LOAD_NODE_FLAGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile them;
// LOAD_SERVER_LOG=/tmp/x appends each process's output to /tmp/x.serve (or .worker), e.g. for --trace-gc.
// The servers log at LOG_LEVEL, `warn` unless set (`info` writes a line per request).
const NODE_FLAGS = (process.env.LOAD_NODE_FLAGS ?? '').split(' ').filter(Boolean);

/**
 * Starts the CLI in a session of its own, as a server started from its own terminal or service unit runs: on Linux
 * with autogroup scheduling, processes in one session share one slice of the CPU, so a server started in this
 * session would compete with the load this process generates. A niced process also gets its session's group niced.
 */
function startProcess(args: string[], env: Record<string, string>, niceness = 0): ChildProcess {
  const command = niceness > 0 ? ['nice', '-n', String(niceness), process.execPath] : [process.execPath];
  const log = process.env.LOAD_SERVER_LOG ? openSync(`${process.env.LOAD_SERVER_LOG}.${args[0]}`, 'a') : 'ignore';
  const child = spawn(command[0]!, [...command.slice(1), ...NODE_FLAGS, 'dist/cli/main.js', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', log, log],
    detached: true,
  });
  if (typeof log === 'number') closeSync(log);
  if (niceness > 0) lowerPriority(child.pid, niceness);
  return child;
}

async function measure(topology: Topology, docx: Buffer): Promise<boolean> {
  timings.clear();
  errors = 0;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'labmate-load-'));
  const env = { PORT: String(PORT), LABMATE_DATA_DIR: dataDir, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', LABMATE_RATE_LIMIT_MAX: '100000', LABMATE_AUTH_RATE_LIMIT_MAX: '100000' };
  // The compiled server, as in production (npm run load builds it first): worker threads then load plain JS.
  const processes = [startProcess(['serve'], topology === 'api+worker' ? { ...env, LABMATE_WORKERS: '0' } : env)];
  try {
    for (let i = 0; i < 600 && !(await fetch(`${BASE}/healthz`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
    // Started once the server has migrated the database they share.
    if (topology === 'api+worker') processes.push(startProcess(['worker'], env, 10));
    const prober = await signUp(-1);
    await journey(-2, docx); // warm-up: helper build, fonts, grammars, the pool's threads
    timings.clear();
    await eventLoopDelay();
    const idleStarted = performance.now();
    const before = await probeMe(prober, IDLE_SAMPLES).samples;
    const idleDelay = await eventLoopDelay();
    const started = performance.now();
    // As long under load as idle (both sides), so both p99s are the same order statistic of about as many samples:
    // on a quiet host one journey lasts two seconds, whose p99 would be its single worst sample.
    const minLoadedMs = 2 * (started - idleStarted);
    const under = probeMe(prober);
    const results: PromiseSettledResult<void>[] = [];
    // Each user goes through the journey again as soon as the last one ended (a closed loop, as load generators'
    // virtual users do), so K journeys are in flight all the time rather than K starting together in lockstep.
    await Promise.all(
      Array.from({ length: K }, async (_, user) => {
        for (let n = 0; n < MAX_JOURNEYS_PER_USER && (n === 0 || performance.now() - started < minLoadedMs); n++) {
          results.push(...(await Promise.allSettled([journey(n * K + user, docx)])));
        }
      }),
    );
    const wallS = (performance.now() - started) / 1000;
    under.stop();
    const busy = await under.samples;
    const busyDelay = await eventLoopDelay();
    const after = await probeMe(prober, IDLE_SAMPLES).samples;
    const idle = [...before, ...after];
    const failed = results.filter((r) => r.status === 'rejected');
    console.log(`\n[${topology}] ${K} users at once, full journey each (sign up, upload, run 2 programs, compose, download), loopback, ${results.length} journeys`);
    console.log(`wall ${wallS.toFixed(1)} s, ${(results.length / wallS).toFixed(2)} journeys/s, errors ${errors}, failed journeys ${failed.length}`);
    for (const [step, values] of timings) {
      console.log(`  ${step.padEnd(18)} p50 ${quantile(values, 0.5).toFixed(0).padStart(6)} ms  p95 ${quantile(values, 0.95).toFixed(0).padStart(6)} ms  p99 ${quantile(values, 0.99).toFixed(0).padStart(6)} ms`);
    }
    const idleP99 = quantile(idle, 0.99);
    const busyP99 = quantile(busy, 0.99);
    console.log(
      `GET /auth/me (${idle.length} idle, ${busy.length} loaded samples): p50 idle ${quantile(idle, 0.5).toFixed(1)} ms, loaded ${quantile(busy, 0.5).toFixed(1)} ms; ` +
        `p99 idle ${idleP99.toFixed(1)} ms (before ${quantile(before, 0.99).toFixed(1)}, after ${quantile(after, 0.99).toFixed(1)}), loaded ${busyP99.toFixed(1)} ms, ` +
        `ratio ${(busyP99 / idleP99).toFixed(2)}x (target <= 3x)`,
    );
    console.log(
      `server event-loop delay (monitorEventLoopDelay, 10 ms sampling included): idle p99 ${idleDelay.p99.toFixed(1)} ms, max ${idleDelay.max.toFixed(1)} ms; ` +
        `loaded p99 ${busyDelay.p99.toFixed(1)} ms, max ${busyDelay.max.toFixed(1)} ms`,
    );
    for (const failure of failed.slice(0, 3)) console.log(`  failure: ${(failure as PromiseRejectedResult).reason}`);
    return errors === 0 && failed.length === 0;
  } finally {
    for (const child of processes) child.kill('SIGTERM');
    await Promise.all(processes.map((child) => new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)))));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const chosen = process.env.LOAD_TOPOLOGY ? TOPOLOGIES.filter((topology) => topology === process.env.LOAD_TOPOLOGY) : TOPOLOGIES;
if (chosen.length === 0) throw new Error(`LOAD_TOPOLOGY must be one of ${TOPOLOGIES.join(', ')}`);
const docx = await buildDocx([
  { text: 'Q1. Print the squares of 1 to 5.' },
  { text: 'for i in range(1, 6):', font: 'Courier New' },
  { text: '    print(i, i * i)', font: 'Courier New' },
  { text: 'Q2. Print a greeting.' },
  { text: 'print("Hello from LabMate")', font: 'Courier New' },
]);
for (const topology of chosen) {
  if (!(await measure(topology, docx))) process.exitCode = 1;
}
