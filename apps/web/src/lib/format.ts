import { danishToday, daysBetween, formatDanishDate, formatDanishDateTime } from '@aftalerum/dates';

/** '2024-01-01' → '1. januar 2024'. */
export const formatDate = (isoDate: string): string => formatDanishDate(isoDate);

/** Whole days from today (in Denmark) until an ISO date (negative when past). */
export const daysUntil = (isoDate: string, now = new Date()): number => daysBetween(danishToday(now), isoDate);

/** '2025-03-12T13:03:00Z' → '12. marts 2025 kl. 14.03' (Danish time). */
export const formatDateTime = (isoDateTime: string): string => formatDanishDateTime(isoDateTime);
