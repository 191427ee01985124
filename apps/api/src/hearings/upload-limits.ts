import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../users/auth-user';
import { waitText } from '../auth/login-limits';
import { DomainError } from '../common/domain-error';
import { isLimitReached, sharedLimiter } from '../common/rate-limiter';
import { AppConfig } from '../config/app-config';

const MB = 1024 * 1024;
const inWords = (bytes: number) => (bytes >= MB ? `${(Math.round((bytes / MB) * 10) / 10).toLocaleString('da-DK')} MB` : `${Math.ceil(bytes / 1024)} kB`);

/**
 * The bytes an organisation keeps stored: every upload of its own, unattached or filed, except
 * those filed with a response to a hearing that has closed (they are the hearing's record and
 * no longer grow). Decision documents count.
 */
const STORED_BYTES = `
  SELECT coalesce(sum(a."size"), 0)::bigint AS used FROM "attachments" a
   WHERE a."organisation_id" = $1
     AND NOT EXISTS (
       SELECT 1 FROM "hearing_response_attachments" x
         JOIN "hearing_responses" r ON r."id" = x."response_id"
         JOIN "hearings" h ON h."id" = r."hearing_id"
        WHERE x."attachment_id" = a."id" AND h."closes_at" <= now())`;

/**
 * Limits on uploads (`POST /files/attachments`: hearing attachments and approvals' decision
 * documents), all counted in PostgreSQL so that they hold across instances and under
 * concurrent requests:
 * - UPLOADS_PER_USER uploads per user and UPLOADS_PER_ORGANISATION per organisation within
 *   UPLOAD_WINDOW_MINUTES (defaults 30 and 60 in 10 minutes), rate-limiter-flexible's atomic
 *   upsert in `rate_limits`; refused with RATE_LIMITED (HTTP 429);
 * - UPLOAD_QUOTA_BYTES (default 200 MB) of stored uploads per organisation (see STORED_BYTES),
 *   checked and written in one transaction that holds the organisation's row, so two uploads at
 *   once cannot both pass on the same remaining space; refused with BAD_USER_INPUT (HTTP 400)
 *   like the other refusals of a file.
 * Unattached uploads are deleted after a day (UploadCleanupService), which frees the space.
 */
@Injectable()
export class UploadLimits {
  private readonly logger = new Logger(UploadLimits.name);
  private readonly perUser: RateLimiterPostgres;
  private readonly perOrganisation: RateLimiterPostgres;
  readonly quotaBytes: number;

  constructor(@InjectDataSource() db: DataSource, @Inject(AppConfig) config: AppConfig) {
    const durationSeconds = config.UPLOAD_WINDOW_MINUTES * 60;
    this.perUser = sharedLimiter(db, { name: 'upload-user', points: config.UPLOADS_PER_USER, durationSeconds });
    this.perOrganisation = sharedLimiter(db, { name: 'upload-organisation', points: config.UPLOADS_PER_ORGANISATION, durationSeconds });
    this.quotaBytes = config.UPLOAD_QUOTA_BYTES;
  }

  /** Spends one upload of the user's and of the organisation's allowance, or refuses with RATE_LIMITED. */
  async admit(user: Pick<AuthUser, 'id' | 'organisationId'>): Promise<void> {
    try {
      await this.perUser.consume(user.id);
    } catch (error) {
      if (!isLimitReached(error)) throw error;
      this.refuse('user', user, error.msBeforeNext, `Du har uploadet ${this.perUser.points} filer på kort tid.`);
    }
    try {
      await this.perOrganisation.consume(user.organisationId);
    } catch (error) {
      if (!isLimitReached(error)) throw error;
      // The upload is not made, so it does not count against the person either.
      await this.perUser.reward(user.id);
      this.refuse('organisation', user, error.msBeforeNext, `Din organisation har uploadet ${this.perOrganisation.points} filer på kort tid.`);
    }
  }

  /**
   * Holds the organisation's row for the rest of the caller's transaction and refuses the
   * upload of `size` bytes when it would take the organisation over its quota. The caller
   * inserts the upload in the same transaction: the next upload of the organisation waits for
   * it and then counts it.
   */
  async reserve(manager: EntityManager, organisationId: string, size: number): Promise<void> {
    // NO KEY UPDATE: uploads of the organisation queue up behind each other, while rows that
    // merely refer to the organisation (responses, accounts) can still be written.
    await manager.query('SELECT 1 FROM "organisations" WHERE "id" = $1 FOR NO KEY UPDATE', [organisationId]);
    const [{ used }] = await manager.query<Array<{ used: string }>>(STORED_BYTES, [organisationId]);
    const usedBytes = Number(used);
    if (usedBytes + size > this.quotaBytes) {
      this.logger.warn(`Upload of ${size} bytes for organisation ${organisationId} refused: ${usedBytes} of ${this.quotaBytes} bytes used`);
      throw new DomainError(
        'BAD_USER_INPUT',
        `Din organisation har brugt sin plads til filer: ${inWords(usedBytes)} af ${inWords(this.quotaBytes)}, og filen fylder ${inWords(size)}. ` +
          'Filer, der ikke er vedhæftet et høringssvar eller en beslutning, slettes efter et døgn; prøv igen senere, eller kontakt sekretariatet.',
        { limit: 'quota', organisationId, usedBytes, size, quotaBytes: this.quotaBytes },
      );
    }
  }

  private refuse(limit: string, user: Pick<AuthUser, 'id' | 'organisationId'>, waitMs: number, reason: string): never {
    this.logger.warn(`Upload by ${user.id} (${user.organisationId}) refused: ${limit} limit reached`);
    throw new DomainError('RATE_LIMITED', `${reason} Vent ${waitText(waitMs)}, og prøv igen.`, { limit, userId: user.id, organisationId: user.organisationId });
  }
}
