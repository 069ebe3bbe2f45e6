import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { workerModule } from './start-worker.js';

/**
 * Starts a Node process on `script` (a module URL ending in `.js`: the compiled file when it exists, else its
 * TypeScript source through tsx) with `args`, an IPC channel that carries structured clones (Buffers stay Buffers),
 * stderr shared with this process, and a session of its own: a terminal's Ctrl-C reaches only this process, which
 * decides what happens to its helpers, and the scheduler charges the child's CPU to a group of its own.
 */
export function startModuleProcess(script: URL, args: string[], options: { env?: NodeJS.ProcessEnv; stdout: 'ignore' | 'inherit' }): ChildProcess {
  const file = workerModule(script);
  const flags = file.endsWith('.ts') ? ['--import', import.meta.resolve('tsx')] : [];
  return spawn(process.execPath, [...flags, fileURLToPath(file), ...args], {
    stdio: ['ignore', options.stdout, 'inherit', 'ipc'],
    serialization: 'advanced',
    detached: true,
    ...(options.env ? { env: options.env } : {}),
  });
}

/** Lets a child process and its IPC channel keep this process alive (while it works for us), or not (when idle). */
export function holdOpen(child: ChildProcess, hold: boolean): void {
  for (const handle of [child, child.channel]) {
    if (handle) (hold ? handle.ref() : handle.unref());
  }
}

/** Kills a child process and resolves once it is gone and its last messages were delivered. */
export function killAndWait(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    child.once('close', () => resolve());
    child.kill('SIGKILL');
  });
}
