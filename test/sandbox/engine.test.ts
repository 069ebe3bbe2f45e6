import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkSandbox,
  InvalidRunRequestError,
  runProgram,
  SandboxPool,
  SandboxUnavailableError,
} from '../../src/sandbox/index.js';
import { BACKGROUND_NICENESS } from '../../src/workers/background-priority.js';
import { ProcessLauncher } from '../../src/workers/process-launcher.js';
import { alive, descendants } from '../helpers/processes.js';
import { until } from '../helpers/until.js';

describe('the sandbox engine', () => {
  it('queues runs beyond its concurrency and drains the queue', async () => {
    const pool = new SandboxPool(1);
    const runs = ['a', 'b', 'c'].map((word) => pool.run({ language: 'python', source: `print("${word}")` }));
    expect(pool.load).toEqual({ running: 1, queued: 2 });
    const results = await Promise.all(runs);
    expect(results.map((r) => r.stdout)).toEqual(['a\n', 'b\n', 'c\n']);
    expect(pool.load).toEqual({ running: 0, queued: 0 });
  });

  it('runs programs at background priority, so the server answers first when the cores are busy', async () => {
    const source = 'import os\nprint(os.nice(0))\nif os.path.exists("/proc/self/autogroup"): print(open("/proc/self/autogroup").read().split()[-1])';
    const result = await runProgram({ language: 'python', source }, { niceness: BACKGROUND_NICENESS });
    const [niceness, groupNiceness] = result.stdout.trim().split('\n');
    expect(niceness).toBe(String(BACKGROUND_NICENESS));
    if (existsSync('/proc/self/autogroup')) expect(groupNiceness).toBe(String(BACKGROUND_NICENESS));
  });

  it('kills the box at once when its run is aborted', async () => {
    const controller = new AbortController();
    const source = 'import time\ntime.sleep(60)';
    // Were the kill lost, the run would end on its 25 s wall clock, as a timeout.
    const run = runProgram({ language: 'python', source, limits: { wallMs: 25_000 } }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    const result = await run;
    expect(result.status).toBe('internal_error');
    expect(result.stdout).toBe('');
  });

  it('fails a run whose launcher dies with the reason, leaves nothing of its box running, and runs the next one', async () => {
    const launcher = new ProcessLauncher();
    try {
      const run = runProgram({ language: 'python', source: 'import time\ntime.sleep(60)', limits: { wallMs: 25_000 } }, { launcher });
      let box: number[] = [];
      await until(() => (box = launcher.pid === undefined ? [] : descendants(launcher.pid)).length >= 2);
      process.kill(launcher.pid!, 'SIGKILL');
      const result = await run;
      expect(result.status).toBe('internal_error');
      expect(result.warnings.join('\n')).toMatch(/process launcher stopped/);
      await until(() => box.every((pid) => !alive(pid)));
      expect((await runProgram({ language: 'python', source: 'print(6 * 7)' }, { launcher })).stdout).toBe('42\n');
    } finally {
      await launcher.close();
    }
  });

  it('refuses to run anything without bubblewrap, with no fallback', async () => {
    const attempt = runProgram({ language: 'python', source: 'print(1)' }, { bwrapPath: '/nonexistent/bwrap' });
    await expect(attempt).rejects.toBeInstanceOf(SandboxUnavailableError);
    await expect(attempt).rejects.toThrow(/not installed/);
  });

  it('refuses input file names that are paths', async () => {
    const request = { language: 'python' as const, source: '', files: [{ name: '../escape.txt', content: 'x' }] };
    await expect(runProgram(request)).rejects.toBeInstanceOf(InvalidRunRequestError);
  });

  it('reports bubblewrap, every runtime and the Python packages of this host', async () => {
    const report = await checkSandbox();
    expect(report.ok).toBe(true);
    expect(report.bubblewrap.version).toMatch(/bubblewrap/);
    expect(report.runtimes.map((r) => [r.language, r.runs])).toEqual([
      ['python', true],
      ['c', true],
      ['cpp', true],
      ['java', true],
      ['javascript', true],
    ]);
    expect(report.pythonPackages['numpy']).toMatch(/^\d+\./);
  });

  it('probes only the languages asked for', async () => {
    const report = await checkSandbox({ languages: ['python'] });
    expect(report.ok).toBe(true);
    expect(report.runtimes.map((r) => r.language)).toEqual(['python']);
  });

  it('reports a missing bubblewrap as not usable', async () => {
    const report = await checkSandbox({ bwrapPath: '/nonexistent/bwrap' });
    expect(report.ok).toBe(false);
    expect(report.runtimes.every((r) => !r.runs)).toBe(true);
  });
});
