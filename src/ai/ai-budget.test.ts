import { describe, expect, it } from 'vitest';
import { costMicrousd, secondsUntilUtcMidnight, utcDay } from './ai-budget.js';

describe('AI budget arithmetic', () => {
  it('counts usage under the UTC day whatever the local time zone', () => {
    expect(utcDay(new Date('2026-03-01T23:59:59.999Z'))).toBe('2026-03-01');
    expect(utcDay(new Date('2026-03-02T00:00:00.000Z'))).toBe('2026-03-02');
  });

  it('renews at the next midnight UTC', () => {
    expect(secondsUntilUtcMidnight(new Date('2026-03-01T23:00:00.000Z'))).toBe(3600);
    expect(secondsUntilUtcMidnight(new Date('2026-03-01T00:00:00.000Z'))).toBe(86_400);
  });

  it('prices tokens per million in millionths of a dollar', () => {
    // 1,000 prompt tokens at $0.15/M and 500 completion tokens at $0.60/M: $0.00015 + $0.0003 = 450 µ$.
    expect(costMicrousd({ promptTokens: 1000, completionTokens: 500 }, { inputPerMTok: 0.15, outputPerMTok: 0.6 })).toBe(450);
    expect(costMicrousd({ promptTokens: 1000, completionTokens: 500 }, { inputPerMTok: 0, outputPerMTok: 0 })).toBe(0);
  });
});
