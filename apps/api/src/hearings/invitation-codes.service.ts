import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '../common/ids';
import { AuditService } from '../audit/audit.service';
import { AuthService, hashPassword } from '../auth/auth.service';
import { waitText } from '../auth/login-limits';
import { Role } from '../users/role.enum';
import { badInput, conflict, DomainError } from '../common/domain-error';
import { isLimitReached, sharedLimiter } from '../common/rate-limiter';
import { AppConfig } from '../config/app-config';
import { RemindersService } from '../notifications/reminders.service';
import { User } from '../users/user.entity';
import { ConfirmInvitationInput, InvitationCodeSent, InvitationPreview } from './dtos/confirm-invitation.input';
import { hearingStatus } from './hearing.entity';
import { InvitationAcceptance } from './dtos/hearing-types';
import { AcceptInvitationInput } from './dtos/open-hearing.input';
import { verifyInvitationToken } from './invitation-token';

/** How long a mailed code works. */
export const CODE_MINUTES = 15;
/** Wrong codes an acceptance takes before its code stops working (a new acceptance sends a new one). */
export const CODE_TRIES = 5;
/** Acceptances one invitation link may have per hour (one organisation's people, and retries). */
export const ACCEPTANCES_PER_LINK = 20;
/** Acceptances (so mailed codes) one e-mail address may have per hour. */
export const ACCEPTANCES_PER_ADDRESS = 5;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HOUR = 3_600;
export const INVITATION_CODE_KIND = 'INVITATION_CODE';

const EXISTING_ACCOUNT = 'Der findes allerede en konto med denne e-mail. Log ind med din adgangskode.';
const REPLACED = 'Invitationslinket er erstattet af et nyere link. Brug det nyeste link, eller bed sekretariatet om et nyt.';
const WITHDRAWN = 'Invitationslinket er trukket tilbage af sekretariatet. Bed sekretariatet om et nyt link.';
const CLOSED = 'Høringen er afsluttet, så invitationslinket virker ikke længere. Kontakt sekretariatet, hvis I vil indsende et sent høringssvar.';

type ConfirmOutcome =
  | { ok: true; userId: string; hearingId: string }
  | { ok: false; error: DomainError };

/**
 * Accepting an invitation link with a one-time code mailed to the address:
 * `acceptHearingInvitation` creates the account bound to the hearing in a pending state (an
 * `invitation_acceptances` row without `confirmed_at`) and mails a 6-digit code through the
 * outbox; `confirmHearingInvitation` activates the account with that code and signs it in.
 * Until then no token exists for the account and its password is random and never shown, so it
 * cannot sign in. The code is stored only as an HMAC, works for CODE_MINUTES and CODE_TRIES
 * wrong tries; acceptances are limited per link and per address in the shared store.
 *
 * An address whose account is still pending may accept again (through this or another live
 * link): the account is rebound to that link and gets a new code, so a mistyped or stolen
 * address cannot lock its owner out. A confirmed account, or any other account, is never signed
 * in through a link (CONFLICT).
 */
@Injectable()
export class InvitationCodesService {
  private readonly logger = new Logger(InvitationCodesService.name);
  private readonly invitationSecret: string;
  private readonly perLink: RateLimiterPostgres;
  private readonly perAddress: RateLimiterPostgres;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    private readonly outbox: RemindersService,
    @Inject(AppConfig) config: AppConfig,
  ) {
    if (!config.INVITATION_SECRET) throw new Error('INVITATION_SECRET is not set (startServer sets it)');
    this.invitationSecret = config.INVITATION_SECRET;
    this.perLink = sharedLimiter(db, { name: 'invitation-accept-link', points: ACCEPTANCES_PER_LINK, durationSeconds: HOUR });
    this.perAddress = sharedLimiter(db, { name: 'invitation-accept-address', points: ACCEPTANCES_PER_ADDRESS, durationSeconds: HOUR });
  }

  /**
   * Creates (or, while still pending, rebinds) the account of a named person of the invited
   * organisation through the invitation link, pending, and mails it a one-time code. The link
   * works only while the hearing is not closed and the link is neither withdrawn nor replaced.
   */
  /**
   * What a link is for (organisation, hearing, deadline), for its landing page; null when the link
   * is not genuine, replaced or withdrawn (it tells nothing then).
   */
  async preview(token: string): Promise<InvitationPreview | null> {
    const verified = verifyInvitationToken(this.invitationSecret, token.trim());
    if (!verified) return null;
    const rows = await this.db.query<Array<{ hearing_id: string; nonce: string; withdrawn_at: Date | null; opens_at: Date; closes_at: Date; title: string; organisation: string; agreement: string }>>(
      `SELECT i."hearing_id", i."nonce", i."withdrawn_at", h."opens_at", h."closes_at", h."title", o."name" AS organisation, a."title" AS agreement
         FROM "hearing_invitations" i JOIN "hearings" h ON h."id" = i."hearing_id"
         JOIN "organisations" o ON o."id" = i."organisation_id" JOIN "agreements" a ON a."id" = h."agreement_id"
        WHERE i."id" = $1`,
      [verified.invitationId],
    );
    const row = rows[0];
    if (!row || row.nonce !== verified.nonce || row.withdrawn_at) return null;
    return {
      hearingId: row.hearing_id,
      organisationName: row.organisation,
      hearingTitle: row.title,
      agreementTitle: row.agreement,
      closesAt: row.closes_at,
      status: hearingStatus({ opensAt: row.opens_at, closesAt: row.closes_at }),
    };
  }

  async accept(input: AcceptInvitationInput, requestId: string | null): Promise<InvitationCodeSent> {
    const invalid = () => new DomainError('UNAUTHENTICATED', 'Invitationslinket er ugyldigt. Bed sekretariatet om et nyt link.');
    const verified = verifyInvitationToken(this.invitationSecret, input.token.trim());
    if (!verified) throw invalid();
    const email = input.email.trim().toLowerCase();
    if (!EMAIL.test(email)) throw badInput('Skriv en gyldig e-mailadresse.');
    await this.admit(verified.invitationId, email);

    const code = newCode();
    const expiresAt = new Date(Date.now() + CODE_MINUTES * 60_000);
    const sent = await this.db
      .transaction(async (manager) => {
        // Locked, so a withdrawal or re-issue in flight cannot let an old link through.
        const rows = await manager.query<Array<{ hearing_id: string; organisation_id: string; nonce: string; withdrawn_at: Date | null; closes_at: Date; title: string }>>(
          `SELECT i."hearing_id", i."organisation_id", i."nonce", i."withdrawn_at", h."closes_at", h."title"
             FROM "hearing_invitations" i JOIN "hearings" h ON h."id" = i."hearing_id" WHERE i."id" = $1 FOR UPDATE OF i`,
          [verified.invitationId],
        );
        const invitation = rows[0];
        if (!invitation) throw invalid();
        if (invitation.nonce !== verified.nonce) throw new DomainError('UNAUTHENTICATED', REPLACED);
        if (invitation.withdrawn_at) throw new DomainError('UNAUTHENTICATED', WITHDRAWN);
        if (invitation.closes_at.getTime() <= Date.now()) throw new DomainError('DEADLINE_PASSED', CLOSED);

        const existing = await manager.query<Array<{ id: string; acceptance_id: string | null; confirmed_at: Date | null }>>(
          `SELECT u."id", a."id" AS acceptance_id, a."confirmed_at" FROM "users" u LEFT JOIN "invitation_acceptances" a ON a."user_id" = u."id"
            WHERE u."email" = $1 FOR UPDATE OF u`,
          [email],
        );
        const pending = existing[0];
        if (pending && (!pending.acceptance_id || pending.confirmed_at)) throw conflict(EXISTING_ACCOUNT);

        let userId: string;
        let acceptanceId: string;
        if (pending?.acceptance_id) {
          userId = pending.id;
          acceptanceId = pending.acceptance_id;
          await manager.query(`UPDATE "users" SET "name" = $2, "organisation_id" = $3, "hearing_id" = $4 WHERE "id" = $1`, [
            userId,
            input.name.trim(),
            invitation.organisation_id,
            invitation.hearing_id,
          ]);
          await manager.query(
            `UPDATE "invitation_acceptances" SET "invitation_id" = $2, "nonce" = $3, "code_hash" = $4, "code_expires_at" = $5, "attempts" = 0,
                    "disabled_at" = NULL, "created_at" = now() WHERE "id" = $1`,
            [acceptanceId, verified.invitationId, invitation.nonce, this.codeHash(acceptanceId, code), expiresAt],
          );
        } else {
          const created = manager.create(User, {
            email,
            name: input.name.trim(),
            role: Role.ORGANISATION,
            organisationId: invitation.organisation_id,
            hearingId: invitation.hearing_id,
            passwordHash: await hashPassword(randomBytes(32).toString('base64url')),
          });
          await manager.save(created);
          userId = created.id;
          const [{ id }] = await manager.query<Array<{ id: string }>>('SELECT gen_random_uuid() AS id');
          acceptanceId = id;
          await manager.query(
            `INSERT INTO "invitation_acceptances" ("id", "user_id", "invitation_id", "nonce", "code_hash", "code_expires_at") VALUES ($1, $2, $3, $4, $5, $6)`,
            [acceptanceId, userId, verified.invitationId, invitation.nonce, this.codeHash(acceptanceId, code), expiresAt],
          );
        }
        await this.audit.record(manager, {
          actorId: userId,
          action: 'hearing.invitation-accepted',
          entityType: 'hearing_invitation',
          entityId: verified.invitationId,
          data: { hearingId: invitation.hearing_id, organisationId: invitation.organisation_id, userId, acceptanceId, pending: true, again: Boolean(pending) },
          requestId,
        });
        await this.outbox.toAddresses(manager, {
          dedupeKey: `invitation-code:${acceptanceId}:${randomBytes(8).toString('hex')}`,
          kind: INVITATION_CODE_KIND,
          subject: `Din kode til høringen: ${code}`,
          body:
            `Din kode er ${code}\n\n` +
            `Skriv koden på siden, hvor du åbnede invitationen til »${invitation.title}«, for at oprette din konto. ` +
            `Koden virker i ${CODE_MINUTES} minutter.\n\nHar du ikke bedt om koden, kan du se bort fra denne e-mail.`,
          recipients: [email],
        });
        return { acceptanceId, email, expiresAt };
      })
      .catch((error: unknown) => {
        // Two acceptances with the same new address at once: the unique e-mail decides.
        if ((error as { code?: string }).code === '23505') throw conflict(EXISTING_ACCOUNT);
        throw error;
      });
    return sent;
  }

  /**
   * Activates a pending account with the code mailed to it and signs it in. A wrong code counts
   * against CODE_TRIES (the row is locked, so concurrent guesses count one by one); an expired,
   * used-up or withdrawn acceptance never signs in.
   */
  async confirm(input: ConfirmInvitationInput, requestId: string | null): Promise<InvitationAcceptance> {
    const unknown = () => new DomainError('UNAUTHENTICATED', 'Bekræftelsen findes ikke. Åbn invitationslinket igen, og bed om en ny kode.');
    if (!isUuid(input.acceptanceId)) throw unknown();
    const code = input.code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(code)) throw badInput('Koden er de 6 cifre fra e-mailen. Skriv dem, og prøv igen.');

    const outcome = await this.db.transaction(async (manager): Promise<ConfirmOutcome> => {
      const rows = await manager.query<
        Array<{
          user_id: string;
          code_hash: string;
          code_expires_at: Date;
          attempts: number;
          confirmed_at: Date | null;
          disabled_at: Date | null;
          nonce: string;
          invitation_id: string;
          current_nonce: string;
          withdrawn_at: Date | null;
          hearing_id: string;
          organisation_id: string;
          closes_at: Date;
        }>
      >(
        `SELECT a."user_id", a."code_hash", a."code_expires_at", a."attempts", a."confirmed_at", a."disabled_at", a."nonce", a."invitation_id",
                i."nonce" AS current_nonce, i."withdrawn_at", i."hearing_id", i."organisation_id", h."closes_at"
           FROM "invitation_acceptances" a
           JOIN "hearing_invitations" i ON i."id" = a."invitation_id"
           JOIN "hearings" h ON h."id" = i."hearing_id"
          WHERE a."id" = $1 FOR UPDATE OF a`,
        [input.acceptanceId],
      );
      const a = rows[0];
      if (!a) return { ok: false, error: unknown() };
      if (a.confirmed_at) return { ok: false, error: conflict('Kontoen er allerede bekræftet. Koden kan kun bruges én gang.') };
      if (a.disabled_at || a.withdrawn_at) return { ok: false, error: new DomainError('UNAUTHENTICATED', WITHDRAWN) };
      if (a.nonce !== a.current_nonce) return { ok: false, error: new DomainError('UNAUTHENTICATED', REPLACED) };
      if (a.closes_at.getTime() <= Date.now()) return { ok: false, error: new DomainError('DEADLINE_PASSED', CLOSED) };
      if (a.attempts >= CODE_TRIES) {
        return { ok: false, error: badInput('Koden er skrevet forkert for mange gange. Åbn invitationslinket igen, og bed om en ny kode.') };
      }
      if (a.code_expires_at.getTime() <= Date.now()) {
        return { ok: false, error: badInput(`Koden er udløbet (den virker i ${CODE_MINUTES} minutter). Åbn invitationslinket igen, og bed om en ny kode.`) };
      }
      if (!sameHash(a.code_hash, this.codeHash(input.acceptanceId, code))) {
        // An UPDATE answers [rows, count] through TypeORM's PostgreSQL driver.
        const [[{ attempts }]] = await manager.query<[Array<{ attempts: number }>, number]>(
          'UPDATE "invitation_acceptances" SET "attempts" = "attempts" + 1 WHERE "id" = $1 RETURNING "attempts"',
          [input.acceptanceId],
        );
        const left = CODE_TRIES - attempts;
        this.logger.warn(`Wrong invitation code for acceptance ${input.acceptanceId} (${left} tries left)`);
        return {
          ok: false,
          error: badInput(
            left > 0
              ? `Koden er forkert. Du har ${left === 1 ? 'ét forsøg' : `${left} forsøg`} tilbage.`
              : 'Koden er skrevet forkert for mange gange. Åbn invitationslinket igen, og bed om en ny kode.',
          ),
        };
      }
      await manager.query('UPDATE "invitation_acceptances" SET "confirmed_at" = now() WHERE "id" = $1', [input.acceptanceId]);
      await this.audit.record(manager, {
        actorId: a.user_id,
        action: 'hearing.invitation-confirmed',
        entityType: 'hearing_invitation',
        entityId: a.invitation_id,
        data: { hearingId: a.hearing_id, organisationId: a.organisation_id, userId: a.user_id, acceptanceId: input.acceptanceId },
        requestId,
      });
      return { ok: true, userId: a.user_id, hearingId: a.hearing_id };
    });
    // Thrown after the commit, so that a wrong try stays counted.
    if (!outcome.ok) throw outcome.error;
    const user = await this.db.getRepository(User).findOneOrFail({ where: { id: outcome.userId }, relations: { organisation: true } });
    const token = await this.auth.issueToken(user.id);
    return { token, user, hearingId: outcome.hearingId };
  }

  private async admit(invitationId: string, email: string): Promise<void> {
    try {
      await this.perLink.consume(invitationId);
    } catch (error) {
      if (!isLimitReached(error)) throw error;
      this.logger.warn(`Acceptance of invitation ${invitationId} refused: link limit reached`);
      throw new DomainError('RATE_LIMITED', `Invitationslinket er brugt for mange gange på kort tid. Vent ${waitText(error.msBeforeNext)}, og prøv igen.`);
    }
    try {
      await this.perAddress.consume(email);
    } catch (error) {
      if (!isLimitReached(error)) throw error;
      await this.perLink.reward(invitationId);
      this.logger.warn(`Acceptance of invitation ${invitationId} for ${email} refused: address limit reached`);
      throw new DomainError('RATE_LIMITED', `Der er sendt for mange koder til denne e-mailadresse. Vent ${waitText(error.msBeforeNext)}, og prøv igen.`);
    }
  }

  private codeHash(acceptanceId: string, code: string): string {
    return createHmac('sha256', this.invitationSecret).update(`invitation-code:${acceptanceId}:${code}`).digest('hex');
  }
}

/**
 * Withdrawing a link disables the accounts created through it that are not confirmed yet:
 * their codes stop working and they can never sign in (the address may accept a new link).
 * Accounts already confirmed keep working until the hearing closes: the person proved the
 * address while the link was valid and may be in the middle of the organisation's response;
 * the secretariat asked for the link to stop, not for that response to be lost. Runs in the
 * withdrawal's transaction, with an audit row per disabled account.
 */
export async function disableUnconfirmedAccounts(
  manager: EntityManager,
  audit: AuditService,
  invitationId: string,
  actorId: string,
  requestId: string | null,
): Promise<number> {
  const [disabled] = await manager.query<[Array<{ id: string; user_id: string }>, number]>(
    `UPDATE "invitation_acceptances" SET "disabled_at" = now()
      WHERE "invitation_id" = $1 AND "confirmed_at" IS NULL AND "disabled_at" IS NULL RETURNING "id", "user_id"`,
    [invitationId],
  );
  for (const row of disabled) {
    await audit.record(manager, {
      actorId,
      action: 'hearing.invitation-account-disabled',
      entityType: 'hearing_invitation',
      entityId: invitationId,
      data: { userId: row.user_id, acceptanceId: row.id },
      requestId,
    });
  }
  return disabled.length;
}

const newCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
