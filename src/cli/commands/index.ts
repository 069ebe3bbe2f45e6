import type { CliCommand } from '../command.js';

interface CommandEntry {
  summary: string;
  load: () => Promise<CliCommand>;
}

/** Every sub-command, loaded lazily so `labmate exec` never pays for the HTTP server's imports. */
export const commands: Record<string, CommandEntry> = {
  serve: { summary: 'start the HTTP API and web app', load: async () => (await import('./serve.js')).serveCommand },
  migrate: { summary: 'apply database migrations', load: async () => (await import('./migrate.js')).migrateCommand },
  worker: { summary: 'run background jobs (runs, reports) without serving HTTP', load: async () => (await import('./worker.js')).workerCommand },
  user: { summary: 'manage accounts (user create)', load: async () => (await import('./user.js')).userCommand },
  invite: { summary: 'create sign-up invite codes', load: async () => (await import('./invite.js')).inviteCommand },
  exec: { summary: 'run a program in the sandbox (or a JSONL batch)', load: async () => (await import('./exec.js')).execCommand },
  doctor: { summary: 'check the sandbox and language runtimes', load: async () => (await import('./doctor.js')).doctorCommand },
  parse: { summary: 'list the tasks in a .docx or .pdf lab document', load: async () => (await import('./parse.js')).parseCommand },
  render: { summary: 'render code screenshots as PNG (themes: idle, vscode, notepad, codeblocks, terminal)', load: async () => (await import('./render.js')).renderCommand },
  process: { summary: 'run a whole lab document offline: parse, run, render, compose the report (DOCX, PDF)', load: async () => (await import('./process.js')).processCommand },
};
