import { findJavaEntry } from './java-entry.js';
import { COMPILE_LIMITS } from './limits.js';
import type { Language, Limits } from './types.js';

/** How the supervisor feeds stdin: 0 never, 1 when a thread blocks in read(2), 2 also on poll-family waits. */
export type FeedMode = 0 | 1 | 2;

/** One command run inside the box, with the rlimits the supervisor applies to it. */
export interface Step {
  argv: string[];
  limits: Limits;
  /** RLIMIT_AS in MB; 0 leaves the address space unlimited. */
  addressSpaceMb: number;
  feed: FeedMode;
}

/** What to write into the box and which steps to run, last step being the program itself. */
export interface Recipe {
  sourceName: string;
  compile: Step[];
  run: Step;
}

/** Virtual memory a JVM or V8 reserves beyond its heap; their heap flag carries the real limit. */
const RUNTIME_RESERVE_MB = 512;

const JVM_FLAGS = [
  '-XX:+UseSerialGC',
  '-XX:TieredStopAtLevel=1',
  '-XX:ReservedCodeCacheSize=32m',
  '-XX:CompressedClassSpaceSize=64m',
  '-XX:MaxMetaspaceSize=128m',
  '-Xss1m',
  // Without this the JVM writes hsperfdata files into /tmp.
  '-XX:-UsePerfData',
];

const TTY_OBJECT = '/sandbox/lib/labmate_tty.o';

/** Builds the steps for one program: compile (if the language has one) with COMPILE_LIMITS, then run. */
export function recipeFor(language: Language, source: string, limits: Limits): Recipe {
  const compileLimits: Limits = { ...COMPILE_LIMITS, wallMs: Math.max(COMPILE_LIMITS.wallMs, limits.wallMs) };
  const compile = (argv: string[], addressSpaceMb = compileLimits.memoryMb): Step => ({
    argv,
    limits: compileLimits,
    addressSpaceMb,
    feed: 0,
  });
  const run = (argv: string[], addressSpaceMb = limits.memoryMb, feed: FeedMode = 1): Step => ({
    argv,
    limits,
    addressSpaceMb,
    feed,
  });
  switch (language) {
    case 'python':
      return { sourceName: 'main.py', compile: [], run: run(['python3', 'main.py']) };
    case 'c':
      return {
        sourceName: 'main.c',
        compile: [compile(['gcc', '-std=gnu17', '-Wall', '-O2', '-o', 'main', 'main.c', TTY_OBJECT, '-lm'])],
        run: run(['./main']),
      };
    case 'cpp':
      return {
        sourceName: 'main.cpp',
        compile: [compile(['g++', '-std=gnu++17', '-Wall', '-O2', '-o', 'main', 'main.cpp', TTY_OBJECT, '-lm'])],
        run: run(['./main']),
      };
    case 'java': {
      const entry = findJavaEntry(source);
      const heap = Math.max(32, Math.floor(limits.memoryMb / 2));
      return {
        sourceName: entry.fileName,
        compile: [
          compile([
            'javac',
            '-J-Xmx512m',
            ...JVM_FLAGS.map((flag) => `-J${flag}`),
            '-encoding',
            'UTF-8',
            '-d',
            '.',
            entry.fileName,
          ]),
        ],
        run: run(
          ['java', `-Xmx${heap}m`, ...JVM_FLAGS, '-cp', '.', entry.mainClass],
          limits.memoryMb + RUNTIME_RESERVE_MB,
        ),
      };
    }
    case 'javascript': {
      const heap = Math.max(32, Math.floor(limits.memoryMb / 2));
      // Top-level import/export only parses as an ES module, which node decides by the extension.
      const sourceName = /^\s*(import|export)\s/m.test(source) ? 'main.mjs' : 'main.js';
      // Node reads stdin through epoll, not read(2), hence feed mode 2.
      return {
        sourceName,
        compile: [],
        run: run(['node', `--max-old-space-size=${heap}`, sourceName], limits.memoryMb + RUNTIME_RESERVE_MB, 2),
      };
    }
  }
}

/** The name the program's source file gets in the box, which an input file may not take. */
export function sourceNameFor(language: Language, source: string): string {
  return recipeFor(language, source, COMPILE_LIMITS).sourceName;
}
