import { describe, expect, it } from 'vitest';
import { C_PROGRAM, JAVA_PROGRAM, LONG_PYTHON, PYTHON_ERROR } from '../../test/render/samples.js';
import { composePage } from './compose.js';
import { decodePng } from './raster/png-decode.js';
import { fileNameFor, planScreenshots, renderScreenshots, type ScreenshotInput } from './screenshot.js';
import type { Cell } from './text-grid.js';
import { THEMES, type ThemeName } from './themes/index.js';
import type { ConsoleSection } from './theme-spec.js';

const THEME_NAMES = Object.keys(THEMES) as ThemeName[];
const text = (cells: Cell[]): string => cells.map((cell) => cell.char).join('');

function consoleText(input: ScreenshotInput): string[] {
  const plan = planScreenshots(input);
  return (plan.pages.at(-1)!.content.consoleRows ?? []).map(text);
}

function errorColor(theme: ThemeName): number {
  const section = THEMES[theme].windows.flatMap((w) => w.sections).find((s): s is ConsoleSection => s.kind === 'console')!;
  return section.colors.stderr;
}

describe('planScreenshots', () => {
  it.each(THEME_NAMES)('%s shows every code line, in order, numbered 1 to 60 across its pages', (theme) => {
    const plan = planScreenshots({ ...LONG_PYTHON, theme, rowsPerPage: 25 });
    expect(plan.pages.filter((page) => page.content.codeRows !== null)).toHaveLength(3);
    const rows = plan.pages.flatMap((page) => page.content.codeRows ?? []);
    expect(rows.map((row) => text(row.cells))).toEqual(LONG_PYTHON.code.split('\n'));
    expect(rows.map((row) => row.lineNumber)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it('puts all the code on one image in the tall layout', () => {
    const plan = planScreenshots({ ...LONG_PYTHON, layout: 'tall' });
    expect(plan.pages).toHaveLength(1);
    expect(plan.pages[0]!.content.codeRows).toHaveLength(60);
  });

  it('continues long output on console-only pages, every line kept', () => {
    const output = Array.from({ length: 130 }, (_, i) => `out ${i + 1}`).join('\n') + '\n';
    for (const theme of THEME_NAMES) {
      const plan = planScreenshots({ language: 'python', code: 'print()', theme, rowsPerPage: 40, transcript: [{ stream: 'stdout', text: output }] });
      expect(plan.pages.length).toBeGreaterThan(2);
      expect(plan.pages.slice(1).every((page) => page.content.codeRows === null)).toBe(true);
      const shown = plan.pages.flatMap((page) => page.content.consoleRows ?? []).map(text);
      expect(shown.filter((row) => row.startsWith('out '))).toEqual(output.trim().split('\n'));
    }
  });

  it('draws console-only pages without the editor window', () => {
    const output = Array.from({ length: 200 }, (_, i) => `out ${i + 1}`).join('\n');
    const pngs = renderScreenshots({ language: 'python', code: 'print()', theme: 'idle', scale: 1, transcript: [{ stream: 'stdout', text: output }] });
    const heights = pngs.map((png) => decodePng(png).height);
    expect(pngs.length).toBe(4);
    expect(heights[3]!).toBeLessThan(heights[1]!);
  });

  it('starts the console on the last code page, never before', () => {
    const plan = planScreenshots({ ...LONG_PYTHON, theme: 'terminal', rowsPerPage: 25 });
    const firstConsole = plan.pages.findIndex((page) => page.content.consoleRows !== null);
    const lastCode = plan.pages.findLastIndex((page) => page.content.codeRows !== null);
    expect(firstConsole).toBe(lastCode);
    const shown = plan.pages.flatMap((page) => page.content.consoleRows ?? []).map(text);
    for (let i = 1; i <= 60; i++) expect(shown).toContain(`line ${i}`);
  });

  it.each(THEME_NAMES)('%s shows markup in the output literally', (theme) => {
    expect(consoleText({ ...PYTHON_ERROR, theme }).some((row) => row.includes('<b>hi</b> naïve café 中文 😀'))).toBe(true);
  });

  it('keeps blank lines of the output and expands its tabs', () => {
    const rows = consoleText({ ...PYTHON_ERROR, theme: 'terminal' });
    const at = rows.indexOf('r=3     area=28.27');
    expect(at).toBeGreaterThan(0);
    expect(rows[at + 1]).toBe('');
    expect(rows[at - 1]).toBe('r=2     area=12.57');
  });

  it('echoes typed input where the program read it', () => {
    expect(consoleText({ ...PYTHON_ERROR, theme: 'idle' })).toContain('How many circles? 3');
  });

  it('wraps long lines at the grid width without losing characters', () => {
    const plan = planScreenshots({ ...C_PROGRAM, theme: 'terminal' });
    const rows = plan.pages[0]!.content.consoleRows!;
    const columns = plan.pages[0]!.ctx.columns;
    expect(rows.every((row) => row.length <= columns)).toBe(true);
    const joined = rows.map(text).join('');
    expect(joined).toContain('197, 199,');
    expect(joined).toContain('2, 3, 5, 7, 11');
  });

  it('wraps long code lines but numbers only their first row', () => {
    const plan = planScreenshots({ language: 'python', theme: 'vscode-dark', code: `x = "${'a'.repeat(150)}"\ny = 1` });
    const rows = plan.pages[0]!.content.codeRows ?? [];
    expect(rows.map((row) => row.lineNumber)).toEqual([1, undefined, 2]);
  });

  it.each(THEME_NAMES)('%s colours stderr, and only stderr, in its error colour', (theme) => {
    const rows = planScreenshots({ ...PYTHON_ERROR, theme }).pages[0]!.content.consoleRows!;
    const error = errorColor(theme);
    const traceback = rows.find((row) => text(row).startsWith('ZeroDivisionError'))!;
    expect(traceback.every((cell) => cell.color === error)).toBe(true);
    const output = rows.find((row) => text(row).startsWith('r=1'))!;
    expect(output.some((cell) => cell.color === error)).toBe(false);
  });

  it.each(THEME_NAMES)('%s draws the error colour into the image', (theme) => {
    const image = decodePng(renderScreenshots({ ...PYTHON_ERROR, theme, scale: 1 })[0]!);
    const error = errorColor(theme);
    let found = false;
    for (let i = 0; i < image.rgba.length && !found; i += 4) found = ((image.rgba[i]! << 16) | (image.rgba[i + 1]! << 8) | image.rgba[i + 2]!) === error;
    expect(found).toBe(true);
  });

  it('ends the Code::Blocks console with the real exit code and time', () => {
    const rows = consoleText({ ...C_PROGRAM, theme: 'codeblocks', exitCode: -1073741819, timeMs: 1234 });
    expect(rows).toContain('Process returned -1073741819 (0xC0000005)   execution time : 1.234 s');
    expect(rows.at(-1)).toBe('Press any key to continue.');
  });

  it('runs javac and java with the class name in the Notepad command prompt', () => {
    const rows = consoleText({ ...JAVA_PROGRAM, theme: 'notepad' });
    expect(rows[0]).toBe('C:\\Users\\student\\Desktop>javac Average.java');
    expect(rows).toContain('C:\\Users\\student\\Desktop>java Average');
  });

  it('puts the file name and the student name in the scene', () => {
    const ctx = planScreenshots({ ...C_PROGRAM, theme: 'idle' }).pages[0]!.ctx;
    expect(ctx.file).toBe('primes.c');
    expect(ctx.user).toBe('Ben Okafor');
  });
});

describe('palette', () => {
  it('keeps every colour exact when many token colours would overflow 256', () => {
    const code = '<!doctype html>\n<html>\n<head><style>body { color: red; }</style></head>\n<body>\n<h1 id="t">Hi</h1>\n<script>\nconst x = [1, 2]; console.log(`v=${x.length}`, /re+/g, null, true);\n</script>\n</body>\n</html>';
    const plan = planScreenshots({ language: 'html', code, theme: 'vscode-light', transcript: [{ stream: 'stderr', text: 'error\n' }] });
    const surface = composePage(plan.theme, plan.pages[0]!.ctx, plan.pages[0]!.content, plan.scale);
    expect(surface.overflowed).toBe(false);
  });
});

describe('fileNameFor', () => {
  it('uses the given title, adding the extension when missing', () => {
    expect(fileNameFor({ title: 'lab1', language: 'python', code: '' })).toBe('lab1.py');
    expect(fileNameFor({ title: 'lab1.c', language: 'c', code: '' })).toBe('lab1.c');
  });

  it('names Java files after the public class, whatever the brace style', () => {
    expect(fileNameFor({ language: 'java', code: 'public final class Hello\n{\n}' })).toBe('Hello.java');
  });
});

describe('renderScreenshots', () => {
  it('returns identical bytes for identical input', () => {
    const first = renderScreenshots({ ...PYTHON_ERROR, scale: 1 })[0]!;
    const second = renderScreenshots({ ...PYTHON_ERROR, scale: 1 })[0]!;
    expect(first.equals(second)).toBe(true);
  });

  it('renders at twice the pixels at scale 2', () => {
    const one = decodePng(renderScreenshots({ ...C_PROGRAM, scale: 1 })[0]!);
    const two = decodePng(renderScreenshots({ ...C_PROGRAM, scale: 2 })[0]!);
    expect(Math.abs(two.width - 2 * one.width)).toBeLessThanOrEqual(4);
    expect(Math.abs(two.height - 2 * one.height)).toBeLessThanOrEqual(8);
  });

  it('chooses the theme from the language when none is given', () => {
    expect(planScreenshots({ language: 'c', code: '' }).theme.name).toBe('codeblocks');
    expect(planScreenshots({ language: 'java', code: '' }).theme.name).toBe('notepad');
    expect(planScreenshots({ language: 'python', code: '' }).theme.name).toBe('idle');
    expect(planScreenshots({ language: 'javascript', code: '' }).theme.name).toBe('vscode-dark');
  });

  it('refuses densities other than 1 and 2', () => {
    expect(() => renderScreenshots({ language: 'python', code: '', scale: 3 })).toThrow(RangeError);
  });
});
