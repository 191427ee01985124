import { waitText } from './login-limits';

describe('waitText', () => {
  it('rounds the wait up to whole minutes, and to hours past two hours', () => {
    expect(waitText(0)).toBe('1 minut');
    expect(waitText(1)).toBe('1 minut');
    expect(waitText(60_001)).toBe('2 minutter');
    expect(waitText(15 * 60_000)).toBe('15 minutter');
    expect(waitText(120 * 60_000)).toBe('120 minutter');
    expect(waitText(120 * 60_000 + 1)).toBe('3 timer');
    expect(waitText(24 * 3_600_000)).toBe('24 timer');
  });
});
