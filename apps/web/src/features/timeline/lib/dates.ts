import { danishToday, daysBetween, formatDanishMonth, formatDanishShortDate } from '@aftalerum/dates';

const DAY = 86_400_000;

/** 'YYYY-MM-DD' → milliseconds at UTC midnight (calendar days, no time zone drift). */
export function dayValue(isoDate: string): number {
  return Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10)));
}

/** Today's calendar date in Denmark, as 'YYYY-MM-DD' (whatever the browser's time zone). */
export const todayIso = (now = new Date()): string => danishToday(now);

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export { daysBetween };

/** A day value (UTC midnight) back to 'YYYY-MM-DD'. */
export const isoOfDay = (value: number): string => new Date(value).toISOString().slice(0, 10);

/** '2023-02-01' → '1. feb. 2023'. */
export const formatShortDate = (isoDate: string): string => formatDanishShortDate(isoDate);

/** A day value → 'feb.' (for the axis). */
export const formatMonth = (value: number): string => formatDanishMonth(isoOfDay(value));

export { DAY };
