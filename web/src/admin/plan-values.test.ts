import { describe, expect, it } from 'vitest';
import { formatLimit, planFormValues, validatePlan } from './plan-values';

const valid = { name: '  Course CS101 ', runsPerHour: '30', concurrentRuns: '2', storageMb: '1 024', aiTokensPerDay: '200,000' };

describe('the plan form', () => {
  it('turns typed values into the API body, reading digit groups', () => {
    expect(validatePlan(valid)).toEqual({
      body: { name: 'Course CS101', runsPerHour: 30, concurrentRuns: 2, storageMb: 1024, aiTokensPerDay: 200_000 },
      errors: null,
    });
  });

  it('accepts 0 (none allowed) and the largest value the server takes', () => {
    expect(validatePlan({ ...valid, runsPerHour: '0', concurrentRuns: '100' }).body).toMatchObject({ runsPerHour: 0, concurrentRuns: 100 });
  });

  it('names each field to fix: empty, not a whole number, negative, over the server’s bound, a bad name', () => {
    const checked = validatePlan({ name: ' ', runsPerHour: '', concurrentRuns: '101', storageMb: '-1', aiTokensPerDay: '1.5' });
    expect(checked.body).toBeNull();
    expect(checked.errors).toEqual({
      name: 'Enter a name for the plan.',
      runsPerHour: 'Enter a number.',
      concurrentRuns: 'At most 100.',
      storageMb: 'Enter a whole number, 0 or more.',
      aiTokensPerDay: 'Enter a whole number, 0 or more.',
    });
    expect(validatePlan({ ...valid, name: 'x'.repeat(61) }).errors).toEqual({ name: 'Use at most 60 characters.' });
    expect(validatePlan({ ...valid, name: 'tab\there' }).errors).toEqual({ name: 'Use letters, digits and punctuation only.' });
  });

  it('starts from a plan’s values when editing it, and shows limits with their units', () => {
    const plan = { name: 'Pro', runsPerHour: 60, concurrentRuns: 3, storageMb: 2048, aiTokensPerDay: 0 };
    expect(validatePlan(planFormValues(plan)).body).toEqual(plan);
    expect(planFormValues()).toEqual({ name: '', runsPerHour: '', concurrentRuns: '', storageMb: '', aiTokensPerDay: '' });
    expect(formatLimit('storageMb', 2048)).toBe(`${(2048).toLocaleString()} MB`);
  });
});
