import { systemClock, type Clock } from '../clock.js';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one trial call may pass. */
  coolDownMs: number;
  clock?: Clock;
}

export type CircuitState = 'closed' | 'open' | 'half-open';

/**
 * Stops calling a failing service: after `failureThreshold` failures in a row calls are refused at once for
 * `coolDownMs`; then one trial call passes (half-open), and its success closes the circuit, its failure reopens it.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;
  private readonly clock: Clock;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.clock = options.clock ?? systemClock;
  }

  /** The state now, with the cool-down taken into account. */
  get state(): CircuitState {
    if (this.openedAt === null) return 'closed';
    return this.clock().getTime() - this.openedAt >= this.options.coolDownMs ? 'half-open' : 'open';
  }

  /** Milliseconds until a trial call may pass (0 unless open). */
  get retryInMs(): number {
    if (this.openedAt === null) return 0;
    return Math.max(0, this.openedAt + this.options.coolDownMs - this.clock().getTime());
  }

  /** Whether a call may go ahead now; in half-open only one trial call is let through at a time. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  /** The call reached the service and it answered sensibly. */
  recordSuccess(): void {
    this.failures = 0;
    this.openedAt = null;
    this.trialInFlight = false;
  }

  /** The service failed (unreachable, overloaded, erroring) after the call's own retries. */
  recordFailure(): void {
    this.trialInFlight = false;
    this.failures++;
    if (this.openedAt !== null || this.failures >= this.options.failureThreshold) this.openedAt = this.clock().getTime();
  }

  /** The call ended without saying anything about the service's health (cancelled by the caller). */
  release(): void {
    this.trialInFlight = false;
  }
}
