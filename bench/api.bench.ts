// GET /api/v1/auth/me signed in (embedded SQLite) against a bare Fastify hello-world, same machine, same run.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const root = path.resolve(import.meta.dirname, '..');

const HELLO = `
const app = require('fastify')();
app.get('/', async () => ({ hello: 'world' }));
app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
`;

async function start(args: string[], env: Record<string, string>, url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: 'ignore' });
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`server exited early with ${child.exitCode}`);
    const answered = await fetch(url).then((r) => r.ok, () => false);
    if (answered) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${url} did not answer within 30 s`);
}

async function signIn(base: string): Promise<string> {
  const csrfResponse = await fetch(`${base}/api/v1/auth/csrf`);
  const preSession = csrfResponse.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: preSession },
    body: JSON.stringify({ email: 'bench@example.com', name: 'Bench', password: 'benchmark passphrase' }),
  });
  if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const session = response.headers.getSetCookie().find((c) => c.includes('labmate_session='));
  if (!session) throw new Error('no session cookie');
  return session.split(';')[0] ?? '';
}

async function load(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  const errors = result.errors + result.timeouts + result.non2xx;
  return { rps: result.requests.average, p99: result.latency.p99, errors, total: result.requests.total };
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'labmate-bench-'));
const hello = await start(['-e', HELLO], { PORT: '3901' }, 'http://127.0.0.1:3901/');
const labmate = await start(
  ['dist/cli/main.js', 'serve'],
  // The limiter stays on (its cost is measured) with a ceiling this one client cannot reach.
  { PORT: '3902', LABMATE_DATA_DIR: dataDir, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info', LABMATE_RATE_LIMIT_MAX: '100000000' },
  'http://127.0.0.1:3902/healthz',
);
try {
  const cookie = await signIn('http://127.0.0.1:3902');
  await load('http://127.0.0.1:3901/');
  const base = await load('http://127.0.0.1:3901/');
  const me = await load('http://127.0.0.1:3902/api/v1/auth/me', { cookie });
  console.log(`connections ${CONNECTIONS}, ${DURATION_S} s each, loopback`);
  console.log(`bare fastify hello-world : ${base.rps.toFixed(0)} req/s, p99 ${base.p99} ms, errors ${base.errors}`);
  console.log(`labmate GET /auth/me     : ${me.rps.toFixed(0)} req/s, p99 ${me.p99} ms, errors ${me.errors} of ${me.total}`);
  console.log(`ratio (labmate / bare)   : throughput ${(me.rps / base.rps).toFixed(2)}x, p99 ${(me.p99 / Math.max(base.p99, 1)).toFixed(2)}x`);
  if (me.errors > 0) process.exitCode = 1;
} finally {
  hello.kill('SIGTERM');
  labmate.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
