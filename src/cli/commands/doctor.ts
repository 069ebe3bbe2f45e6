import { parseArgs } from 'node:util';
import { checkSandbox, type SandboxReport } from '../../sandbox/index.js';
import { UsageError, type CliCommand } from '../command.js';

const usage = `usage: labmate doctor [--json]

Checks that bubblewrap works, which language runtimes exist and run inside the sandbox, and which Python packages
(numpy, pandas, matplotlib) programs can import. Exits 0 when programs can run, 1 when they cannot.`;

function describe(report: SandboxReport): string {
  const mark = (ok: boolean): string => (ok ? 'ok  ' : 'FAIL');
  const lines = [
    `${mark(report.bubblewrap.ok)} bubblewrap  ${report.bubblewrap.version ?? report.bubblewrap.error ?? ''}`,
  ];
  for (const r of report.runtimes) {
    const detail = r.runs ? (r.version ?? '') : `${r.version ?? 'not installed'}${r.error ? `: ${r.error}` : ''}`;
    lines.push(`${mark(r.runs)} ${r.language.padEnd(11)} ${detail}`);
  }
  for (const [name, version] of Object.entries(report.pythonPackages)) {
    lines.push(`${version ? 'ok  ' : 'miss'} ${name.padEnd(11)} ${version ?? 'not importable'} (python package)`);
  }
  lines.push(
    report.ok ? 'sandbox: ready' : 'sandbox: NOT usable, programs will not run (there is no unsandboxed fallback)',
  );
  return lines.join('\n');
}

/** `labmate doctor`: reports whether this host can run programs safely, and with what. */
export const doctorCommand: CliCommand = {
  usage,
  async run(argv) {
    let json: boolean | undefined;
    try {
      ({
        values: { json },
      } = parseArgs({ args: argv, options: { json: { type: 'boolean' } } }));
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    const report = await checkSandbox();
    process.stdout.write((json ? JSON.stringify(report) : describe(report)) + '\n');
    return report.ok ? 0 : 1;
  },
};
