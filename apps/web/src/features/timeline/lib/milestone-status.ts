import type { Milestone } from '../graphql/timeline';
import { daysBetween } from './dates';
import { plural } from './labels';

/** How many days ahead an open milestone counts as due soon. */
export const DUE_SOON_DAYS = 14;

export type MilestoneState = 'done' | 'late' | 'due' | 'upcoming';

/** Done, late (its date has passed and it is not done), due within two weeks, or later. */
export function milestoneState(milestone: Milestone, today: string): MilestoneState {
  if (milestone.done) return 'done';
  const days = daysBetween(today, milestone.date);
  if (days < 0) return 'late';
  return days <= DUE_SOON_DAYS ? 'due' : 'upcoming';
}

/** The state in words: 'Gennemført', 'Overskredet for 3 dage siden', 'Forfalder om 5 dage', 'Kommende'. */
export function milestoneStateLabel(milestone: Milestone, today: string): string {
  const days = daysBetween(today, milestone.date);
  switch (milestoneState(milestone, today)) {
    case 'done':
      return 'Gennemført';
    case 'late':
      return `Overskredet for ${plural(-days, 'dag', 'dage')} siden`;
    case 'due':
      return days === 0 ? 'Forfalder i dag' : `Forfalder om ${plural(days, 'dag', 'dage')}`;
    default:
      return 'Kommende';
  }
}

/** The countdown to the effective date, in words. */
export function effectiveDateText(effectiveDate: string, today: string, inForce: boolean, formatted: string): string {
  const days = daysBetween(today, effectiveDate);
  if (inForce) return `Trådt i kraft ${formatted}`;
  if (days > 0) return `Ikrafttræden om ${plural(days, 'dag', 'dage')}`;
  if (days === 0) return 'Træder i kraft i dag';
  return `Ikrafttræden var planlagt til ${formatted}`;
}
