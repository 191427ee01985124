import type { Milestone } from '../graphql/timeline';
import { DAY, dayValue, formatMonth } from './dates';
import { isPhase, PHASES } from './labels';

/** A span of calendar days, as UTC-midnight milliseconds. */
export interface Range {
  start: number;
  end: number;
}

/** From the first milestone (the kick-off) to the effective date. */
export function processRange(milestones: Milestone[], effectiveDate: string, today: string): Range {
  const effective = dayValue(effectiveDate);
  const dates = milestones.map((m) => dayValue(m.date)).filter((d) => d <= effective);
  const start = dates.length ? Math.min(...dates) : Math.min(dayValue(today), effective - 365 * DAY);
  return pad({ start, end: effective });
}

/** Everything: every milestone, the effective date and today. */
export function fullRange(milestones: Milestone[], effectiveDate: string, today: string): Range {
  const dates = [...milestones.map((m) => dayValue(m.date)), dayValue(effectiveDate), dayValue(today)];
  return pad({ start: Math.min(...dates), end: Math.max(...dates) });
}

function pad(range: Range): Range {
  const span = Math.max(range.end - range.start, 30 * DAY);
  const margin = Math.round((span * 0.025) / DAY) * DAY;
  return { start: range.start - margin, end: range.end + margin };
}

export const inRange = (range: Range, value: number): boolean => value >= range.start && value <= range.end;

export interface Tick {
  value: number;
  label: string;
  /** The first month of a year, labelled with the year. */
  year: boolean;
}

/** Month ticks, every 1, 2, 3, 4, 6 or 12 months so that the labels have room; January shows the year. */
export function monthTicks(range: Range, innerWidth: number): Tick[] {
  const months = (range.end - range.start) / (30.44 * DAY);
  const perMonth = innerWidth / Math.max(months, 1);
  const step = [1, 2, 3, 4, 6, 12].find((s) => perMonth * s >= 46) ?? 12;
  const first = new Date(range.start);
  let year = first.getUTCFullYear();
  let month = first.getUTCMonth() + 1;
  if (month > 11) {
    month = 0;
    year += 1;
  }
  const ticks: Tick[] = [];
  for (;;) {
    const value = Date.UTC(year, month, 1);
    if (value > range.end) break;
    if (month % step === 0) ticks.push({ value, label: month === 0 ? String(year) : formatMonth(value), year: month === 0 });
    month += 1;
    if (month === 12) {
      month = 0;
      year += 1;
    }
  }
  return ticks;
}

export interface PhaseBand {
  phase: string;
  start: number;
  end: number;
}

/**
 * The phases as bands: each from its earliest milestone to where the next phase begins; the
 * agreement is in force from its effective date. Once that date has passed, the in-force band
 * is drawn only when the agreement really is in force (`inForce`).
 */
export function phaseBands(milestones: Milestone[], range: Range, effectiveDate: string, today: string, inForce: boolean): PhaseBand[] {
  const effective = dayValue(effectiveDate);
  const firstDate = new Map<string, number>();
  for (const m of milestones) {
    if (!isPhase(m.phase)) continue;
    const value = m.phase === 'IN_FORCE' ? Math.max(dayValue(m.date), effective) : dayValue(m.date);
    firstDate.set(m.phase, Math.min(firstDate.get(m.phase) ?? Infinity, value));
  }
  if (!firstDate.has('IN_FORCE') || (firstDate.get('IN_FORCE') ?? 0) > effective) firstDate.set('IN_FORCE', effective);
  const stopAtEffective = !inForce && effective < dayValue(today);
  const starts: Array<{ phase: string; start: number }> = [];
  for (const phase of PHASES) {
    const start = firstDate.get(phase);
    if (start === undefined) continue;
    const previous = starts[starts.length - 1];
    starts.push({ phase, start: previous ? Math.max(start, previous.start) : start });
  }
  return starts
    .map((s, i) => ({ phase: s.phase, start: i === 0 ? range.start : Math.max(s.start, range.start), end: Math.min(starts[i + 1]?.start ?? range.end, range.end) }))
    .filter((b) => b.end > b.start && !(stopAtEffective && b.phase === 'IN_FORCE'));
}

export interface LabelBox {
  id: string;
  x: number;
  width: number;
}

export interface PlacedLabel extends LabelBox {
  lane: number;
  anchor: 'start' | 'end';
  left: number;
}

/**
 * Stacks the milestone labels in lanes above the track so that none overlap: a label starts
 * at its marker (or ends there near the right edge) and takes the lowest lane it fits in.
 */
export function placeLabels(boxes: LabelBox[], chartWidth: number, gap = 12, maxLanes = 9): { labels: PlacedLabel[]; lanes: number } {
  const laneEnds: number[] = [];
  const labels: PlacedLabel[] = [];
  for (const box of boxes) {
    const anchor: 'start' | 'end' = box.x + box.width + 8 > chartWidth && box.x - box.width - 8 >= 0 ? 'end' : 'start';
    const left = anchor === 'start' ? box.x - 1 : box.x - box.width - 7;
    let lane = laneEnds.findIndex((end) => left >= end + gap);
    if (lane === -1) {
      if (laneEnds.length < maxLanes) lane = laneEnds.length;
      else lane = laneEnds.indexOf(Math.min(...laneEnds));
    }
    laneEnds[lane] = Math.max(laneEnds[lane] ?? -Infinity, left + box.width + 8);
    labels.push({ ...box, lane, anchor, left });
  }
  return { labels, lanes: Math.max(laneEnds.length, 1) };
}
