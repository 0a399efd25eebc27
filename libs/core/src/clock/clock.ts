/**
 * The one source of "now" for time-based rules (timeouts, deadlines, token expiry).
 * Injected everywhere so tests advance time instead of sleeping.
 */
export abstract class Clock {
  abstract now(): Date;

  nowMs(): number {
    return this.now().getTime();
  }
}
