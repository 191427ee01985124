import { danishWallClock, formatDanishDate, formatDanishDateTime } from '@aftalerum/dates';

/** '2023-02-01T22:59:00Z' → '1. februar 2023 kl. 23.59' (Danish time). */
export const formatDateTime = (iso: string): string => formatDanishDateTime(iso);

/** '2023-01-12' → '12. januar 2023'. */
export const formatDay = (isoDate: string): string => formatDanishDate(isoDate);

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** How long until a deadline, in words: 'om 3 dage og 4 timer', or that it has passed. */
export function countdown(deadline: string, now: Date): string {
  const ms = new Date(deadline).getTime() - now.getTime();
  if (ms <= 0) return 'fristen er overskredet';
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `om ${plural(days, 'dag', 'dage')}${hours ? ` og ${plural(hours, 'time', 'timer')}` : ''}`;
  if (hours > 0) return `om ${plural(hours, 'time', 'timer')}${rest ? ` og ${plural(rest, 'minut', 'minutter')}` : ''}`;
  return minutes > 0 ? `om ${plural(minutes, 'minut', 'minutter')}` : 'om under et minut';
}

/** A Date as the value of <input type="datetime-local"> on the Danish clock (deadlines are Danish time). */
export const toLocalInput = (date: Date): string => danishWallClock(date);
