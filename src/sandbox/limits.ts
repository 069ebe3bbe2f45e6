import type { Language, Limits } from './types.js';

/** Defaults of DESIGN.md §5: 10 s wall, 5 s CPU, 512 MB, 64 processes, 1 MB output, 16 MB files. */
export const DEFAULT_LIMITS: Readonly<Limits> = {
  wallMs: 10_000,
  cpuSeconds: 5,
  memoryMb: 512,
  processes: 64,
  outputBytes: 1024 * 1024,
  fileSizeMb: 16,
  openFiles: 256,
};

/**
 * Where a language needs another default: a JVM runs about fifteen threads of its own before main starts, and
 * RLIMIT_NPROC counts threads, so a program starting a few dozen threads would hit 64.
 */
export const LANGUAGE_LIMITS: Readonly<Partial<Record<Language, Partial<Limits>>>> = {
  java: { processes: 128 },
};

/** The defaults for one language: DEFAULT_LIMITS with its LANGUAGE_LIMITS over them. */
export function languageDefaults(language: Language): Limits {
  return { ...DEFAULT_LIMITS, ...LANGUAGE_LIMITS[language] };
}

/** Compilers get their own budget: javac and g++ on template-heavy code need more than a student program. */
export const COMPILE_LIMITS: Readonly<Limits> = {
  wallMs: 30_000,
  cpuSeconds: 25,
  memoryMb: 2048,
  processes: 64,
  outputBytes: 1024 * 1024,
  fileSizeMb: 64,
  openFiles: 512,
};

/** Upper bounds a caller may ask for; anything above is clamped so a request cannot switch a limit off. */
export const MAX_LIMITS: Readonly<Limits> = {
  wallMs: 120_000,
  cpuSeconds: 60,
  memoryMb: 4096,
  processes: 256,
  outputBytes: 16 * 1024 * 1024,
  fileSizeMb: 64,
  openFiles: 1024,
};

/** Caps on the files returned after a run. */
export const ARTIFACT_LIMITS = { maxFiles: 20, maxFileBytes: 8 * 1024 * 1024, maxTotalBytes: 16 * 1024 * 1024 };

/** Merges a request's limits over the defaults, keeping each within 1..MAX. */
export function resolveLimits(requested: Partial<Limits> = {}, base: Readonly<Limits> = DEFAULT_LIMITS): Limits {
  const out = { ...base };
  for (const key of Object.keys(base) as (keyof Limits)[]) {
    const value = requested[key];
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`limit ${key} must be a positive number`);
    out[key] = Math.min(Math.ceil(value), MAX_LIMITS[key]);
  }
  return out;
}
