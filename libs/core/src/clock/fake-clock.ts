import { Clock } from './clock.js';

/** A clock tests move by hand; shared by all instances of one test so they agree on "now". */
export class FakeClock extends Clock {
  private current: number;

  constructor(start: Date | number = Date.UTC(2026, 0, 5, 9, 0, 0)) {
    super();
    this.current = typeof start === 'number' ? start : start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): Date {
    if (ms < 0) throw new Error('FakeClock cannot go backwards');
    this.current += ms;
    return this.now();
  }

  set(to: Date): void {
    this.current = to.getTime();
  }
}
