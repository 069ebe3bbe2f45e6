// Sandbox overhead and pool throughput, as ratios against bare /usr/bin/python3 runs measured in the same process.
// Run with `npm run bench:sandbox`. Targets (issue 4): overhead <= 1.5x, throughput <= 1.2x.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProgram, SandboxPool, type RunRequest } from '../src/sandbox/index.js';

const HELLO = 'print("hello, world")\n';
/** A short program of the kind a lab asks for: a loop, some arithmetic, a few lines of output. */
const SHORT = 'total = 0\nfor i in range(1, 2001):\n    total += i * i\nprint("sum of squares:", total)\n';

const dir = mkdtempSync(join(tmpdir(), 'labmate-bench-'));

/** One bare run: the same interpreter on the same file, with stdout and stderr read through pipes. */
function bare(source: string, name: string): Promise<void> {
  const file = join(dir, name);
  writeFileSync(file, source);
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/python3', [file], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.resume();
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`bare run exited ${code}`))));
  });
}

async function sandboxed(request: RunRequest, run: (r: RunRequest) => Promise<{ status: string }>): Promise<void> {
  const result = await run(request);
  if (result.status !== 'ok') throw new Error(`sandboxed run ended ${result.status}`);
}

async function timed(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function twoAtATime(count: number, one: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < count) await one(next++);
  };
  await Promise.all([lane(), lane()]);
}

async function main(): Promise<void> {
  // Warm-up: builds the helper directory and fills the page cache for both sides.
  for (let i = 0; i < 3; i++) {
    await bare(HELLO, 'warm.py');
    await sandboxed({ language: 'python', source: HELLO }, runProgram);
  }

  // Bare and sandboxed runs alternate, in pairs and in rounds, so a change in machine load hits both sides alike.
  let bareHello = 0;
  let boxHello = 0;
  for (let i = 0; i < 50; i++) {
    bareHello += await timed(() => bare(HELLO, 'hello.py'));
    boxHello += await timed(() => sandboxed({ language: 'python', source: HELLO }, runProgram));
  }

  const pool = new SandboxPool(2);
  let bareShort = 0;
  let boxShort = 0;
  for (let round = 0; round < 5; round++) {
    bareShort += await timed(() => twoAtATime(20, (i) => bare(SHORT, `short-${i % 2}.py`)));
    boxShort += await timed(async () => {
      const request: RunRequest = { language: 'python', source: SHORT };
      await Promise.all(Array.from({ length: 20 }, () => sandboxed(request, (r) => pool.run(r))));
    });
  }

  const overhead = boxHello / bareHello;
  const throughput = boxShort / bareShort;
  const line = (label: string, box: number, plain: number, ratio: number, target: number): string =>
    `${label}: sandbox ${box.toFixed(0)} ms vs bare ${plain.toFixed(0)} ms = ${ratio.toFixed(2)}x (target <= ${target}x) ${
      ratio <= target ? 'ok' : 'OVER'
    }`;
  console.log(line('overhead, 50 hello-worlds one by one', boxHello, bareHello, overhead, 1.5));
  console.log(line('throughput, 100 short programs, pool of 2', boxShort, bareShort, throughput, 1.2));
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }));
