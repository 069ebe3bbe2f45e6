import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { detectTasks } from '../analyze/detect-tasks.js';
import type { TaskRefiner } from '../analyze/parse-document.js';
import type { Task } from '../analyze/task.js';
import { readDocument } from '../ingest/read-document.js';
import { isRunnableLanguage } from '../languages.js';
import { renderFileCard, renderPlotCard, renderScreenshots, type ThemeName } from '../render/index.js';
import { InvalidRunRequestError, SandboxPool, type Language, type RunResult } from '../sandbox/index.js';
import { composeDocx } from './compose-docx.js';
import { composeFromTasks } from './docx-from-tasks.js';
import { planReport, type Placement, type ReportImage, type TaskInserts } from './report-plan.js';
import { safeStem } from './report-names.js';

export interface ProcessOptions {
  /** The name the user gave the file (titles, file names in screenshots); defaults to the path's base name. */
  originalName?: string;
  placement?: Placement;
  /** A theme for every screenshot; undefined picks each task's usual editor by language. */
  theme?: ThemeName;
  /** Put failed runs in the report too (captioned as failed). */
  includeFailed?: boolean;
  /** The sandbox pool to run in; default one slot per core. */
  pool?: SandboxPool;
  /** Refines the detected tasks (the AI, when configured) before anything runs. */
  refine?: TaskRefiner;
}

/** Wall-clock milliseconds per stage; `execute` and `render` overlap, so `total` is less than the sum. */
export interface ProcessTimings {
  parse: number;
  execute: number;
  render: number;
  compose: number;
  total: number;
}

/** What `labmate process` reports besides the files it writes. */
export interface ProcessSummary {
  /** Tasks detected in the document. */
  tasks: number;
  /** Code tasks in a language the sandbox runs, all attempted. */
  ran: number;
  ok: number;
  /** Attempted tasks that did not end `ok` (left out of the report unless included). */
  failed: number;
  /** Pictures in the report: screenshots, plot cards and file cards. */
  screenshots: number;
  timingsMs: ProcessTimings;
}

export interface ProcessResult {
  docx: Buffer;
  format: 'docx' | 'pdf';
  summary: ProcessSummary;
  /** What the user should know that the report does not show (the document's own warnings, left-out files). */
  warnings: string[];
}

function isRunnable(task: Task): task is Task & { language: Language } {
  return task.kind === 'code' && task.code.trim() !== '' && isRunnableLanguage(task.language);
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

/** Every picture of one run: the code and its console, then each plot, then each text file it wrote. */
function picturesOf(task: Task & { language: Language }, result: RunResult, stem: string, theme: ThemeName | undefined, warnings: string[]): ReportImage[] {
  const label = slug(task.label);
  // Java's file must be named after its class, so only the other languages take the document's name.
  const title = task.language === 'java' ? undefined : [slug(stem), label].filter(Boolean).join('_') || undefined;
  const pngs = renderScreenshots({ theme, language: task.language, code: task.code, transcript: result.segments, title, exitCode: result.exitCode, timeMs: result.timeMs });
  let figures = 0;
  for (const artifact of result.artifacts) {
    if (artifact.kind === 'text') {
      pngs.push(...renderFileCard({ name: artifact.name, content: artifact.content.toString('utf8') }));
    } else if (artifact.kind === 'image' && /\.png$/i.test(artifact.name)) {
      try {
        pngs.push(renderPlotCard({ png: artifact.content, title: `Figure ${++figures}` }));
      } catch (error) {
        warnings.push(`${task.label || task.id}: plot ${artifact.name} left out (${error instanceof Error ? error.message : String(error)})`);
      }
    } else {
      warnings.push(`${task.label || task.id}: ${artifact.name} is not a PNG or text file, so it is not shown`);
    }
  }
  return pngs.map((png) => ({ png }));
}

function failureOf(result: RunResult): string | undefined {
  return result.status === 'ok' ? undefined : result.status.replace(/_/g, ' ');
}

/**
 * The whole pipeline offline: read and detect, run every code task in the sandbox with the document's input and
 * files, render each result as soon as its run ends (while the next runs), and compose the report DOCX.
 */
export async function processDocument(path: string, options: ProcessOptions = {}): Promise<ProcessResult> {
  const started = performance.now();
  const originalName = options.originalName ?? basename(path);
  const stem = safeStem(originalName);
  const model = await readDocument(path, originalName);
  const detected = detectTasks(model);
  const refined = options.refine ? await options.refine(model, detected) : { tasks: detected, warnings: [] };
  const tasks = refined.tasks;
  const warnings = [...model.warnings, ...refined.warnings];
  const parsed = performance.now();

  const pool = options.pool ?? new SandboxPool();
  const runnable = tasks.filter(isRunnable);
  let lastRunEnd = parsed;
  let renderMs = 0;
  let ok = 0;
  const inserts = await Promise.all(
    runnable.map(async (task): Promise<TaskInserts> => {
      let result: RunResult;
      try {
        result = await pool.run({ language: task.language, source: task.code, stdin: task.stdin, files: task.inputFiles });
      } catch (error) {
        if (!(error instanceof InvalidRunRequestError)) throw error;
        lastRunEnd = Math.max(lastRunEnd, performance.now());
        return { task, images: [], failure: `not run: ${error.message}` };
      }
      lastRunEnd = Math.max(lastRunEnd, performance.now());
      if (result.status === 'ok') ok++;
      const renderStart = performance.now();
      const images = picturesOf(task, result, stem, options.theme, warnings);
      renderMs += performance.now() - renderStart;
      return { task, images, failure: failureOf(result) };
    }),
  );
  const executed = performance.now();

  const reportOptions = { placement: options.placement ?? 'below', includeFailed: options.includeFailed ?? false } as const;
  const docx =
    model.format === 'docx' ? await composeDocx(await readFile(path), inserts, reportOptions) : await composeFromTasks(stem, tasks, inserts, reportOptions);
  const finished = performance.now();
  const screenshots = planReport(inserts, reportOptions).reduce((sum, entry) => sum + entry.images.length, 0);
  return {
    docx,
    format: model.format,
    warnings,
    summary: {
      tasks: tasks.length,
      ran: runnable.length,
      ok,
      failed: runnable.length - ok,
      screenshots,
      timingsMs: {
        parse: Math.round(parsed - started),
        execute: Math.round(lastRunEnd - parsed),
        render: Math.round(renderMs),
        compose: Math.round(finished - executed),
        total: Math.round(finished - started),
      },
    },
  };
}
