import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

type Script = ChildProcessByStdio<null, Readable, null>;

/** The state letter and parent pid of a process from /proc, or undefined when it is gone. */
function stat(pid: number): { state: string; ppid: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, ppid] = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: state!, ppid: Number(ppid) };
  } catch {
    return undefined;
  }
}

/** Whether `pid` is a live process: neither gone nor a zombie. */
export function alive(pid: number): boolean {
  const found = stat(pid);
  return found !== undefined && found.state !== 'Z';
}

/** Every live process below `pid` (children, their children, …), from /proc. */
export function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    const child = Number(entry);
    const found = Number.isInteger(child) ? stat(child) : undefined;
    if (!found || found.state === 'Z') continue;
    parents.set(found.ppid, [...(parents.get(found.ppid) ?? []), child]);
  }
  const found: number[] = [];
  const visit = (parent: number): void => {
    for (const child of parents.get(parent) ?? []) {
      found.push(child);
      visit(child);
    }
  };
  visit(pid);
  return found;
}

/** Starts a TypeScript file in a Node process of its own (through tsx), with its stdout piped to us. */
export function startScript(file: URL, args: string[]): Script {
  return spawn(process.execPath, ['--import', 'tsx', fileURLToPath(file), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
}

/** The first line a started script prints. */
export function firstLine(script: Script): Promise<string> {
  return new Promise((resolve) => createInterface({ input: script.stdout }).once('line', resolve));
}

/** Everything a started script printed, and its exit code, once it has exited. */
export function finished(script: Script): Promise<{ code: number | null; printed: string }> {
  let printed = '';
  script.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  return new Promise((resolve) => script.once('close', (code) => resolve({ code, printed })));
}
