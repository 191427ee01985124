const DAY = 86_400_000;

/** 'YYYY-MM-DD' → milliseconds at UTC midnight (calendar days, no time zone drift). */
export function dayValue(isoDate: string): number {
  return Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10)));
}

/** Today's calendar date in the browser's time zone, as 'YYYY-MM-DD'. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((dayValue(to) - dayValue(from)) / DAY);

/** A day value (UTC midnight) back to 'YYYY-MM-DD'. */
export const isoOfDay = (value: number): string => new Date(value).toISOString().slice(0, 10);

const shortFormat = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('da-DK', { month: 'short', timeZone: 'UTC' });

/** '2023-02-01' → '1. feb. 2023'. */
export const formatShortDate = (isoDate: string): string => shortFormat.format(new Date(dayValue(isoDate)));

/** A day value → 'feb.' (for the axis). */
export const formatMonth = (value: number): string => monthFormat.format(new Date(value));

export { DAY };
