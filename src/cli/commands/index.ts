import type { CliCommand } from '../command.js';

interface CommandEntry {
  summary: string;
  load: () => Promise<CliCommand>;
}

/** Every sub-command, loaded lazily so `labmate exec` never pays for the HTTP server's imports. */
export const commands: Record<string, CommandEntry> = {
  serve: { summary: 'start the HTTP API and web app', load: async () => (await import('./serve.js')).serveCommand },
  migrate: { summary: 'apply database migrations', load: async () => (await import('./migrate.js')).migrateCommand },
  user: { summary: 'manage accounts (user create)', load: async () => (await import('./user.js')).userCommand },
  invite: { summary: 'create sign-up invite codes', load: async () => (await import('./invite.js')).inviteCommand },
};
