import { parseArgs } from 'node:util';
import { createUser } from '../../accounts/create-user.js';
import { systemClock } from '../../clock.js';
import { AppError } from '../../errors.js';
import { afterSubcommand, UsageError, type CliCommand } from '../command.js';
import { EXIT_CONFIG, loadConfigOrReport, openMigratedDatabase } from '../runtime.js';
import { readStdin } from '../read-stdin.js';

const USAGE = `usage: labmate user create --email E [--name N] [--admin] [--password-stdin]

Creates an account. With --password-stdin the password is read from standard input;
otherwise a one-time link to set it is printed (valid 24 hours).`;

/** `labmate user create`: creates a student or admin account from the operator's shell. */
export const userCommand: CliCommand = {
  usage: USAGE,
  async run(argv) {
    const { values } = parseArgs({
      args: afterSubcommand(argv, 'create'),
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        admin: { type: 'boolean', default: false },
        'password-stdin': { type: 'boolean', default: false },
      },
      strict: true,
    });
    if (!values.email) throw new UsageError('--email is required');
    const config = loadConfigOrReport();
    if (!config) return EXIT_CONFIG;
    const password = values['password-stdin'] ? (await readStdin()).replace(/\r?\n$/, '') : undefined;
    const { database } = await openMigratedDatabase(config);
    try {
      const result = await createUser(
        { db: database.db, clock: systemClock },
        { email: values.email, name: values.name, role: values.admin ? 'admin' : 'student', password, publicUrl: config.publicUrl },
      );
      process.stdout.write(`created ${values.admin ? 'admin' : 'student'} ${values.email.toLowerCase()} (${result.userId})\n`);
      if (result.setPasswordLink) process.stdout.write(`set the password within 24 hours at:\n  ${result.setPasswordLink}\n`);
      return 0;
    } catch (error) {
      if (error instanceof AppError && error.status < 500) {
        process.stderr.write(`labmate user create: ${error.message}\n`);
        return 1;
      }
      throw error;
    } finally {
      await database.close();
    }
  },
};
