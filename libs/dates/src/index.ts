import { TZDate, tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { da } from 'date-fns/locale';

/**
 * Dates in Danish time, once. The agreement, its deadlines and its meetings live in Denmark:
 * "the deadline is 1 February" means 23:59 in Copenhagen, whatever time zone the server or the
 * browser runs in. Every date the API and the web app format, compare or count goes through
 * here (date-fns with @date-fns/tz), so a server in UTC or a browser abroad shows and decides the
 * same as one in Copenhagen.
 *
 * Two kinds of value: an *instant* (a `Date`, or an ISO timestamp) is a moment, shown in Danish
 * time; a *calendar date* (`YYYY-MM-DD`, GraphQL `Date`) is a day with no time zone at all.
 */

export const DANISH_TIME_ZONE = 'Europe/Copenhagen';

const inDenmark = tz(DANISH_TIME_ZONE);
const asCalendar = tz('UTC');
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

export type Instant = Date | number | string;

const instantOf = (value: Instant): Date => {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a point in time: ${String(value)}`);
  return date;
};

/** A calendar date as the UTC midnight that stands for it (for arithmetic and formatting only). */
const calendarDay = (isoDate: string): Date => {
  const match = CALENDAR_DATE.exec(isoDate);
  if (!match) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${isoDate}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new RangeError(`No such day: ${isoDate}`);
  }
  return date;
};

/** The calendar date (YYYY-MM-DD) an instant falls on in Denmark. */
export function danishDate(instant: Instant): string {
  return format(instantOf(instant), 'yyyy-MM-dd', { in: inDenmark });
}

/** Today's date in Denmark (YYYY-MM-DD). */
export function danishToday(now: Instant = new Date()): string {
  return danishDate(now);
}

/** Whole calendar days from one date to another (YYYY-MM-DD); negative when `to` comes first. */
export function daysBetween(from: string, to: string): number {
  return Math.round((calendarDay(to).getTime() - calendarDay(from).getTime()) / 86_400_000);
}

/** The calendar date `days` after (or before) a date. */
export function addDays(isoDate: string, days: number): string {
  return new Date(calendarDay(isoDate).getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whether the string is a real calendar date (YYYY-MM-DD). */
export function isCalendarDate(value: string): boolean {
  try {
    calendarDay(value);
    return true;
  } catch {
    return false;
  }
}

/** "1. januar 2024": a calendar date, the same in every time zone. */
export function formatDanishDate(isoDate: string): string {
  return format(calendarDay(isoDate), 'd. MMMM yyyy', { in: asCalendar, locale: da });
}

/** "1. jan. 2024": a calendar date, short. */
export function formatDanishShortDate(isoDate: string): string {
  return format(calendarDay(isoDate), 'd. MMM yyyy', { in: asCalendar, locale: da });
}

/** "jan.": the month of a calendar date, short (timeline axes). */
export function formatDanishMonth(isoDate: string): string {
  return format(calendarDay(isoDate), 'MMM', { in: asCalendar, locale: da });
}

/** "1. januar 2024": the day an instant falls on in Denmark. */
export function formatDanishDay(instant: Instant): string {
  return formatDanishDate(danishDate(instant));
}

/** "1. februar 2023 kl. 23.59" (with `seconds`: "kl. 23.59.00"): an instant in Danish time. */
export function formatDanishDateTime(instant: Instant, options: { seconds?: boolean } = {}): string {
  return format(instantOf(instant), options.seconds ? "d. MMMM yyyy 'kl.' HH.mm.ss" : "d. MMMM yyyy 'kl.' HH.mm", { in: inDenmark, locale: da });
}

/** "23.59": the time of day of an instant in Danish time. */
export function formatDanishTime(instant: Instant): string {
  return format(instantOf(instant), 'HH.mm', { in: inDenmark, locale: da });
}

/** The value of an `<input type="datetime-local">` showing the instant in Danish time ("2023-02-01T23:59"). */
export function danishWallClock(instant: Instant): string {
  return format(instantOf(instant), "yyyy-MM-dd'T'HH:mm", { in: inDenmark });
}

/**
 * The instant a Danish wall-clock time means ("2023-02-01T23:59" → 22:59 UTC). A time in the hour
 * that does not exist when summer time begins (02:00–03:00) is moved an hour on, as the clocks are.
 */
export function fromDanishWallClock(value: string): Date {
  const match = WALL_CLOCK.exec(value);
  if (!match) throw new RangeError(`Not a date and time (YYYY-MM-DDTHH:mm): ${value}`);
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  calendarDay(`${match[1]}-${match[2]}-${match[3]}`);
  if (hour > 23 || minute > 59 || second > 59) throw new RangeError(`No such time of day: ${value}`);
  return new Date(new TZDate(year, month - 1, day, hour, minute, second, DANISH_TIME_ZONE).getTime());
}

/** The last minute of a Danish calendar day (23:59), the usual deadline of a date. */
export function endOfDanishDay(isoDate: string): Date {
  calendarDay(isoDate);
  return fromDanishWallClock(`${isoDate}T23:59`);
}
