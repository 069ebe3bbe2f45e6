import { parseArgs } from 'node:util';
import { createInvite } from '../../accounts/create-invite.js';
import { systemClock } from '../../clock.js';
import { afterSubcommand, UsageError, type CliCommand } from '../command.js';
import { EXIT_CONFIG, loadConfigOrReport, openMigratedDatabase } from '../runtime.js';

const USAGE = `usage: labmate invite create [--uses N] [--expires-days D] [--note TEXT]

Creates a sign-up invite code (default: one use, no expiry) for LABMATE_SIGNUP=invite.`;

function positive(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive whole number`);
  return n;
}

/** `labmate invite create`: prints a new invite code. */
export const inviteCommand: CliCommand = {
  usage: USAGE,
  async run(argv) {
    const { values } = parseArgs({
      args: afterSubcommand(argv, 'create'),
      options: { uses: { type: 'string' }, 'expires-days': { type: 'string' }, note: { type: 'string' } },
      strict: true,
    });
    const maxUses = positive('uses', values.uses) ?? 1;
    const expiresInDays = positive('expires-days', values['expires-days']);
    const config = loadConfigOrReport();
    if (!config) return EXIT_CONFIG;
    const { database } = await openMigratedDatabase(config);
    try {
      const invite = await createInvite({ db: database.db, clock: systemClock }, { maxUses, expiresInDays, note: values.note });
      process.stdout.write(`${invite.code}\n`);
      process.stderr.write(`uses: ${maxUses}, expires: ${invite.expiresAt ?? 'never'}\n`);
      return 0;
    } finally {
      await database.close();
    }
  },
};
