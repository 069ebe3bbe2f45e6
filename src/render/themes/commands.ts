import type { SceneContext } from '../theme-spec.js';

/** The folder a Windows console sits in: the student's desktop when their name is known. */
export function windowsFolder(ctx: SceneContext): string {
  return `C:\\Users\\${ctx.user?.replace(/[\\/:*?"<>|]/g, '') || 'student'}\\Desktop`;
}

/** The commands that build and run the program, as a student types them at a console. */
export function runCommands(ctx: SceneContext, shell: 'cmd' | 'posix' | 'powershell'): string[] {
  const exe = shell === 'posix' ? `./${ctx.stem}` : shell === 'powershell' ? `.\\${ctx.stem}.exe` : `${ctx.stem}.exe`;
  const python = shell === 'posix' ? 'python3' : 'python';
  switch (ctx.language) {
    case 'python':
      return [`${python} ${ctx.file}`];
    case 'c':
      return [`gcc ${ctx.file} -o ${ctx.stem} -lm`, exe];
    case 'cpp':
      return [`g++ ${ctx.file} -o ${ctx.stem}`, exe];
    case 'java':
      return [`javac ${ctx.file}`, `java ${ctx.stem}`];
    case 'javascript':
      return [`node ${ctx.file}`];
    default:
      return [ctx.file];
  }
}

/** Seconds with three decimals, as Code::Blocks prints the execution time. */
export function seconds(timeMs: number | null): string {
  return ((timeMs ?? 0) / 1000).toFixed(3);
}
