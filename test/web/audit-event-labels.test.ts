import { describe, expect, it } from 'vitest';
import { AUDIT_EVENTS } from '../../src/db/repositories/audit.repository.js';
import { AUDIT_EVENT_LABELS } from '../../web/src/admin/audit-events.js';

describe("the admin console's audit event names", () => {
  it('are exactly the events the server records, so the filter offers each one in words', () => {
    expect(Object.keys(AUDIT_EVENT_LABELS).sort()).toEqual([...AUDIT_EVENTS].sort());
  });
});
