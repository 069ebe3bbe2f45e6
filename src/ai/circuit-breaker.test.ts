import { describe, expect, it } from 'vitest';
import { manualClock } from '../../test/helpers/clock.js';
import { CircuitBreaker } from './circuit-breaker.js';

function breaker() {
  const clock = manualClock();
  return { clock, breaker: new CircuitBreaker({ failureThreshold: 3, coolDownMs: 30_000, clock: clock.now }) };
}

describe('CircuitBreaker', () => {
  it('opens after the threshold of consecutive failures and refuses calls until the cool-down ends', () => {
    const { clock, breaker: b } = breaker();
    b.recordFailure();
    b.recordFailure();
    expect(b.tryAcquire()).toBe(true);
    b.recordFailure();
    expect(b.state).toBe('open');
    expect(b.tryAcquire()).toBe(false);
    expect(b.retryInMs).toBe(30_000);
    clock.advance(30_000);
    expect(b.state).toBe('half-open');
  });

  it('lets one trial call through when half-open; its success closes the circuit', () => {
    const { clock, breaker: b } = breaker();
    for (let i = 0; i < 3; i++) b.recordFailure();
    clock.advance(30_000);
    expect(b.tryAcquire()).toBe(true);
    expect(b.tryAcquire()).toBe(false);
    b.recordSuccess();
    expect(b.state).toBe('closed');
    expect(b.tryAcquire()).toBe(true);
  });

  it('reopens for a whole cool-down when the trial call fails', () => {
    const { clock, breaker: b } = breaker();
    for (let i = 0; i < 3; i++) b.recordFailure();
    clock.advance(30_000);
    expect(b.tryAcquire()).toBe(true);
    b.recordFailure();
    expect(b.state).toBe('open');
    expect(b.retryInMs).toBe(30_000);
  });

  it('forgets failures after a success', () => {
    const { breaker: b } = breaker();
    b.recordFailure();
    b.recordFailure();
    b.recordSuccess();
    b.recordFailure();
    b.recordFailure();
    expect(b.state).toBe('closed');
  });

  it('frees the trial slot when the trial call is cancelled', () => {
    const { clock, breaker: b } = breaker();
    for (let i = 0; i < 3; i++) b.recordFailure();
    clock.advance(30_000);
    expect(b.tryAcquire()).toBe(true);
    b.release();
    expect(b.tryAcquire()).toBe(true);
  });
});
