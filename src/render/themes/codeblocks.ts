import type { ThemeSpec } from '../theme-spec.js';
import { seconds, windowsFolder } from './commands.js';
import { WINDOWS_CONSOLE, windowsMenuBar, windowsStatusBar, windowsTitleBar } from './windows-chrome.js';

const CODE = { family: 'liberation-mono', size: 13 } as const;

/** Code::Blocks prints a negative exit code as its unsigned 32-bit hex value, e.g. 0xC0000005. */
function hex(code: number): string {
  return (code >>> 0).toString(16).toUpperCase();
}

/** Code::Blocks on Windows: the editor with line numbers, and the console its runner opens. */
export const codeblocks: ThemeSpec = {
  name: 'codeblocks',
  backdrop: 0xdfe3e8,
  margin: 14,
  gap: 14,
  columns: { min: 84, max: 110 },
  coloring: {
    kind: 'classes',
    // The default colours of Code::Blocks' C/C++ lexer.
    palette: {
      colors: {
        plain: 0x000000,
        keyword: 0x0000a0,
        type: 0x0000a0,
        builtin: 0x000000,
        definition: 0x000000,
        string: 0x0000ff,
        char: 0xe0a000,
        number: 0xf000f0,
        comment: 0xa0a0a0,
        preprocessor: 0x00a000,
        operator: 0xff0000,
      },
      bold: ['keyword', 'type'],
    },
  },
  windows: [
    {
      border: 0x8c8c8c,
      sections: [
        windowsTitleBar((ctx) => `${ctx.file} [${ctx.stem}] - Code::Blocks 20.03`, [0xe2442f, 0x2f9e44]),
        windowsMenuBar(['File', 'Edit', 'View', 'Search', 'Project', 'Build', 'Debug', 'Fortran', 'wxSmith', 'Tools', 'Tools+', 'Plugins', 'DoxyBlocks', 'Settings', 'Help'], 0xf0f0f0),
        { kind: 'tabs', height: 26, background: 0xf0f0f0, tabBackground: 0xffffff, color: 0x000000, font: { family: 'liberation-sans', size: 12 }, label: (ctx) => ctx.file, close: true, border: 0xc8c8c8 },
        {
          kind: 'code',
          font: CODE,
          lineHeight: 16,
          background: 0xffffff,
          padding: { top: 2, right: 8, bottom: 6, left: 6 },
          tabSize: 4,
          gutter: { background: 0xe4e4e4, color: 0x606060, padLeft: 8, padRight: 8, minDigits: 3 },
        },
        windowsStatusBar(
          (ctx) => `Windows (CR+LF)    WINDOWS-1252    Line ${ctx.lineCount}, Col 1, Pos 0    Insert    Read/Write    default`,
          (ctx) => `${windowsFolder(ctx)}\\${ctx.stem}\\${ctx.file}`,
        ),
      ],
    },
    {
      border: 0x8c8c8c,
      sections: [
        windowsTitleBar((ctx) => `${windowsFolder(ctx)}\\${ctx.stem}\\bin\\Debug\\${ctx.stem}.exe`, [0x1a1a1a, 0x6a6a6a]),
        {
          kind: 'console',
          font: CODE,
          lineHeight: 16,
          background: WINDOWS_CONSOLE.background,
          padding: { top: 4, right: 8, bottom: 8, left: 6 },
          tabSize: 8,
          colors: { system: WINDOWS_CONSOLE.text, stdout: WINDOWS_CONSOLE.text, stderr: WINDOWS_CONSOLE.error, stdin: WINDOWS_CONSOLE.text },
          prelude: () => [],
          // Code::Blocks' console runner prints these two lines after the program, starting with a newline.
          epilogue: (ctx) =>
            ctx.exitCode === null
              ? []
              : [{ text: `\nProcess returned ${ctx.exitCode} (0x${hex(ctx.exitCode)})   execution time : ${seconds(ctx.timeMs)} s\nPress any key to continue.\n`, role: 'system' }],
          minRows: 6,
        },
      ],
    },
  ],
};
