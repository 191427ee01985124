import {
  addDays,
  danishDate,
  danishToday,
  danishWallClock,
  daysBetween,
  endOfDanishDay,
  formatDanishDate,
  formatDanishDateTime,
  formatDanishDay,
  formatDanishMonth,
  formatDanishShortDate,
  formatDanishTime,
  fromDanishWallClock,
  isCalendarDate,
} from './index';

/**
 * Run by `nx run dates:test` under TZ=UTC, TZ=Pacific/Auckland and TZ=America/Los_Angeles: every
 * answer must be Denmark's, whatever the process's own time zone.
 */
describe(`dates in Danish time (process time zone ${process.env.TZ ?? 'unset'})`, () => {
  it('runs in the time zone the test command set', () => {
    if (process.env.TZ) expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(process.env.TZ);
  });

  it('puts an instant on the Danish calendar day, in winter and in summer time', () => {
    expect(danishDate('2023-02-01T22:59:00Z')).toBe('2023-02-01');
    expect(danishDate('2023-02-01T23:00:00Z')).toBe('2023-02-02');
    expect(danishDate('2023-08-15T21:59:59Z')).toBe('2023-08-15');
    expect(danishDate('2023-08-15T22:00:00Z')).toBe('2023-08-16');
    expect(danishToday(new Date('2023-12-31T23:30:00Z'))).toBe('2024-01-01');
  });

  it('counts calendar days across a new year and the changes of summer time', () => {
    expect(daysBetween('2023-12-31', '2024-01-01')).toBe(1);
    expect(daysBetween('2024-03-30', '2024-04-01')).toBe(2);
    expect(daysBetween('2024-10-26', '2024-10-28')).toBe(2);
    expect(daysBetween('2024-01-01', '2023-01-01')).toBe(-365);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
  });

  it('reads a Danish wall-clock time as the instant it means, and shows an instant on the Danish clock', () => {
    expect(fromDanishWallClock('2023-02-01T23:59').toISOString()).toBe('2023-02-01T22:59:00.000Z');
    expect(fromDanishWallClock('2023-08-15T12:00').toISOString()).toBe('2023-08-15T10:00:00.000Z');
    expect(danishWallClock('2023-02-01T22:59:00Z')).toBe('2023-02-01T23:59');
    expect(danishWallClock('2023-08-15T10:00:00Z')).toBe('2023-08-15T12:00');
    expect(endOfDanishDay('2023-02-01').toISOString()).toBe('2023-02-01T22:59:00.000Z');
    // 02:30 does not exist on 31 March 2024 (the clocks go from 02:00 to 03:00): moved on to 03:30.
    expect(fromDanishWallClock('2024-03-31T02:30').toISOString()).toBe('2024-03-31T01:30:00.000Z');
    // The clock shows what it read, around the change.
    expect(danishWallClock(fromDanishWallClock('2024-03-31T03:30'))).toBe('2024-03-31T03:30');
  });

  it('writes dates and times the Danish way', () => {
    expect(formatDanishDate('2024-01-01')).toBe('1. januar 2024');
    expect(formatDanishShortDate('2023-05-17')).toBe('17. maj 2023');
    expect(formatDanishShortDate('2023-11-14')).toBe('14. nov. 2023');
    expect(formatDanishMonth('2023-09-01')).toBe('sep.');
    expect(formatDanishDateTime('2023-02-01T22:59:00Z')).toBe('1. februar 2023 kl. 23.59');
    expect(formatDanishDateTime('2023-08-15T10:00:05Z', { seconds: true })).toBe('15. august 2023 kl. 12.00.05');
    expect(formatDanishTime('2023-08-15T10:00:00Z')).toBe('12.00');
    expect(formatDanishDay('2023-12-31T23:30:00Z')).toBe('1. januar 2024');
  });

  it('refuses what is not a date or a time instead of guessing', () => {
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('1. januar')).toBe(false);
    expect(() => formatDanishDate('2023-13-01')).toThrow(RangeError);
    expect(() => fromDanishWallClock('2023-02-01T24:00')).toThrow(RangeError);
    expect(() => danishDate('i morgen')).toThrow(RangeError);
  });
});
