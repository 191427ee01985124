import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { isLimitReached, sharedLimiter } from '../common/rate-limiter';
import { AppConfig } from '../config/app-config';

/** Failures one address may have across all accounts per hour, per failure allowed on one account. */
export const ADDRESS_FAILURES_PER_ACCOUNT_FAILURE = 20;
/** Failures one account may have from all addresses per hour, per failure allowed from one address. */
export const ACCOUNT_FAILURES_PER_ACCOUNT_FAILURE = 50;
const HOUR = 3_600;
const LONGEST_LOCKOUT = 24 * HOUR;

/** The limits a login attempt counted against; handed back when it succeeds. */
export interface LoginAttempt {
  accountAddress: string;
  address: string;
  account: string;
}

/**
 * Limits on logins, counted in PostgreSQL so that they hold across instances and under
 * concurrent requests. Three limits, narrowest first:
 * - an account from one address: LOGIN_MAX_FAILURES failures within LOGIN_WINDOW_MINUTES
 *   lock that pair out for LOGIN_WINDOW_MINUTES, twice as long at each further lockout
 *   within a day (up to a day); a success clears both. Another address is not affected, so
 *   a stranger cannot lock a named user out;
 * - one address across all accounts: ADDRESS_FAILURES_PER_ACCOUNT_FAILURE × LOGIN_MAX_FAILURES
 *   failures an hour (one guess each on many accounts);
 * - one account from all addresses: a much higher ceiling,
 *   ACCOUNT_FAILURES_PER_ACCOUNT_FAILURE × LOGIN_MAX_FAILURES an hour, against guessing
 *   spread over many addresses.
 * An attempt spends its points before the password is checked; that is what refuses a
 * concurrent burst atomically. A success gives the points back.
 */
@Injectable()
export class LoginLimits {
  private readonly logger = new Logger(LoginLimits.name);
  private readonly accountAddress: RateLimiterPostgres;
  private readonly lockouts: RateLimiterPostgres;
  private readonly address: RateLimiterPostgres;
  private readonly account: RateLimiterPostgres;
  private readonly lockoutSeconds: number;

  constructor(@InjectDataSource() db: DataSource, @Inject(AppConfig) config: AppConfig) {
    this.lockoutSeconds = config.LOGIN_WINDOW_MINUTES * 60;
    this.accountAddress = sharedLimiter(db, { name: 'login-account-address', points: config.LOGIN_MAX_FAILURES, durationSeconds: this.lockoutSeconds });
    // How many lockouts the pair has had lately, which doubles the next one.
    this.lockouts = sharedLimiter(db, { name: 'login-lockouts', points: 1_000_000, durationSeconds: LONGEST_LOCKOUT });
    this.address = sharedLimiter(db, { name: 'login-address', points: config.LOGIN_MAX_FAILURES * ADDRESS_FAILURES_PER_ACCOUNT_FAILURE, durationSeconds: HOUR, clearExpired: true });
    this.account = sharedLimiter(db, { name: 'login-account', points: config.LOGIN_MAX_FAILURES * ACCOUNT_FAILURES_PER_ACCOUNT_FAILURE, durationSeconds: HOUR });
  }

  /**
   * Spends one point of each limit for an attempt on `email` (normalised) from `ip`, or
   * refuses with RATE_LIMITED, saying how long to wait, before the password is looked at.
   */
  async admit(email: string, ip: string | null): Promise<LoginAttempt> {
    const from = ip ?? 'unknown';
    const attempt: LoginAttempt = { accountAddress: `${email} ${from}`, address: from, account: email };

    try {
      await this.accountAddress.consume(attempt.accountAddress);
    } catch (error) {
      if (!isLimitReached(error)) throw error;
      // Exactly one attempt sees the count pass the limit (the upsert is atomic); it sets
      // the lockout, the others are refused by it.
      const wait = error.consumedPoints === this.accountAddress.points + 1 ? await this.lockOut(attempt.accountAddress) : error.msBeforeNext;
      this.refuse('account and address', email, from, wait, 'For mange mislykkede login-forsøg.');
    }

    try {
      await this.address.consume(attempt.address);
    } catch (error) {
      if (!isLimitReached(error)) throw error;
      await this.accountAddress.reward(attempt.accountAddress);
      this.refuse('address', email, from, error.msBeforeNext, 'For mange mislykkede login-forsøg fra din adresse.');
    }

    try {
      await this.account.consume(attempt.account);
    } catch (error) {
      if (!isLimitReached(error)) throw error;
      await Promise.all([this.accountAddress.reward(attempt.accountAddress), this.address.reward(attempt.address)]);
      this.refuse('account', email, from, error.msBeforeNext, 'For mange mislykkede login-forsøg på denne konto.');
    }
    return attempt;
  }

  /** The password was right: the pair's failures and lockouts are forgotten, the wider limits get their point back. */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    await Promise.all([
      this.accountAddress.delete(attempt.accountAddress),
      this.lockouts.delete(attempt.accountAddress),
      this.address.reward(attempt.address),
      this.account.reward(attempt.account),
    ]);
  }

  /** Blocks the pair for the lockout time, doubled for each earlier lockout within a day; the wait in ms. */
  private async lockOut(key: string): Promise<number> {
    const earlier = (await this.lockouts.consume(key)).consumedPoints - 1;
    const seconds = Math.min(this.lockoutSeconds * 2 ** Math.min(earlier, 16), LONGEST_LOCKOUT);
    await this.accountAddress.block(key, seconds);
    return seconds * 1_000;
  }

  private refuse(limit: string, email: string, from: string, waitMs: number, reason: string): never {
    this.logger.warn(`Login for ${email} from ${from} refused: ${limit} limit reached`);
    throw new DomainError('RATE_LIMITED', `${reason} Vent ${waitText(waitMs)}, og prøv igen.`, { limit, email, ip: from });
  }
}

/** "1 minut", "15 minutter", "4 timer": rounded up, so the wait is never shorter than said. */
export function waitText(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  if (minutes <= 120) return minutes === 1 ? '1 minut' : `${minutes} minutter`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} timer`;
}
