// `labmate process` on a generated 10-task Python lab, against bare /usr/bin/python3 runs of the same 10 programs
// measured in the same run. Run with `npm run bench:process`. Target (issue 6): under 2 s without the PDF step.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processDocument, type ProcessTimings } from '../src/report/process-document.js';
import { SandboxPool } from '../src/sandbox/index.js';
import { buildDocx } from '../test/fixtures/docx-builder.js';
import { pythonLab, type LabProgram } from '../test/report/python-lab.js';

const TASKS = 10;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'labmate-process-bench-'));

function stdinOf(program: LabProgram): string {
  return program.sample.length ? '7\n' : '';
}

/** One bare run of a program with its input, output read through pipes. */
function bare(program: LabProgram, index: number): Promise<void> {
  const file = join(dir, `p${index}.py`);
  writeFileSync(file, program.code.join('\n') + '\n');
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/python3', [file], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdout.resume();
    child.stderr.resume();
    child.stdin.end(stdinOf(program));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`bare run exited ${code}`))));
  });
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function bareSequential(programs: LabProgram[]): Promise<void> {
  for (const [i, program] of programs.entries()) await bare(program, i);
}

async function bareTwoAtATime(programs: LabProgram[]): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < programs.length) {
      const i = next++;
      await bare(programs[i]!, i);
    }
  };
  await Promise.all([lane(), lane()]);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The CLI as a user starts it: the compiled build when there is one, else from source through tsx. */
function cliWallMs(docx: string): Promise<{ ms: number; how: string }> {
  const built = existsSync('dist/cli/commands/process.js');
  const args = built ? ['dist/cli/main.js'] : ['--import', 'tsx', 'src/cli/main.ts'];
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...args, 'process', docx, '-o', join(dir, 'cli_report.docx')], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve({ ms: performance.now() - start, how: built ? 'dist build' : 'from source via tsx' }) : reject(new Error(`labmate process exited ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  const lab = pythonLab(TASKS);
  const docx = join(dir, 'lab1.docx');
  writeFileSync(docx, await buildDocx(lab.blocks));
  const pool = new SandboxPool();

  // Cold: the first run builds the sandbox helper if needed, loads fonts and grammars.
  const cold = await processDocument(docx, { pool });
  if (cold.summary.ok !== TASKS) throw new Error(`expected ${TASKS} successful runs, got ${JSON.stringify(cold.summary)}`);
  await bareSequential(lab.programs);

  const processMs: number[] = [];
  const sequentialMs: number[] = [];
  const pairedMs: number[] = [];
  const stages: ProcessTimings[] = [];
  // Alternating rounds, so a change in machine load hits both sides alike.
  for (let round = 0; round < ROUNDS; round++) {
    sequentialMs.push(await timed(() => bareSequential(lab.programs)));
    pairedMs.push(await timed(() => bareTwoAtATime(lab.programs)));
    const start = performance.now();
    const result = await processDocument(docx, { pool });
    processMs.push(performance.now() - start);
    stages.push(result.summary.timingsMs);
  }
  const cli = await cliWallMs(docx);

  const processMedian = median(processMs);
  const typical = stages[processMs.indexOf(processMedian)]!;
  const line = (label: string, value: string): void => console.log(`${label.padEnd(36)} ${value}`);
  line('10-task lab, in-process, median', `${processMedian.toFixed(0)} ms (cold first run ${cold.summary.timingsMs.total} ms)`);
  line('  stages of the median run', Object.entries(typical).map(([k, v]) => `${k} ${v}`).join(', '));
  line('  execute + render + compose summed', `${typical.execute + typical.render + typical.compose} ms (stages overlap)`);
  line(`CLI wall, ${cli.how}`, `${cli.ms.toFixed(0)} ms (includes Node start-up)`);
  line('bare python3, one by one, median', `${median(sequentialMs).toFixed(0)} ms`);
  line('bare python3, two at a time, median', `${median(pairedMs).toFixed(0)} ms`);
  line('ratio process / bare one by one', `${(processMedian / median(sequentialMs)).toFixed(2)}x`);
  line('ratio process / bare two at a time', `${(processMedian / median(pairedMs)).toFixed(2)}x`);
  line('target', `< 2000 ms without PDF: ${processMedian < 2000 ? 'met' : 'NOT met'} on this machine now`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }));
