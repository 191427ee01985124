const dateTime = new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });
const timeOfDay = new Intl.DateTimeFormat('da-DK', { timeStyle: 'short', timeZone: 'Europe/Copenhagen' });
const dateTimeWithSeconds = new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeStyle: 'medium', timeZone: 'Europe/Copenhagen' });

/** '2023-08-15T10:00:00Z' → '15. august 2023 kl. 12.00' (Danish time). */
export const formatDateTime = (iso: string): string => dateTime.format(new Date(iso));

/** '14.03' (Danish time). */
export const formatTime = (date: Date): string => timeOfDay.format(date);

/** '15. august 2023 kl. 12.00.27' (Danish time), for receipts. */
export const formatDateTimeWithSeconds = (iso: string): string => dateTimeWithSeconds.format(new Date(iso));

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

/** A Date as the value of <input type="datetime-local"> in the browser's time zone. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The value of <input type="datetime-local"> as an ISO instant, or null when empty or invalid. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
