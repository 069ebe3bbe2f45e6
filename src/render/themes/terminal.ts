import type { SceneContext, ThemeSpec } from '../theme-spec.js';
import { runCommands } from './commands.js';

const FONT = { family: 'dejavu-sans-mono', size: 14 } as const;
const USER = 0x26a269;
const PATH = 0x3584e4;
const TEXT = 0xd0cfcc;

/** A login name from the student's name: lower case letters and digits, else "student". */
function login(ctx: SceneContext): string {
  return (ctx.user ?? '').toLowerCase().split(/\s+/)[0]?.replace(/[^a-z0-9]/g, '') || 'student';
}

function prompt(ctx: SceneContext): Array<{ text: string; role: 'system'; color: number }> {
  return [
    { text: `${login(ctx)}@labmate`, role: 'system', color: USER },
    { text: ':', role: 'system', color: TEXT },
    { text: '~', role: 'system', color: PATH },
    { text: '$ ', role: 'system', color: TEXT },
  ];
}

/** A plain GNOME-style terminal: prompt, the commands that build and run the program, and its transcript. */
export const terminal: ThemeSpec = {
  name: 'terminal',
  backdrop: 0xdfe3e8,
  margin: 14,
  gap: 0,
  columns: { min: 72, max: 100 },
  coloring: { kind: 'plain', color: TEXT },
  windows: [
    {
      border: 0x1b1b1b,
      sections: [
        {
          kind: 'titleBar',
          height: 36,
          background: 0x303030,
          color: 0xffffff,
          font: { family: 'liberation-sans', size: 13, bold: true },
          align: 'center',
          title: (ctx) => `${login(ctx)}@labmate: ~`,
          buttons: 'gnome',
          buttonColor: 0xffffff,
        },
        {
          kind: 'console',
          font: FONT,
          lineHeight: 18,
          background: 0x171421,
          padding: { top: 6, right: 10, bottom: 10, left: 8 },
          tabSize: 8,
          colors: { system: TEXT, stdout: TEXT, stderr: 0xf66151, stdin: TEXT },
          prelude: (ctx) => runCommands(ctx, 'posix').flatMap((command) => [...prompt(ctx), { text: `${command}\n`, role: 'system' as const }]),
          epilogue: (ctx) => prompt(ctx).map((chunk, i) => (i === 0 ? { ...chunk, freshLine: true } : chunk)),
          minRows: 4,
        },
      ],
    },
  ],
};
