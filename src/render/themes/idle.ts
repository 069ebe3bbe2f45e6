import type { Rgb } from '../raster/surface.js';
import type { ConsoleSection, SceneContext, ThemeSpec } from '../theme-spec.js';
import { windowsFolder } from './commands.js';
import { windowsMenuBar, windowsStatusBar, windowsTitleBar } from './windows-chrome.js';

const CODE = { family: 'liberation-mono', size: 13 } as const;
const PYTHON_ICON: [Rgb, Rgb] = [0x3776ab, 0xffd43b];

const path = (ctx: SceneContext): string => `${windowsFolder(ctx)}\\${ctx.file}`;

/** IDLE's restart line is centred in a run of '=' across the shell's width. */
function restartLine(ctx: SceneContext): string {
  const label = ` RESTART: ${path(ctx)} `;
  const fill = Math.max(2, ctx.columns - 1 - label.length);
  return '='.repeat(Math.floor(fill / 2)) + label + '='.repeat(Math.ceil(fill / 2));
}

const shell: ConsoleSection = {
  kind: 'console',
  font: CODE,
  lineHeight: 16,
  background: 0xffffff,
  padding: { top: 4, right: 8, bottom: 6, left: 6 },
  tabSize: 8,
  // IDLE's shell: program output blue, errors red, typed input black, the shell's own text (banner, prompts) dark red.
  colors: { system: 0x770000, stdout: 0x0000ff, stderr: 0xff0000, stdin: 0x000000 },
  prelude: (ctx) => [
    { text: `${ctx.runtime ?? 'Python 3'} on win32\nType "help", "copyright", "credits" or "license()" for more information.\n`, role: 'system' },
    { text: '>>> \n', role: 'system' },
    { text: `${restartLine(ctx)}\n`, role: 'system' },
  ],
  epilogue: () => [{ text: '>>> ', role: 'system', freshLine: true }],
  minRows: 6,
  promptGutter: { prompt: '>>> ', color: 0x808080, background: 0xffffff, separator: 0xe6e6e6, padLeft: 6, padRight: 6 },
};

/** IDLE on Windows: the editor window with the file, and the shell window after Run Module. */
export const idle: ThemeSpec = {
  name: 'idle',
  backdrop: 0xdfe3e8,
  margin: 14,
  gap: 14,
  columns: { min: 72, max: 100 },
  coloring: {
    kind: 'classes',
    palette: {
      colors: {
        plain: 0x000000,
        keyword: 0xff7700,
        type: 0x000000,
        builtin: 0x900090,
        definition: 0x0000ff,
        string: 0x00aa00,
        char: 0x00aa00,
        number: 0x000000,
        comment: 0xdd0000,
        preprocessor: 0x000000,
        operator: 0x000000,
      },
    },
  },
  windows: [
    {
      border: 0x8c8c8c,
      sections: [
        windowsTitleBar((ctx) => `${ctx.file} - ${path(ctx)} (${(ctx.runtime ?? 'Python 3').replace(/^Python\s*/, '')})`, PYTHON_ICON),
        windowsMenuBar(['File', 'Edit', 'Format', 'Run', 'Options', 'Window', 'Help']),
        { kind: 'code', font: CODE, lineHeight: 16, background: 0xffffff, padding: { top: 4, right: 8, bottom: 6, left: 6 }, tabSize: 8 },
        windowsStatusBar((ctx) => `Ln: ${ctx.lineCount}   Col: 0`),
      ],
    },
    {
      border: 0x8c8c8c,
      sections: [
        windowsTitleBar((ctx) => `IDLE Shell ${(ctx.runtime ?? 'Python 3').replace(/^Python\s*/, '')}`, PYTHON_ICON),
        windowsMenuBar(['File', 'Edit', 'Shell', 'Debug', 'Options', 'Window', 'Help']),
        shell,
        windowsStatusBar((ctx) => `Ln: ${ctx.consoleRows}   Col: 0`),
      ],
    },
  ],
};
