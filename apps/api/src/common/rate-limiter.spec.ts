import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('allows the limit within the window, refuses the next, and forgets old hits', () => {
    const limiter = new RateLimiter(3, 1_000, 'For mange.');
    for (let i = 0; i < 3; i++) limiter.hit('a', 10_000 + i);
    expect(() => limiter.hit('a', 10_500)).toThrow('For mange.');
    expect(() => limiter.hit('b', 10_500)).not.toThrow();
    expect(() => limiter.hit('a', 11_001)).not.toThrow();
  });
});
