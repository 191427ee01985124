import { describe, expect, it } from 'vitest';
import type { Milestone } from '../graphql/timeline';
import { dayValue } from './dates';
import { fullRange, monthTicks, phaseBands, placeLabels, processRange, type Range } from './timeline-layout';

let next = 0;
const milestone = (date: string, phase: string | null = null, overrides: Partial<Milestone> = {}): Milestone => ({
  id: `m${++next}`,
  title: 'Milepæl',
  kind: 'MEETING',
  date,
  phase,
  description: null,
  linkType: null,
  linkId: null,
  done: false,
  derived: false,
  ...overrides,
});

const days = (from: string, to: string): Range => ({ start: dayValue(from), end: dayValue(to) });

describe('processRange', () => {
  it('runs from the first milestone to the effective date, padded by 2.5 per cent of the span on each side', () => {
    const milestones = [milestone('2026-03-01'), milestone('2026-01-10'), milestone('2027-05-01')];
    // 356 days from 10 January 2026 to 1 January 2027: 9 days of margin; the milestone after the effective date is left out.
    expect(processRange(milestones, '2027-01-01', '2026-06-01')).toEqual(days('2026-01-01', '2027-01-10'));
  });

  it('without milestones starts a year before the effective date, or today when that is earlier', () => {
    expect(processRange([], '2027-01-01', '2026-06-01')).toEqual(days('2025-12-23', '2027-01-10'));
    // 549 days from 1 July 2025: 14 days of margin.
    expect(processRange([], '2027-01-01', '2025-07-01')).toEqual(days('2025-06-17', '2027-01-15'));
  });

  it('pads a short process as if it spanned 30 days', () => {
    expect(processRange([milestone('2026-12-25')], '2027-01-01', '2026-12-01')).toEqual(days('2026-12-24', '2027-01-02'));
  });
});

describe('fullRange', () => {
  it('takes in milestones after the effective date and today', () => {
    const range = fullRange([milestone('2026-01-10'), milestone('2027-05-01')], '2027-01-01', '2027-09-01');
    expect(range.start).toBeLessThan(dayValue('2026-01-10'));
    expect(range.end).toBeGreaterThan(dayValue('2027-09-01'));
    expect(range.start).toBeGreaterThan(dayValue('2025-12-01'));
    expect(range.end).toBeLessThan(dayValue('2027-10-01'));
  });
});

describe('monthTicks', () => {
  it('marks every month when there is room, January with its year', () => {
    const ticks = monthTicks(days('2025-12-15', '2026-12-31'), 1200);
    expect(ticks).toHaveLength(12);
    expect(ticks[0]).toEqual({ value: dayValue('2026-01-01'), label: '2026', year: true });
    expect(ticks.slice(1).every((t) => !t.year)).toBe(true);
    expect(ticks[11].value).toBe(dayValue('2026-12-01'));
  });

  it('thins the ticks to every third month on a narrow chart, keeping the quarters', () => {
    const ticks = monthTicks(days('2025-12-15', '2026-12-31'), 240);
    expect(ticks.map((t) => t.value)).toEqual(['2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01'].map(dayValue));
    expect(ticks.map((t) => t.label)).toEqual(['2026', 'apr.', 'jul.', 'okt.']);
  });

  it('starts with the month after the range begins and never passes its end', () => {
    const range = days('2026-03-01', '2026-05-20');
    const ticks = monthTicks(range, 1000);
    expect(ticks.map((t) => t.value)).toEqual([dayValue('2026-04-01'), dayValue('2026-05-01')]);
  });
});

describe('phaseBands', () => {
  const milestones = [milestone('2026-01-10', 'PREPARATION'), milestone('2026-03-01', 'INPUT_ROUND'), milestone('2026-06-01', 'HEARING'), milestone('2026-04-01')];
  const range = days('2026-01-01', '2027-03-01');

  it('draws each phase from its first milestone to the next phase, and the agreement in force from the effective date', () => {
    expect(phaseBands(milestones, range, '2027-01-01', '2026-06-15', false)).toEqual([
      { phase: 'PREPARATION', start: range.start, end: dayValue('2026-03-01') },
      { phase: 'INPUT_ROUND', start: dayValue('2026-03-01'), end: dayValue('2026-06-01') },
      { phase: 'HEARING', start: dayValue('2026-06-01'), end: dayValue('2027-01-01') },
      { phase: 'IN_FORCE', start: dayValue('2027-01-01'), end: range.end },
    ]);
  });

  it('once the effective date has passed, draws the in-force band only when the agreement is in force', () => {
    expect(phaseBands(milestones, range, '2027-01-01', '2027-02-01', false).map((b) => b.phase)).not.toContain('IN_FORCE');
    expect(phaseBands(milestones, range, '2027-01-01', '2027-02-01', true).map((b) => b.phase)).toContain('IN_FORCE');
  });

  it('starts a phase dated before the one it follows where that one starts, dropping the empty band', () => {
    const bands = phaseBands([...milestones, milestone('2026-02-01', 'DRAFTING')], range, '2027-01-01', '2026-06-15', false);
    expect(bands.map((b) => b.phase)).toEqual(['PREPARATION', 'DRAFTING', 'HEARING', 'IN_FORCE']);
    expect(bands[1]).toEqual({ phase: 'DRAFTING', start: dayValue('2026-03-01'), end: dayValue('2026-06-01') });
  });

  it('ignores milestones whose phase is not a phase', () => {
    const bands = phaseBands([milestone('2026-02-01', 'NOT_A_PHASE')], range, '2027-01-01', '2026-06-15', false);
    expect(bands).toEqual([{ phase: 'IN_FORCE', start: range.start, end: range.end }]);
  });
});

describe('placeLabels', () => {
  it('puts a label in the lowest lane where it does not overlap, with a gap', () => {
    const { labels, lanes } = placeLabels(
      [
        { id: 'a', x: 10, width: 100 },
        { id: 'b', x: 50, width: 100 },
        { id: 'c', x: 200, width: 50 },
        { id: 'd', x: 125, width: 20 },
      ],
      1000,
    );
    expect(labels.map((l) => [l.id, l.lane])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 0],
      ['d', 2],
    ]);
    expect(lanes).toBe(3);
  });

  it('ends a label at its marker near the right edge when it fits on the left', () => {
    const [label] = placeLabels([{ id: 'a', x: 280, width: 100 }], 300).labels;
    expect(label).toMatchObject({ anchor: 'end', left: 173 });
    const [narrow] = placeLabels([{ id: 'a', x: 50, width: 100 }], 120).labels;
    expect(narrow).toMatchObject({ anchor: 'start', left: 49 });
  });

  it('reuses the lane that ends first once the lanes run out', () => {
    const { labels, lanes } = placeLabels(
      [
        { id: 'a', x: 0, width: 50 },
        { id: 'b', x: 5, width: 200 },
        { id: 'c', x: 10, width: 100 },
      ],
      1000,
      12,
      2,
    );
    expect(labels.map((l) => l.lane)).toEqual([0, 1, 0]);
    expect(lanes).toBe(2);
  });
});
