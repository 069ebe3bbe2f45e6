import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sharedLauncher } from '../workers/process-launcher.js';

/** Thrown when no PDF can be made; the DOCX is unaffected. `reason` says whether LibreOffice is missing. */
export class PdfConversionError extends Error {
  constructor(
    message: string,
    readonly reason: 'unavailable' | 'timeout' | 'failed',
  ) {
    super(message);
  }
}

export interface ConvertOptions {
  /** The LibreOffice executable; default `soffice` on PATH. */
  soffice?: string;
  /** Kill the conversion after this long; default 120 s (a cold start on a busy 2-core host takes tens of seconds). */
  timeoutMs?: number;
  /** CPU niceness of LibreOffice (default 0, the caller's): a server lowers it so a conversion never starves it. */
  niceness?: number;
}

const DEFAULT_TIMEOUT_MS = 120_000;
const MAX_LOG_CHARS = 2000;

interface Exit {
  code: number | null;
  timedOut: boolean;
  log: string;
}

function runSoffice(command: string, args: string[], timeoutMs: number, niceness: number): Promise<Exit> {
  return new Promise((resolve, reject) => {
    let log = '';
    const collect = (chunk: Buffer): void => {
      if (log.length < MAX_LOG_CHARS) log += chunk.toString('utf8');
    };
    let timedOut = false;
    // Started by the launcher, in its own process group, so a timeout kills soffice.bin and anything it started.
    const child = sharedLauncher().spawn(command, args, { env: { ...process.env }, stdin: null, niceness }, {
      stdout: collect,
      stderr: collect,
      close: (code) => {
        clearTimeout(timer);
        resolve({ code, timedOut, log: log.slice(0, MAX_LOG_CHARS) });
      },
      error: (error) => {
        clearTimeout(timer);
        reject(error.code === 'ENOENT' ? new PdfConversionError('PDF export needs LibreOffice (soffice), which is not installed here; the DOCX report is available.', 'unavailable') : error);
      },
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill();
    }, timeoutMs);
  });
}

/**
 * Converts DOCX bytes to PDF bytes with headless LibreOffice. Each call gets its own temporary directory and
 * its own LibreOffice profile, so conversions running at once never share a lock or a profile.
 */
export async function convertDocxToPdf(docx: Uint8Array, options: ConvertOptions = {}): Promise<Buffer> {
  const directory = await mkdtemp(join(tmpdir(), 'labmate-pdf-'));
  try {
    const input = join(directory, 'report.docx');
    await writeFile(input, docx);
    const profile = pathToFileURL(join(directory, 'profile')).href;
    const args = [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', 'pdf', '--outdir', directory, input];
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const exit = await runSoffice(options.soffice ?? 'soffice', args, timeoutMs, options.niceness ?? 0);
    if (exit.timedOut) throw new PdfConversionError(`PDF export took longer than ${Math.round(timeoutMs / 1000)} s and was stopped; the DOCX report is available.`, 'timeout');
    try {
      return await readFile(join(directory, 'report.pdf'));
    } catch {
      throw new PdfConversionError(`LibreOffice could not convert the report (exit ${exit.code}): ${exit.log.trim() || 'no output'}`, 'failed');
    }
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
