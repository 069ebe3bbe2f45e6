import type { ThemeSpec, WindowSpec } from '../theme-spec.js';
import { runCommands, windowsFolder } from './commands.js';
import { WINDOWS_CONSOLE, windowsMenuBar, windowsStatusBar, windowsTitleBar } from './windows-chrome.js';

const CODE = { family: 'liberation-mono', size: 14 } as const;

/** Notepad's window with a text file in it; also the frame of file cards. */
export const notepadWindow: WindowSpec = {
  border: 0x8c8c8c,
  sections: [
    windowsTitleBar((ctx) => `${ctx.file} - Notepad`, [0x2b7cd3, 0xa9d3f5]),
    windowsMenuBar(['File', 'Edit', 'Format', 'View', 'Help']),
    { kind: 'code', font: CODE, lineHeight: 17, background: 0xffffff, padding: { top: 4, right: 8, bottom: 8, left: 6 }, tabSize: 8 },
    windowsStatusBar((ctx) => `Ln ${ctx.lineCount}, Col 1        100%        Windows (CRLF)        UTF-8`),
  ],
};

const plain = { kind: 'plain', color: 0x000000 } as const;

/** Notepad with the source, and a Command Prompt that builds and runs it. */
export const notepad: ThemeSpec = {
  name: 'notepad',
  backdrop: 0xdfe3e8,
  margin: 14,
  gap: 14,
  columns: { min: 72, max: 100 },
  coloring: plain,
  windows: [
    notepadWindow,
    {
      border: 0x8c8c8c,
      sections: [
        windowsTitleBar(() => 'Command Prompt', [0x1a1a1a, 0x6a6a6a]),
        {
          kind: 'console',
          font: CODE,
          lineHeight: 17,
          background: WINDOWS_CONSOLE.background,
          padding: { top: 4, right: 8, bottom: 8, left: 6 },
          tabSize: 8,
          colors: { system: WINDOWS_CONSOLE.text, stdout: WINDOWS_CONSOLE.text, stderr: WINDOWS_CONSOLE.error, stdin: WINDOWS_CONSOLE.text },
          // cmd prints an empty line before each new prompt.
          prelude: (ctx) => runCommands(ctx, 'cmd').map((command, i) => ({ text: `${i > 0 ? '\n' : ''}${windowsFolder(ctx)}>${command}\n`, role: 'system' })),
          epilogue: (ctx) => [{ text: `\n${windowsFolder(ctx)}>`, role: 'system', freshLine: true }],
          minRows: 6,
        },
      ],
    },
  ],
};

/** A file card: a text file (program input or output) open in Notepad. */
export const fileCard: ThemeSpec = { ...notepad, name: 'file-card', windows: [notepadWindow] };
