import type { DialectMigration, MigrationDialect } from './types.js';
import { platformMigration } from './0001-platform.js';
import { assignmentsMigration } from './0002-assignments.js';
import { runsMigration } from './0004-runs.js';
import { reportsMigration } from './0005-reports.js';
import { exportsMigration } from './0006-exports.js';
import { profilesAdminMigration } from './0003-profiles-admin.js';
import { retentionMigration } from './0007-retention.js';
import { aiMigration } from './0007-ai.js';
import { aiDraftsMigration } from './0008-ai-drafts.js';
import { aiCacheOwnerMigration } from './0009-ai-cache-owner.js';
import { taskScreenshotMigration } from './0010-task-screenshot.js';
import { waitingRowsMigration } from './0011-waiting-rows.js';
import { aiRequestedAtMigration } from './0012-ai-requested-at.js';

/** Every migration in order; later issues append theirs here. Names never change once released. */
export function allMigrations(dialect: MigrationDialect): Record<string, DialectMigration> {
  return {
    '0001-platform': platformMigration(dialect),
    '0002-assignments': assignmentsMigration(dialect),
    '0004-runs': runsMigration(dialect),
    '0005-reports': reportsMigration(dialect),
    '0006-exports': exportsMigration(dialect),
    '0003-profiles-admin': profilesAdminMigration(dialect),
    '0007-retention': retentionMigration(dialect),
    '0007-ai': aiMigration(dialect),
    '0008-ai-drafts': aiDraftsMigration(dialect),
    '0009-ai-cache-owner': aiCacheOwnerMigration(),
    '0010-task-screenshot': taskScreenshotMigration(),
    '0011-waiting-rows': waitingRowsMigration(),
    '0012-ai-requested-at': aiRequestedAtMigration(dialect),
  };
}
