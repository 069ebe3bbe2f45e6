import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, COMPILE_LIMITS } from './limits.js';
import type { Step } from './recipes.js';
import { buildResult, type BoxOutcome, type StepOutput } from './result.js';

const compile: Step = { argv: ['gcc'], limits: COMPILE_LIMITS, addressSpaceMb: 2048, feed: 0 };
const run: Step = { argv: ['./main'], limits: DEFAULT_LIMITS, addressSpaceMb: 512, feed: 1 };

function output(stdout: string, stderr: string, status?: Record<string, number>): StepOutput {
  return { stdout: [Buffer.from(stdout)], stderr: [Buffer.from(stderr)], bytes: stdout.length + stderr.length, status };
}

function box(outputs: StepOutput[], extra: Partial<BoxOutcome> = {}): BoxOutcome {
  return {
    outputs,
    segments: [],
    artifacts: [],
    warnings: [],
    outputLimitedStep: null,
    hostTimedOut: false,
    hostMs: 900,
    boxError: '',
    boxExitCode: 0,
    ...extra,
  };
}

const finished = { exit: 0, signal: 0, timedout: 0, cpu_ms: 5, wall_ms: 7, maxrss_kb: 1000 };

describe('buildResult', () => {
  it('puts compiler warnings before the program stderr, and keeps them out of the transcript', () => {
    const result = buildResult(
      { language: 'c', source: '' },
      [compile, run],
      box([output('', 'main.c:1: warning\n', { ...finished, wall_ms: 300 }), output('hi\n', 'oops\n', finished)], {
        segments: [{ stream: 'stdout', parts: [Buffer.from('hi\n')] }],
      }),
    );
    expect(result).toMatchObject({ status: 'ok', stderr: 'main.c:1: warning\noops\n', transcript: 'hi\n' });
    expect(result).toMatchObject({ compileMs: 300, timeMs: 7 });
  });

  it('reports a compile step that failed, timed out or flooded its output as compile_error', () => {
    const c = (compiled: StepOutput, extra: Partial<BoxOutcome> = {}) =>
      buildResult({ language: 'c', source: '' }, [compile, run], box([compiled, output('', '')], extra));
    const failed = c(output('', 'error\n', { ...finished, exit: 1 }));
    expect(failed).toMatchObject({ status: 'compile_error', exitCode: 1, stderr: 'error\n' });
    const slow = c(output('', '', { ...finished, exit: -1, signal: 9, timedout: 1 }));
    expect(slow.stderr).toContain('exceeded its time limit');
    const flooded = c(output('', 'e'.repeat(10)), { outputLimitedStep: 0 });
    expect(flooded.status).toBe('compile_error');
    expect(flooded.stderr).toContain('exceeded the output limit');
  });

  it('tells a box killed at the output cap or the host clock from one that never reported', () => {
    const py = (extra: Partial<BoxOutcome>) => buildResult({ language: 'python', source: '' }, [run], box([output('x', '')], extra));
    expect(py({ outputLimitedStep: 0 })).toMatchObject({ status: 'output_limit', signal: 'SIGKILL', timeMs: 900 });
    expect(py({ hostTimedOut: true }).status).toBe('timeout');
    const lost = py({ boxError: 'bwrap: No permissions', boxExitCode: 1 });
    expect(lost.status).toBe('internal_error');
    expect(lost.warnings).toEqual(['bwrap: No permissions (exit 1)']);
    expect(lost.stderr).toBe('labmate sandbox: bwrap: No permissions (exit 1)\n');
  });
});
