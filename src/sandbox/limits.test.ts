import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, languageDefaults, MAX_LIMITS, resolveLimits } from './limits.js';

describe('resolveLimits', () => {
  it('starts from the DESIGN.md defaults', () => {
    expect(resolveLimits()).toEqual(DEFAULT_LIMITS);
    expect(DEFAULT_LIMITS).toMatchObject({ wallMs: 10_000, cpuSeconds: 5, memoryMb: 512, processes: 64 });
  });

  it('overrides single limits and clamps them to the maximum', () => {
    const limits = resolveLimits({ wallMs: 2_000, memoryMb: 1e9 });
    expect(limits.wallMs).toBe(2_000);
    expect(limits.memoryMb).toBe(MAX_LIMITS.memoryMb);
    expect(limits.cpuSeconds).toBe(DEFAULT_LIMITS.cpuSeconds);
  });

  it('gives Java room for its own threads and keeps the others at the defaults', () => {
    expect(languageDefaults('java').processes).toBe(128);
    expect(languageDefaults('python')).toEqual(DEFAULT_LIMITS);
    expect(resolveLimits({ processes: 10 }, languageDefaults('java')).processes).toBe(10);
  });

  it('refuses a limit that would switch itself off', () => {
    expect(() => resolveLimits({ processes: 0 })).toThrow(RangeError);
    expect(() => resolveLimits({ wallMs: Number.NaN })).toThrow(RangeError);
  });
});
