import type { Rgb } from '../raster/surface.js';
import type { ThemeSpec } from '../theme-spec.js';
import { runCommands, windowsFolder } from './commands.js';

/** The colours that differ between VS Code's Dark+ and Light+ workbench themes. */
interface Workbench {
  name: 'vscode-dark' | 'vscode-light';
  tokens: 'dark-plus' | 'light-plus';
  titleBar: Rgb;
  titleText: Rgb;
  activityBar: Rgb;
  activityIcon: Rgb;
  tabStrip: Rgb;
  editor: Rgb;
  text: Rgb;
  lineNumber: Rgb;
  panelBorder: Rgb;
  panelLabel: Rgb;
  panelActive: Rgb;
  terminalError: Rgb;
  windowBorder: Rgb;
}

const DISPLAY_NAMES: Record<string, string> = { python: 'Python', c: 'C', cpp: 'C++', java: 'Java', javascript: 'JavaScript', html: 'HTML' };
const CODE = { family: 'jetbrains-mono', size: 14 } as const;
const UI = { family: 'liberation-sans', size: 12 } as const;

function vscode(w: Workbench): ThemeSpec {
  const prompt = (ctx: Parameters<typeof windowsFolder>[0]): string => `PS ${windowsFolder(ctx)}> `;
  return {
    name: w.name,
    backdrop: 0xdfe3e8,
    margin: 14,
    gap: 0,
    columns: { min: 72, max: 100 },
    coloring: { kind: 'vscode', theme: w.tokens },
    windows: [
      {
        border: w.windowBorder,
        sideBar: { width: 48, background: w.activityBar, iconColor: w.activityIcon },
        sections: [
          {
            kind: 'titleBar',
            height: 30,
            background: w.titleBar,
            color: w.titleText,
            font: UI,
            align: 'center',
            // The workspace folder is named after the student when the name is known.
            title: (ctx) => `${ctx.file} - ${ctx.user ?? 'Desktop'} - Visual Studio Code`,
            buttons: 'windows',
            buttonColor: w.titleText,
            icon: [0x0065a9, 0x23a9f2],
            menu: ['File', 'Edit', 'Selection', 'View', 'Go', 'Run', 'Terminal', 'Help'],
          },
          { kind: 'tabs', height: 35, background: w.tabStrip, tabBackground: w.editor, color: w.text, font: UI, label: (ctx) => ctx.file, close: true },
          {
            kind: 'code',
            font: CODE,
            lineHeight: 19,
            background: w.editor,
            padding: { top: 6, right: 12, bottom: 10, left: 0 },
            tabSize: 4,
            gutter: { background: w.editor, color: w.lineNumber, padLeft: 18, padRight: 26, minDigits: 2 },
          },
          {
            kind: 'panelHeader',
            height: 35,
            background: w.editor,
            color: w.panelLabel,
            activeColor: w.panelActive,
            accent: w.panelActive,
            borderTop: w.panelBorder,
            font: { family: 'liberation-sans', size: 11 },
            labels: ['PROBLEMS', 'OUTPUT', 'DEBUG CONSOLE', 'TERMINAL', 'PORTS'],
            active: 3,
          },
          {
            kind: 'console',
            font: CODE,
            lineHeight: 19,
            background: w.editor,
            padding: { top: 4, right: 12, bottom: 10, left: 20 },
            tabSize: 8,
            colors: { system: w.text, stdout: w.text, stderr: w.terminalError, stdin: w.text },
            prelude: (ctx) => runCommands(ctx, 'powershell').map((command) => ({ text: `${prompt(ctx)}${command}\n`, role: 'system' })),
            epilogue: (ctx) => [{ text: prompt(ctx), role: 'system', freshLine: true }],
            minRows: 4,
          },
          {
            kind: 'statusBar',
            height: 22,
            background: 0x007acc,
            color: 0xffffff,
            font: { family: 'liberation-sans', size: 11 },
            left: () => '',
            right: (ctx) => `Ln ${ctx.lineCount}, Col 1     Spaces: 4     UTF-8     CRLF     ${DISPLAY_NAMES[ctx.language] ?? 'Plain Text'}`,
          },
        ],
      },
    ],
  };
}

/** VS Code with the Dark+ theme: editor with tabs and line numbers, and the integrated terminal. */
export const vscodeDark = vscode({
  name: 'vscode-dark',
  tokens: 'dark-plus',
  titleBar: 0x3c3c3c,
  titleText: 0xcccccc,
  activityBar: 0x333333,
  activityIcon: 0x858585,
  tabStrip: 0x252526,
  editor: 0x1e1e1e,
  text: 0xcccccc,
  lineNumber: 0x858585,
  panelBorder: 0x414141,
  panelLabel: 0x969696,
  panelActive: 0xe7e7e7,
  terminalError: 0xf14c4c,
  windowBorder: 0x454545,
});

/** VS Code with the Light+ theme. */
export const vscodeLight = vscode({
  name: 'vscode-light',
  tokens: 'light-plus',
  titleBar: 0xdddddd,
  titleText: 0x333333,
  activityBar: 0x2c2c2c,
  activityIcon: 0x858585,
  tabStrip: 0xf3f3f3,
  editor: 0xffffff,
  text: 0x333333,
  lineNumber: 0x237893,
  panelBorder: 0xe5e5e5,
  panelLabel: 0x6f6f6f,
  panelActive: 0x424242,
  terminalError: 0xcd3131,
  windowBorder: 0xb8b8b8,
});
