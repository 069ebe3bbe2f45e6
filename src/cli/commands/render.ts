import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ThreadPool } from '../../workers/thread-pool.js';
import { fileNameFor, isThemeName, RenderPool, renderScreenshots, type ScreenshotInput, type TranscriptSegment } from '../../render/index.js';
import { UsageError, type CliCommand } from '../command.js';

const usage = `usage: labmate render --theme T --lang L --code FILE [--output FILE] [--stderr FILE] [--title NAME]
                      [--student NAME] [--exit-code N] [--time-ms N] [--scale 1|2] [--tall] -o OUT.png
       labmate render --batch FILE.jsonl --out-dir DIR

Renders an editor-style screenshot of a program and its output as PNG (2x by default).
Long code continues on further images: OUT.png, OUT-2.png, ... Prints {"files": [...]}.
--batch reads one JSON object per line, {theme, lang, code, output, title} (code and output are text;
optional: stderr, transcript, studentName, exitCode, timeMs, scale), renders them in worker threads,
prints {"index", "files"} or {"index", "error"} per line and {"batch": {"count", "wallMs"}} last.
Themes: idle, vscode-dark, vscode-light, notepad, codeblocks, terminal (default: chosen by language).`;

const segment = z.object({ stream: z.enum(['stdout', 'stderr', 'stdin']), text: z.string() });
const batchLine = z.object({
  theme: z.string().optional(),
  lang: z.string().min(1),
  code: z.string(),
  output: z.string().optional(),
  stderr: z.string().optional(),
  transcript: z.array(segment).optional(),
  title: z.string().optional(),
  studentName: z.string().optional(),
  exitCode: z.number().int().nullable().optional(),
  timeMs: z.number().nonnegative().nullable().optional(),
  scale: z.union([z.literal(1), z.literal(2)]).optional(),
});

function transcriptOf(output: string | undefined, stderr: string | undefined): TranscriptSegment[] {
  const segments: TranscriptSegment[] = [];
  if (output) segments.push({ stream: 'stdout', text: output });
  if (stderr) segments.push({ stream: 'stderr', text: stderr });
  return segments;
}

function checkedTheme(theme: string | undefined): ScreenshotInput['theme'] {
  if (theme === undefined) return undefined;
  if (!isThemeName(theme)) throw new UsageError(`unknown theme '${theme}'`);
  return theme;
}

function integer(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new UsageError(`${flag} needs an integer`);
  return Number(value);
}

/** OUT.png, OUT-2.png, ... for the pages of one screenshot. */
function pagePaths(out: string, count: number): string[] {
  const extension = extname(out) || '.png';
  const stem = join(dirname(out), basename(out, extname(out)));
  return Array.from({ length: count }, (_, i) => (i === 0 ? `${stem}${extension}` : `${stem}-${i + 1}${extension}`));
}

async function writePages(out: string, pngs: Buffer[]): Promise<string[]> {
  const paths = pagePaths(out, pngs.length);
  await mkdir(dirname(out), { recursive: true });
  await Promise.all(pngs.map((png, i) => writeFile(paths[i]!, png)));
  return paths;
}

async function runBatch(file: string, outDir: string): Promise<number> {
  const started = performance.now();
  const lines = (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  // Its own threads at normal priority: here drawing is the whole job, not something to do behind requests.
  const threads = new ThreadPool();
  const pool = new RenderPool(threads);
  let failed = 0;
  try {
    const jobs = lines.map(async (line, index) => {
      try {
        const parsed = batchLine.parse(JSON.parse(line));
        const input: ScreenshotInput = {
          theme: checkedTheme(parsed.theme),
          language: parsed.lang,
          code: parsed.code,
          transcript: parsed.transcript ?? transcriptOf(parsed.output, parsed.stderr),
          title: parsed.title,
          studentName: parsed.studentName,
          exitCode: parsed.exitCode,
          timeMs: parsed.timeMs,
          scale: parsed.scale,
        };
        const stem = `${String(index + 1).padStart(4, '0')}-${fileNameFor(input).replace(/\.[^.]+$/, '')}`;
        const files = await writePages(join(outDir, `${stem}.png`), await pool.render(input));
        return { index, files };
      } catch (error) {
        failed++;
        return { index, error: error instanceof Error ? error.message : String(error) };
      }
    });
    for (const result of await Promise.all(jobs)) process.stdout.write(JSON.stringify(result) + '\n');
  } finally {
    await threads.close();
  }
  process.stdout.write(JSON.stringify({ batch: { count: lines.length, wallMs: Math.round(performance.now() - started) } }) + '\n');
  return failed === 0 ? 0 : 1;
}

export const renderCommand: CliCommand = {
  usage,
  async run(argv) {
    let values;
    try {
      ({ values } = parseArgs({
        args: argv,
        options: {
          theme: { type: 'string' },
          lang: { type: 'string' },
          code: { type: 'string' },
          output: { type: 'string' },
          stderr: { type: 'string' },
          title: { type: 'string' },
          student: { type: 'string' },
          'exit-code': { type: 'string' },
          'time-ms': { type: 'string' },
          scale: { type: 'string' },
          tall: { type: 'boolean' },
          out: { type: 'string', short: 'o' },
          batch: { type: 'string' },
          'out-dir': { type: 'string' },
        },
        allowPositionals: false,
      }));
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    if (values.batch !== undefined) {
      if (!values['out-dir']) throw new UsageError('--batch needs --out-dir DIR');
      return runBatch(values.batch, values['out-dir']);
    }
    if (!values.lang) throw new UsageError('--lang is required');
    if (!values.code) throw new UsageError('--code FILE is required');
    if (!values.out) throw new UsageError('-o OUT.png is required');
    const scale = integer(values.scale, '--scale');
    if (scale !== undefined && scale !== 1 && scale !== 2) throw new UsageError('--scale must be 1 or 2');
    const [code, output, stderr] = await Promise.all([
      readFile(values.code, 'utf8'),
      values.output ? readFile(values.output, 'utf8') : undefined,
      values.stderr ? readFile(values.stderr, 'utf8') : undefined,
    ]);
    const pngs = renderScreenshots({
      theme: checkedTheme(values.theme),
      language: values.lang,
      code,
      transcript: transcriptOf(output, stderr),
      title: values.title ?? basename(values.code),
      studentName: values.student,
      exitCode: integer(values['exit-code'], '--exit-code'),
      timeMs: integer(values['time-ms'], '--time-ms'),
      scale,
      layout: values.tall ? 'tall' : 'pages',
    });
    const files = await writePages(values.out, pngs);
    process.stdout.write(JSON.stringify({ files }) + '\n');
    return 0;
  },
};
