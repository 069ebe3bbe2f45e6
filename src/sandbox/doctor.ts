import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { runProgram, type RunnerOptions } from './runner.js';
import { LANGUAGES, type Language } from './types.js';

const run = promisify(execFile);

/** What `labmate doctor` and /readyz learn about this host's sandbox. */
export interface SandboxReport {
  /** True when bubblewrap works and at least one language runs in it. */
  ok: boolean;
  bubblewrap: { ok: boolean; version: string | null; error: string | null };
  runtimes: { language: Language; version: string | null; runs: boolean; error: string | null }[];
  pythonPackages: Record<string, string | null>;
}

const VERSION_COMMANDS: Record<Language, [string, string[]]> = {
  python: ['/usr/bin/python3', ['--version']],
  c: ['gcc', ['--version']],
  cpp: ['g++', ['--version']],
  java: ['javac', ['-version']],
  javascript: ['node', ['--version']],
};

const PYTHON_PACKAGES = ['numpy', 'pandas', 'matplotlib'];

/** A program per language that prints "ok"; the Python one also reports which packages the box can import. */
const PROBES: Record<Language, string> = {
  python: [
    'import importlib.metadata, importlib.util, json',
    `names = ${JSON.stringify(PYTHON_PACKAGES)}`,
    'found = {n: importlib.metadata.version(n) if importlib.util.find_spec(n) else None for n in names}',
    'print("ok " + json.dumps(found))',
  ].join('\n'),
  c: '#include <stdio.h>\nint main(void) { puts("ok"); return 0; }\n',
  cpp: '#include <iostream>\nint main() { std::cout << "ok\\n"; }\n',
  java: 'class Probe { public static void main(String[] a) { System.out.println("ok"); } }\n',
  javascript: 'console.log("ok");\n',
};

/** Which languages to probe; a readiness check may want only the cheapest. */
export interface CheckOptions extends RunnerOptions {
  languages?: readonly Language[];
}

/** Checks bubblewrap, each runtime's version, and runs one tiny program per language inside a box. */
export async function checkSandbox(options: CheckOptions = {}): Promise<SandboxReport> {
  const bubblewrap = await version(options.bwrapPath ?? 'bwrap', ['--version']);
  const pythonPackages: Record<string, string | null> = Object.fromEntries(PYTHON_PACKAGES.map((n) => [n, null]));
  const runtimes = await Promise.all(
    (options.languages ?? LANGUAGES).map(async (language) => {
      const [command, args] = VERSION_COMMANDS[language];
      const found = await version(command, args);
      if (!bubblewrap.ok || !found.ok) return { language, version: found.version, runs: false, error: found.error };
      try {
        const result = await runProgram({ language, source: PROBES[language] }, options);
        const runs = result.status === 'ok' && result.stdout.startsWith('ok');
        if (runs && language === 'python') Object.assign(pythonPackages, JSON.parse(result.stdout.slice(3)));
        const error = runs ? null : `${result.status}: ${(result.stderr || result.warnings.join('; ')).trim()}`;
        return { language, version: found.version, runs, error };
      } catch (error) {
        return { language, version: found.version, runs: false, error: errorText(error) };
      }
    }),
  );
  return { ok: bubblewrap.ok && runtimes.some((r) => r.runs), bubblewrap, runtimes, pythonPackages };
}

async function version(
  command: string,
  args: string[],
): Promise<{ ok: boolean; version: string | null; error: string | null }> {
  try {
    const { stdout, stderr } = await run(command, args, { timeout: 10_000 });
    // javac and older tools print their version on stderr.
    const first = (stdout || stderr).split('\n')[0]?.trim() ?? '';
    return { ok: true, version: first || null, error: null };
  } catch (error) {
    return { ok: false, version: null, error: errorText(error) };
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}
