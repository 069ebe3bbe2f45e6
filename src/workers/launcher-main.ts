// The launcher process of process-launcher.ts: starts processes on request and relays what they do. It holds
// nothing but these processes, so forking it is cheap; it exits when its parent's channel closes.
import { spawn, type ChildProcess } from 'node:child_process';
import { lowerPriority } from './background-priority.js';
import type { LauncherReply, LauncherRequest, LaunchOptions } from './process-launcher.js';

const children = new Map<number, ChildProcess>();

function reply(message: LauncherReply): void {
  process.send?.(message);
}

function killGroup(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function start(id: number, command: string, args: string[], options: LaunchOptions): void {
  let child: ChildProcess;
  try {
    child = spawn(command, args, {
      stdio: [options.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      // Its own process group (and session), so a kill reaches everything it started.
      detached: true,
      env: options.env,
      ...(options.uid !== undefined ? { uid: options.uid } : {}),
      ...(options.gid !== undefined ? { gid: options.gid } : {}),
    });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    reply({ type: 'error', id, code: failure.code, message: failure.message });
    return;
  }
  if (child.pid !== undefined) {
    if (options.niceness) lowerPriority(child.pid, options.niceness);
    reply({ type: 'spawned', id, pid: child.pid });
  }
  children.set(id, child);
  let settled = false;
  child.stdout?.on('data', (data: Buffer) => reply({ type: 'stdout', id, data }));
  child.stderr?.on('data', (data: Buffer) => reply({ type: 'stderr', id, data }));
  if (child.stdin && options.stdin) {
    // The process may be gone before it read its input; what it said about that arrives on stderr.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.stdin);
  }
  child.on('error', (error: NodeJS.ErrnoException) => {
    if (settled) return;
    settled = true;
    children.delete(id);
    reply({ type: 'error', id, code: error.code, message: error.message });
  });
  child.on('close', (code) => {
    if (settled) return;
    settled = true;
    children.delete(id);
    reply({ type: 'close', id, code });
  });
}

process.on('message', (request: LauncherRequest) => {
  if (request.type === 'spawn') start(request.id, request.command, request.args, request.options);
  else {
    const child = children.get(request.id);
    if (child) killGroup(child);
  }
});

// The server is gone (exited, crashed or was killed): nothing it started may outlive it.
process.on('disconnect', () => {
  for (const child of children.values()) killGroup(child);
  process.exit(0);
});
