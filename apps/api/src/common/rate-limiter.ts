import { DomainError } from './domain-error';

/**
 * A sliding-window limit per key (e.g. per user), kept in memory on each instance: enough to
 * stop a runaway client or script; login failures are limited in the database instead, so
 * they hold across instances.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly message: string,
  ) {}

  /** Counts one hit for `key`, or refuses with RATE_LIMITED when the window is full. */
  hit(key: string, now = Date.now()): void {
    const since = now - this.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (recent.length >= this.limit) throw new DomainError('RATE_LIMITED', this.message);
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 50_000) this.prune(since);
  }

  private prune(since: number): void {
    for (const [key, times] of this.hits) if (!times.some((t) => t > since)) this.hits.delete(key);
  }
}
