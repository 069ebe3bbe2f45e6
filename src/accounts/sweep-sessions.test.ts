import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../test/helpers/clock.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../../test/helpers/databases.js';
import { createUser } from './create-user.js';
import { startSession } from './start-session.js';
import { sweepEndedSessions } from './sweep-sessions.js';

describe.each(testDialects())('sweepEndedSessions on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await database.dispose();
  });

  it('removes only sessions that ended over 30 days ago', async () => {
    const clock = manualClock();
    const deps = { db: database.handle.db, clock: clock.now };
    const { userId } = await createUser(deps, { email: 'sweep@example.com', role: 'student', publicUrl: 'http://x' });
    await startSession(deps, { userId, client: { ip: '127.0.0.1' } });
    clock.advance(20 * 24 * 60 * 60_000);
    await startSession(deps, { userId, client: { ip: '127.0.0.1' } });
    clock.advance(30 * 24 * 60 * 60_000);
    expect(await sweepEndedSessions(deps)).toBe(1);
    expect(await sweepEndedSessions(deps)).toBe(0);
  });
});
