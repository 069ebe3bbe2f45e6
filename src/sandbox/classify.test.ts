import { describe, expect, it } from 'vitest';
import { classify, type Outcome } from './classify.js';

const clean: Outcome = {
  exitCode: 0,
  signal: null,
  timedOut: false,
  cpuMs: 10,
  peakMemoryKb: 1000,
  outputLimited: false,
  stderr: '',
};

describe('classify', () => {
  it('calls a zero exit ok and a non-zero exit a runtime error', () => {
    expect(classify('python', clean, 5, 512)).toBe('ok');
    expect(classify('python', { ...clean, exitCode: 1 }, 5, 512)).toBe('runtime_error');
    expect(classify('c', { ...clean, exitCode: null, signal: 'SIGSEGV' }, 5, 512)).toBe('runtime_error');
  });

  it('puts the output cap first, then the clocks', () => {
    expect(classify('python', { ...clean, outputLimited: true, timedOut: true }, 5, 512)).toBe('output_limit');
    expect(classify('python', { ...clean, exitCode: null, signal: 'SIGKILL', timedOut: true }, 5, 512)).toBe('timeout');
    expect(classify('c', { ...clean, exitCode: null, signal: 'SIGXCPU' }, 5, 512)).toBe('timeout');
    expect(classify('c', { ...clean, exitCode: null, signal: 'SIGKILL', cpuMs: 5_000 }, 5, 512)).toBe('timeout');
  });

  it("recognises each runtime's out-of-memory message", () => {
    const failed = { ...clean, exitCode: 1 };
    expect(classify('python', { ...failed, stderr: 'Traceback...\nMemoryError\n' }, 5, 512)).toBe('memory_limit');
    expect(classify('java', { ...failed, stderr: 'java.lang.OutOfMemoryError: Java heap space' }, 5, 512)).toBe(
      'memory_limit',
    );
    expect(classify('cpp', { ...failed, stderr: "what():  std::bad_alloc" }, 5, 512)).toBe('memory_limit');
    expect(classify('python', { ...failed, stderr: 'NameError: MemoryError_' }, 5, 512)).toBe('runtime_error');
  });

  it('treats a crash at the memory ceiling as memory_limit', () => {
    const crash = { ...clean, exitCode: null, signal: 'SIGSEGV', peakMemoryKb: 500 * 1024 };
    expect(classify('c', crash, 5, 512)).toBe('memory_limit');
    expect(classify('c', { ...crash, peakMemoryKb: 10 * 1024 }, 5, 512)).toBe('runtime_error');
  });
});
