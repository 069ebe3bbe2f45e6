import type { CliCommand } from '../command.js';
import { EXIT_CONFIG, loadConfigOrReport, openMigratedDatabase } from '../runtime.js';

/** `labmate migrate`: applies pending migrations to the configured database. */
export const migrateCommand: CliCommand = {
  usage: 'usage: labmate migrate\n\nApplies every pending migration to the database (SQLite in LABMATE_DATA_DIR, or DATABASE_URL).',
  async run() {
    const config = loadConfigOrReport();
    if (!config) return EXIT_CONFIG;
    const { database, applied } = await openMigratedDatabase(config);
    await database.close();
    process.stdout.write(applied.length > 0 ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
    return 0;
  },
};
