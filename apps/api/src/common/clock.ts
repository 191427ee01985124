import { Global, Injectable, Module } from '@nestjs/common';

/** Moves a replaying clock to a moment of the history being replayed. */
export type TravelTo = (moment: Date | string) => void;

/**
 * "Now" for the facts the services record and the rules they check (deadlines, a hearing's
 * state, received and reply times, audit times): the system clock. Only a replay of history (the
 * demo's seeding, before the server listens) may set it to a moment of the past, and only for the
 * replay's duration: `travelTo` exists inside the callback of `replay` and nowhere else, so no
 * request can move it.
 */
@Injectable()
export class Clock {
  private fixed: number | null = null;
  private replaying_ = false;

  now(): Date {
    return new Date(this.fixed ?? Date.now());
  }

  /**
   * True while history is replayed: what the services would send or schedule for later (mail,
   * reminders, approval requests) belongs to the past being replayed and is not sent today.
   */
  get replaying(): boolean {
    return this.replaying_;
  }

  /**
   * Runs `history` with a clock that stands at the moments it travels to (the system clock until
   * the first travel), and returns to the system clock afterwards, also when `history` fails.
   */
  async replay<T>(history: (travelTo: TravelTo) => Promise<T>): Promise<T> {
    if (this.replaying_) throw new Error('The clock is already replaying history');
    this.replaying_ = true;
    const travelTo: TravelTo = (moment) => {
      if (!this.replaying_) throw new Error('The replay is over; the clock follows the system clock again');
      const at = new Date(moment).getTime();
      if (Number.isNaN(at)) throw new Error(`Cannot travel to ${String(moment)}`);
      this.fixed = at;
    };
    try {
      return await history(travelTo);
    } finally {
      this.fixed = null;
      this.replaying_ = false;
    }
  }
}

/** The one clock of the application, for every feature (global). */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
