import type { Clock } from '../../src/clock.js';

/** A clock tests move by hand. */
export interface ManualClock {
  now: Clock;
  advance(ms: number): void;
}

/** A clock starting at `start` that only moves when told to. */
export function manualClock(start = new Date('2026-03-01T08:00:00.000Z')): ManualClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (ms: number) => {
      current += ms;
    },
  };
}
