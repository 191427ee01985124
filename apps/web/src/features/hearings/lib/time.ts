import { danishWallClock, formatDanishDateTime, formatDanishTime, fromDanishWallClock } from '@aftalerum/dates';

/** '2023-08-15T10:00:00Z' → '15. august 2023 kl. 12.00' (Danish time). */
export const formatDateTime = (iso: string): string => formatDanishDateTime(iso);

/** '14.03' (Danish time). */
export const formatTime = (date: Date): string => formatDanishTime(date);

/** '15. august 2023 kl. 12.00.27' (Danish time), for receipts. */
export const formatDateTimeWithSeconds = (iso: string): string => formatDanishDateTime(iso, { seconds: true });

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** How long until a moment, in words: 'om 3 dage og 4 timer', or that it has passed. */
export function countdown(deadline: string, now: Date, passed = 'fristen er overskredet'): string {
  const ms = new Date(deadline).getTime() - now.getTime();
  if (ms <= 0) return passed;
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

/** The value of <input type="datetime-local">, read on the Danish clock, as an ISO instant; null when empty or invalid. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  try {
    return fromDanishWallClock(value).toISOString();
  } catch {
    return null;
  }
}
