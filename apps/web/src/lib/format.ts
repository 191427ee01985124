const dateFormat = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** '2024-01-01' → '1. januar 2024'. */
export const formatDate = (isoDate: string): string => dateFormat.format(new Date(`${isoDate}T00:00:00Z`));

/** Whole days from today until an ISO date (negative when past). */
export function daysUntil(isoDate: string, now = new Date()): number {
  const target = Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10)));
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((target - today) / 86_400_000);
}

const dateTimeFormat = new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });

/** '2025-03-12T13:03:00Z' → '12. marts 2025 kl. 14.03' (Danish time). */
export const formatDateTime = (isoDateTime: string): string => dateTimeFormat.format(new Date(isoDateTime));
