import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertDocxToPdf, PdfConversionError } from './convert-pdf.js';

/** A stand-in for soffice: a shell script, so the error paths are tested without LibreOffice's start-up time. */
async function fakeSoffice(body: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'labmate-fake-soffice-'));
  const path = join(dir, 'soffice');
  await writeFile(path, `#!/bin/sh\n${body}\n`);
  await chmod(path, 0o755);
  return path;
}

describe('convertDocxToPdf', () => {
  it('says clearly that LibreOffice is missing', async () => {
    const error = await convertDocxToPdf(Buffer.from('docx'), { soffice: '/nonexistent/soffice' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfConversionError);
    expect((error as PdfConversionError).reason).toBe('unavailable');
    expect((error as Error).message).toMatch(/needs LibreOffice.*DOCX report is available/);
  });

  it('stops a conversion that hangs', async () => {
    const soffice = await fakeSoffice('sleep 30 & sleep 30');
    const error = await convertDocxToPdf(Buffer.from('docx'), { soffice, timeoutMs: 300 }).catch((e: unknown) => e);
    expect((error as PdfConversionError).reason).toBe('timeout');
  });

  it('reports a conversion that produced no PDF with what LibreOffice said', async () => {
    const soffice = await fakeSoffice('echo "Error: source file could not be loaded" >&2; exit 1');
    const error = await convertDocxToPdf(Buffer.from('docx'), { soffice }).catch((e: unknown) => e);
    expect((error as PdfConversionError).reason).toBe('failed');
    expect((error as Error).message).toContain('source file could not be loaded');
  });

  it('passes a private profile and the output directory to soffice', async () => {
    // The fake writes the "PDF" where real soffice would, echoing its arguments into it.
    const soffice = await fakeSoffice('for a in "$@"; do last="$a"; case "$a" in -env:*) profile="$a";; esac; done\noutdir=$(dirname "$last")\necho "$profile" > "$outdir/report.pdf"');
    const [first, second] = await Promise.all([convertDocxToPdf(Buffer.from('a'), { soffice }), convertDocxToPdf(Buffer.from('b'), { soffice })]);
    expect(first!.toString()).toMatch(/^-env:UserInstallation=file:\/\/\/.*labmate-pdf-.*\/profile\n$/);
    expect(first!.toString()).not.toBe(second!.toString());
  });
});
