import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { IngestError } from '../../ingest/problem.js';
import { isThemeName, type ThemeName } from '../../render/index.js';
import { convertDocxToPdf, PdfConversionError } from '../../report/convert-pdf.js';
import { processDocument } from '../../report/process-document.js';
import { SandboxUnavailableError } from '../../sandbox/index.js';
import { offlineRefiner } from '../ai-refiner.js';
import { UsageError, type CliCommand } from '../command.js';

const EXIT_REJECTED = 2;
/** The host cannot do what was asked (no sandbox, no LibreOffice for --pdf): sysexits EX_UNAVAILABLE. */
const EXIT_UNAVAILABLE = 69;

const usage = `usage: labmate process FILE -o REPORT.docx [--pdf REPORT.pdf] [--placement below|end] [--theme auto|T]
                       [--include-failed] [--no-ai]

Runs the whole pipeline offline: reads the .docx or .pdf, runs every code task in the sandbox with the input and
files the document gives, renders the screenshots, and writes the report with them below each question
(--placement end: in one section at the end). Failed runs are left out unless --include-failed. With
LABMATE_AI_BASE_URL and LABMATE_AI_MODEL set, the AI refines the detected tasks first (--no-ai: heuristics only).
Prints {"tasks", "ran", "ok", "failed", "screenshots", "report", "pdf", "timingsMs": {...}}.
Themes: auto (by language; default), idle, vscode-dark, vscode-light, notepad, codeblocks, terminal.
Exit 2 with an RFC 9457 problem object when the file is refused; 69 when the sandbox is missing, or when --pdf
was asked and LibreOffice is missing (the DOCX is written all the same; a failed conversion exits 1).`;

function parse(argv: string[]): { file: string; output: string; pdf?: string; placement: 'below' | 'end'; theme?: ThemeName; includeFailed: boolean; noAi: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        output: { type: 'string', short: 'o' },
        pdf: { type: 'string' },
        placement: { type: 'string', default: 'below' },
        theme: { type: 'string', default: 'auto' },
        'include-failed': { type: 'boolean', default: false },
        'no-ai': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('expected exactly one FILE');
  if (!values.output) throw new UsageError('-o REPORT.docx is required');
  if (values.placement !== 'below' && values.placement !== 'end') throw new UsageError(`--placement must be below or end, not '${values.placement}'`);
  if (values.theme !== 'auto' && !isThemeName(values.theme)) throw new UsageError(`unknown theme '${values.theme}'`);
  return {
    file: positionals[0]!,
    output: values.output,
    pdf: values.pdf,
    placement: values.placement,
    theme: values.theme === 'auto' ? undefined : values.theme,
    includeFailed: values['include-failed'],
    noAi: values['no-ai'],
  };
}

/** `labmate process`: DESIGN.md §3, the whole pipeline from a lab document to a report. */
export const processCommand: CliCommand = {
  usage,
  async run(argv) {
    const args = parse(argv);
    const { ai, exit } = await offlineRefiner(args.noAi);
    if (exit !== undefined) return exit;
    let result;
    try {
      result = await processDocument(args.file, {
        placement: args.placement,
        theme: args.theme,
        includeFailed: args.includeFailed,
        ...(ai ? { refine: ai.refine } : {}),
      });
    } catch (error) {
      if (error instanceof IngestError) {
        process.stdout.write(JSON.stringify(error.problem) + '\n');
        return EXIT_REJECTED;
      }
      if (error instanceof SandboxUnavailableError) {
        process.stderr.write(`labmate process: ${error.message}\n`);
        return EXIT_UNAVAILABLE;
      }
      throw error;
    } finally {
      await ai?.close();
    }
    for (const warning of result.warnings) process.stderr.write(`labmate process: warning: ${warning}\n`);
    await writeFile(args.output, result.docx);
    let pdf: string | null = null;
    let pdfMs = 0;
    let exitCode = 0;
    if (args.pdf) {
      const started = performance.now();
      try {
        await writeFile(args.pdf, await convertDocxToPdf(result.docx));
        pdf = resolve(args.pdf);
      } catch (error) {
        if (!(error instanceof PdfConversionError)) throw error;
        process.stderr.write(`labmate process: ${error.message}\n`);
        exitCode = error.reason === 'unavailable' ? EXIT_UNAVAILABLE : 1;
      }
      pdfMs = Math.round(performance.now() - started);
    }
    const { timingsMs, ...counts } = result.summary;
    const summary = { ...counts, report: resolve(args.output), pdf, timingsMs: { ...timingsMs, pdf: pdfMs, total: timingsMs.total + pdfMs } };
    process.stdout.write(JSON.stringify(summary) + '\n');
    return exitCode;
  },
};
