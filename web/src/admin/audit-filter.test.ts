import { describe, expect, it } from 'vitest';
import { auditFilterOf, auditFilterProblem, auditQuery, startOfDay } from './audit-filter';

describe('the audit filter', () => {
  it('reads the filter from the address', () => {
    expect(auditFilterOf('?event=user.disable&from=2025-03-01&cursor=x')).toEqual({ userId: '', event: 'user.disable', from: '2025-03-01', to: '' });
  });

  it('asks the API for whole local days, the "to" day included', () => {
    const query = auditQuery({ userId: 'u1', event: '', from: '2025-03-01', to: '2025-03-01' });
    expect(query).toEqual({ userId: 'u1', event: null, from: new Date(2025, 2, 1).toISOString(), to: new Date(2025, 2, 2).toISOString() });
    expect(auditQuery({ userId: '', event: '', from: '', to: '2025-12-31' }).to).toBe(new Date(2026, 0, 1).toISOString());
  });

  it('refuses dates that are not days, and a "to" before "from"', () => {
    expect(startOfDay('yesterday')).toBeNull();
    expect(auditFilterProblem({ from: '2025-03-02', to: '2025-03-01' })).toBe('The “to” date is before the “from” date.');
    expect(auditFilterProblem({ from: 'soon', to: '' })).toBe('The “from” date is not a date.');
    expect(auditFilterProblem({ from: '2025-03-01', to: '2025-03-01' })).toBeNull();
  });
});
