import { Clock } from '../../src/common/clock';

/** A clock that stands still until a test moves it. */
export class TestClock extends Clock {
  private at: number;

  constructor(start = new Date('2026-01-01T00:00:00Z')) {
    super();
    this.at = start.getTime();
  }

  override now(): Date {
    return new Date(this.at);
  }

  advance(ms: number): void {
    this.at += ms;
  }
}
