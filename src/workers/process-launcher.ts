import type { ChildProcess } from 'node:child_process';
import { holdOpen, killAndWait, startModuleProcess } from './module-process.js';

/** How to start one process through the launcher. */
export interface LaunchOptions {
  /** The whole environment of the process (nothing is inherited from the launcher). */
  env: Record<string, string | undefined>;
  /** Written to the process's stdin, which is then closed; null leaves stdin unconnected. */
  stdin: Uint8Array | null;
  uid?: number;
  gid?: number;
  /** Lowers the process's CPU priority (and its session's autogroup) right after it starts; 0 keeps the launcher's. */
  niceness?: number;
}

/** What a launched process reports, in order: output chunks, then exactly one of `close` or `error`. */
export interface LaunchHandlers {
  stdout(chunk: Buffer): void;
  stderr(chunk: Buffer): void;
  /** Its output is drained and it exited, with its code (null when a signal ended it). */
  close(code: number | null): void;
  /** It could not be started (`code` ENOENT: no such command), or the launcher stopped under it. */
  error(error: LaunchError): void;
}

/** A process started through the launcher. */
export interface LaunchedProcess {
  /** Sends SIGKILL to the process's whole process group; harmless once it has exited. */
  kill(): void;
}

/** Why a launched process has no exit code: `code` is the errno name of a failed start, or LAUNCHER_STOPPED. */
export class LaunchError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** The code of a LaunchError for a process whose launcher died under it (the process was killed with it). */
export const LAUNCHER_STOPPED = 'LAUNCHER_STOPPED';

/** Messages from the server to the launcher process. */
export type LauncherRequest =
  | { type: 'spawn'; id: number; command: string; args: string[]; options: LaunchOptions }
  | { type: 'kill'; id: number };

/** Messages from the launcher process back to the server. */
export type LauncherReply =
  | { type: 'spawned'; id: number; pid: number }
  | { type: 'stdout' | 'stderr'; id: number; data: Buffer }
  | { type: 'close'; id: number; code: number | null }
  | { type: 'error'; id: number; code: string | undefined; message: string };

interface Running {
  handlers: LaunchHandlers;
  pid: number | undefined;
  killTimer: NodeJS.Timeout | null;
}

/** How long a killed process may take to report its exit before the launcher itself is taken to be stuck. */
const KILL_GRACE_MS = 5_000;

/**
 * Starts processes from a small long-lived child process instead of this one. `child_process.spawn` forks the
 * calling process, which for a server with a large heap holds its event loop for tens of milliseconds per call;
 * forking the launcher's tiny heap costs the server nothing but one message. Processes get exactly the options
 * asked for, each leads its own process group (detached), and `kill` ends the whole group. The launcher exits when
 * this process does (its IPC channel closes) and kills what it started first; if it dies on its own, every process
 * it ran is reported as failed with LAUNCHER_STOPPED and the next `spawn` starts a new launcher. The launcher and
 * its channel keep this process alive only while something runs.
 */
export class ProcessLauncher {
  private child: ChildProcess | null = null;
  private readonly running = new Map<number, Running>();
  private nextId = 1;

  /** The launcher's own pid while it runs (for tests and diagnostics). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the launcher now rather than on the first `spawn` (it takes a Node start-up, paid in the child). */
  start(): void {
    this.ensure();
  }

  /** Starts `command` with `args`; what it does arrives through `handlers`. */
  spawn(command: string, args: string[], options: LaunchOptions, handlers: LaunchHandlers): LaunchedProcess {
    const id = this.nextId++;
    const entry: Running = { handlers, pid: undefined, killTimer: null };
    this.running.set(id, entry);
    const launcher = this.ensure();
    this.holdOpen(true);
    this.send(launcher, { type: 'spawn', id, command, args, options }, (error) => {
      if (!this.running.has(id)) return;
      this.finish(id, entry);
      handlers.error(new LaunchError(`the process launcher could not be asked to start ${command}: ${error.message}`, LAUNCHER_STOPPED));
    });
    return {
      kill: () => {
        if (!this.running.has(id) || entry.killTimer) return;
        // Should the message not arrive, the timer below ends the launcher and the process with it.
        this.send(launcher, { type: 'kill', id }, () => undefined);
        // A launcher that cannot kill within the grace is stuck: ending it ends the process too.
        entry.killTimer = setTimeout(() => {
          if (this.running.has(id) && this.child === launcher) launcher.kill('SIGKILL');
        }, KILL_GRACE_MS);
        entry.killTimer.unref();
      },
    };
  }

  /** Stops the launcher; whatever still runs is killed and reported as failed. */
  async close(): Promise<void> {
    if (this.child) await killAndWait(this.child);
  }

  private ensure(): ChildProcess {
    if (this.child) return this.child;
    // The launcher needs none of the server's settings or secrets: each process gets its environment with the request.
    // In a session of its own, a terminal's Ctrl-C reaches the server, which hands its jobs back, and not the launcher
    // (whose death would kill the boxes first).
    const launcher = startModuleProcess(new URL('./launcher-main.js', import.meta.url), [], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      stdout: 'ignore',
    });
    this.child = launcher;
    launcher.on('message', (reply: LauncherReply) => this.receive(reply));
    const stopped = (reason: string) => this.lost(launcher, reason);
    // 'close' comes after the last message, so every output chunk it relayed has been delivered first.
    launcher.once('close', (code, signal) => stopped(`the process launcher stopped (${signal ?? `exit ${code}`})`));
    launcher.once('error', (error) => stopped(`the process launcher failed: ${error.message}`));
    this.holdOpen(false);
    return launcher;
  }

  private receive(reply: LauncherReply): void {
    const entry = this.running.get(reply.id);
    if (!entry) return;
    switch (reply.type) {
      case 'spawned':
        entry.pid = reply.pid;
        return;
      case 'stdout':
        entry.handlers.stdout(reply.data);
        return;
      case 'stderr':
        entry.handlers.stderr(reply.data);
        return;
      case 'close':
        this.finish(reply.id, entry);
        entry.handlers.close(reply.code);
        return;
      case 'error':
        this.finish(reply.id, entry);
        entry.handlers.error(new LaunchError(reply.message, reply.code));
    }
  }

  /** Fails everything the dead launcher ran; their groups are killed in case something outlived it. */
  private lost(launcher: ChildProcess, reason: string): void {
    if (this.child !== launcher) return;
    this.child = null;
    for (const [id, entry] of [...this.running]) {
      if (entry.pid !== undefined) {
        try {
          process.kill(-entry.pid, 'SIGKILL');
        } catch {
          // Gone with the launcher.
        }
      }
      this.finish(id, entry);
      entry.handlers.error(new LaunchError(reason, LAUNCHER_STOPPED));
    }
  }

  private finish(id: number, entry: Running): void {
    if (entry.killTimer) clearTimeout(entry.killTimer);
    this.running.delete(id);
    if (this.running.size === 0) this.holdOpen(false);
  }

  private send(launcher: ChildProcess, request: LauncherRequest, failed: (error: Error) => void): void {
    // A closed channel means the launcher is gone, and its exit handler reports every process.
    if (!launcher.connected) return;
    launcher.send(request, (error) => {
      if (error) failed(error);
    });
  }

  /** An idle launcher must not keep this process alive; one with work must, or its results would be lost. */
  private holdOpen(hold: boolean): void {
    if (this.child) holdOpen(this.child, hold);
  }
}

let shared: ProcessLauncher | null = null;

/** The process-wide launcher, created on first use: sandboxes and LibreOffice start through it. */
export function sharedLauncher(): ProcessLauncher {
  shared ??= new ProcessLauncher();
  return shared;
}
