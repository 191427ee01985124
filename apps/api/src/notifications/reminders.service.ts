import { formatDanishDateTime } from '@aftalerum/dates';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, Transporter } from 'nodemailer';
import { PgBoss, type Db as JobDb } from 'pg-boss';
import { DataSource, EntityManager, QueryResult } from 'typeorm';
import { Clock } from '../common/clock';
import { createQueue } from '../common/job-queues';
import { AppConfig } from '../config/app-config';

export const REMINDER_QUEUE = 'deadline-reminder';
export const APPROVAL_QUEUE = 'approval-request';
export const MAIL_QUEUE = 'outbox-mail';

export interface ReminderJob {
  kind: 'HEARING' | 'INPUT_ROUND';
  id: string;
  /** Hours before the deadline this reminder is for. */
  hoursBefore: number;
  /** The deadline it was scheduled for: a reminder for a deadline since moved is dropped. */
  deadline: string;
}

export interface ApprovalRequestJob {
  agreementId: string;
}

/** Hours before a deadline that invited parties are reminded. */
export const REMINDER_HOURS = [7 * 24, 24];

/**
 * Lets pg-boss write its job through the caller's transaction, so a job exists exactly when
 * the row it is about was committed: a failure to schedule rolls the row back, and a rolled
 * back row leaves no job behind.
 */
function inTransaction(manager: EntityManager): JobDb {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('Jobs are scheduled inside the transaction that writes their row.');
  return {
    async executeSql(text: string, values: unknown[]) {
      const result = (await runner.query(text, values, true)) as QueryResult;
      return { rows: result.records };
    },
  };
}

const dateTime = { format: (instant: Date) => formatDanishDateTime(instant) };

/**
 * Deadline reminders and approval requests, run by a job queue on PostgreSQL (pg-boss) and
 * delivered to the outbox (`notifications`), each exactly once: the outbox's dedupe key makes
 * a retried or duplicated job harmless.
 */
@Injectable()
export class RemindersService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RemindersService.name);
  private boss: PgBoss | null = null;
  private mailer: Transporter | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const options = this.db.options as { url?: string };
    this.boss = new PgBoss({ connectionString: options.url, schema: 'pgboss', max: 4 });
    this.boss.on('error', (error: Error) => this.logger.error(`Job queue: ${error.message}`));
    await this.boss.start();
    await createQueue(this.boss, REMINDER_QUEUE);
    await createQueue(this.boss, APPROVAL_QUEUE);
    const polling = { pollingIntervalSeconds: this.config.JOB_POLL_SECONDS };
    await this.boss.work<ReminderJob>(REMINDER_QUEUE, polling, async (jobs) => {
      for (const job of jobs) await this.deliverReminder(job.data);
    });
    await this.boss.work<ApprovalRequestJob>(APPROVAL_QUEUE, polling, async (jobs) => {
      for (const job of jobs) await this.deliverApprovalRequests(job.data.agreementId);
    });
    if (this.config.SMTP_URL) {
      this.mailer = createTransport(this.config.SMTP_URL);
      await createQueue(this.boss, MAIL_QUEUE);
      await this.boss.work<{ notificationId: string }>(MAIL_QUEUE, polling, async (jobs) => {
        for (const job of jobs) await this.mail(job.data.notificationId);
      });
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 5_000 });
  }

  /**
   * Schedules the reminders of a deadline in the caller's transaction (`manager`, the one that
   * writes the hearing or round); those whose time has passed are skipped, and all of them
   * while history is replayed (their time is in the past being replayed).
   */
  async scheduleDeadline(manager: EntityManager, kind: ReminderJob['kind'], id: string, deadline: Date): Promise<number> {
    if (!this.boss || this.clock.replaying) return 0;
    const db = inTransaction(manager);
    let scheduled = 0;
    for (const hoursBefore of REMINDER_HOURS) {
      const at = new Date(deadline.getTime() - hoursBefore * 3_600_000);
      if (at.getTime() <= this.clock.now().getTime()) continue;
      await this.boss.send(REMINDER_QUEUE, { kind, id, hoursBefore, deadline: deadline.toISOString() } satisfies ReminderJob, {
        db,
        startAfter: at,
        singletonKey: `${kind}:${id}:${hoursBefore}:${deadline.toISOString()}`,
        retryLimit: 5,
        retryBackoff: true,
      });
      scheduled++;
    }
    return scheduled;
  }

  /**
   * Asks every party that has not decided yet to approve the agreement, in the caller's
   * transaction. Not while history is replayed: those requests went out then, not today.
   */
  async requestApprovals(manager: EntityManager, agreementId: string): Promise<void> {
    if (!this.boss || this.clock.replaying) return;
    await this.boss.send(APPROVAL_QUEUE, { agreementId } satisfies ApprovalRequestJob, { db: inTransaction(manager), retryLimit: 5, retryBackoff: true });
  }

  /** Writes the reminder to the outbox of every invited organisation (once). */
  async deliverReminder(job: ReminderJob): Promise<number> {
    if (job.kind !== 'HEARING') return this.deliverInputRoundReminder(job);
    const [hearing] = await this.db.query<Array<{ id: string; title: string; closes_at: Date; agreement_id: string }>>(
      'SELECT "id", "title", "closes_at", "agreement_id" FROM "hearings" WHERE "id" = $1',
      [job.id],
    );
    if (!hearing || hearing.closes_at.getTime() <= Date.now() || hearing.closes_at.toISOString() !== job.deadline) return 0;
    const parties = await this.db.query<Array<{ organisation_id: string; answered: boolean }>>(
      `SELECT i."organisation_id", EXISTS (SELECT 1 FROM "hearing_responses" r WHERE r."hearing_id" = i."hearing_id" AND r."organisation_id" = i."organisation_id") AS answered
         FROM "hearing_invitations" i WHERE i."hearing_id" = $1`,
      [hearing.id],
    );
    let delivered = 0;
    for (const party of parties.filter((p) => !p.answered)) {
      delivered += await this.toOutbox({
        dedupeKey: `hearing-reminder:${hearing.id}:${job.deadline}:${job.hoursBefore}:${party.organisation_id}`,
        agreementId: hearing.agreement_id,
        organisationId: party.organisation_id,
        hearingId: hearing.id,
        kind: 'DEADLINE_REMINDER',
        subject: `Påmindelse: høringsfrist ${dateTime.format(hearing.closes_at)}`,
        body: `${hearing.title} lukker ${dateTime.format(hearing.closes_at)}. I har endnu ikke afgivet høringssvar.`,
      });
    }
    return delivered;
  }

  /** Reminds every asked participant that has not submitted yet (once per participant). */
  private async deliverInputRoundReminder(job: ReminderJob): Promise<number> {
    const [round] = await this.db.query<Array<{ id: string; title: string; deadline: Date; agreement_id: string }>>(
      'SELECT "id", "title", "deadline", "agreement_id" FROM "input_rounds" WHERE "id" = $1',
      [job.id],
    );
    if (!round || round.deadline.getTime() <= Date.now() || round.deadline.toISOString() !== job.deadline) return 0;
    const participants = await this.db.query<Array<{ organisation_id: string }>>(
      `SELECT p."organisation_id" FROM "input_round_participants" p
        WHERE p."round_id" = $1
          AND NOT EXISTS (SELECT 1 FROM "cluster_inputs" i WHERE i."round_id" = p."round_id" AND i."organisation_id" = p."organisation_id" AND i."submitted_at" IS NOT NULL)`,
      [round.id],
    );
    let delivered = 0;
    for (const participant of participants) {
      delivered += await this.toOutbox({
        dedupeKey: `input-round-reminder:${round.id}:${job.deadline}:${job.hoursBefore}:${participant.organisation_id}`,
        agreementId: round.agreement_id,
        organisationId: participant.organisation_id,
        kind: 'DEADLINE_REMINDER',
        subject: `Påmindelse: frist for input ${dateTime.format(round.deadline)}`,
        body: `Fristen for input til »${round.title}« er ${dateTime.format(round.deadline)}. I har endnu ikke indsendt jeres input.`,
      });
    }
    return delivered;
  }

  /** One approval request per party that has not decided (once per party). */
  async deliverApprovalRequests(agreementId: string): Promise<number> {
    const [agreement] = await this.db.query<Array<{ title: string; region_id: string }>>('SELECT "title", "region_id" FROM "agreements" WHERE "id" = $1', [agreementId]);
    if (!agreement) return 0;
    const parties = await this.db.query<Array<{ id: string }>>(
      `SELECT o."id" FROM "organisations" o
        WHERE o."region_id" = $1 AND (o."kind" IN ('MUNICIPALITY', 'REGION') OR (o."kind" = 'COMMITTEE' AND o."name" LIKE 'Sundhedssamarbejdsudvalget%'))
          AND NOT EXISTS (SELECT 1 FROM "approvals" a WHERE a."agreement_id" = $2 AND a."organisation_id" = o."id")`,
      [agreement.region_id, agreementId],
    );
    let delivered = 0;
    for (const party of parties) {
      delivered += await this.toOutbox({
        dedupeKey: `approval-request:${agreementId}:${party.id}`,
        agreementId,
        organisationId: party.id,
        kind: 'APPROVAL_REQUEST',
        subject: `Anmodning om godkendelse: ${agreement.title}`,
        body: `Sundhedssamarbejdsudvalget beder om jeres godkendelse af ${agreement.title}. Registrér beslutningen i Aftalerum, når den er truffet.`,
      });
    }
    return delivered;
  }

  private async toOutbox(n: { dedupeKey: string; agreementId: string; organisationId: string | null; hearingId?: string; kind: string; subject: string; body: string }): Promise<number> {
    const recipients = n.organisationId
      ? (
          await this.db.query<Array<{ email: string }>>(
            // An account not yet confirmed through its mailed code has not proved its address: it gets no mail.
            // An account made through an invitation link acts in its one hearing only: it gets that hearing's mail, no other.
            `SELECT u."email" FROM "users" u WHERE u."organisation_id" = $1
                AND NOT EXISTS (SELECT 1 FROM "invitation_acceptances" a WHERE a."user_id" = u."id" AND a."confirmed_at" IS NULL)
                AND (u."hearing_id" IS NULL OR u."hearing_id" = $2::uuid)
              ORDER BY u."email"`,
            [n.organisationId, n.hearingId ?? null],
          )
        ).map((r) => r.email)
      : [];
    // The outbox row and its mail job commit together: were the job lost after the row, the
    // dedupe key would make every retry skip the mail for good.
    return this.db.transaction(async (manager) => {
      const inserted = await manager.query<Array<{ id: string }>>(
        `INSERT INTO "notifications" ("dedupe_key", "agreement_id", "organisation_id", "kind", "subject", "body", "recipients")
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT ("dedupe_key") DO NOTHING RETURNING "id"`,
        [n.dedupeKey, n.agreementId, n.organisationId, n.kind, n.subject, n.body, recipients],
      );
      if (inserted.length && this.mailer && recipients.length && this.boss) {
        await this.boss.send(MAIL_QUEUE, { notificationId: inserted[0].id }, { db: inTransaction(manager), retryLimit: 10, retryBackoff: true, singletonKey: inserted[0].id });
      }
      return inserted.length;
    });
  }

  /**
   * Writes a message for the given addresses (not an organisation's people) to the outbox in
   * the caller's transaction, with its mail job when SMTP_URL is set. It has no agreement, so it
   * shows in no agreement's outbox (an invitation code is for its recipient only).
   */
  async toAddresses(manager: EntityManager, n: { dedupeKey: string; kind: string; subject: string; body: string; recipients: string[] }): Promise<string> {
    const [row] = await manager.query<Array<{ id: string }>>(
      // clock_timestamp(), not the transaction's start: codes sent one after another under a lock
      // are dated in the order they were sent, so "the newest code" is the one that works.
      `INSERT INTO "notifications" ("dedupe_key", "agreement_id", "organisation_id", "kind", "subject", "body", "recipients", "created_at")
       VALUES ($1, NULL, NULL, $2, $3, $4, $5, clock_timestamp()) RETURNING "id"`,
      [n.dedupeKey, n.kind, n.subject, n.body, n.recipients],
    );
    if (this.mailer && this.boss && n.recipients.length) {
      await this.boss.send(MAIL_QUEUE, { notificationId: row.id }, { db: inTransaction(manager), retryLimit: 10, retryBackoff: true, singletonKey: row.id });
    }
    return row.id;
  }

  /** Sends one outbox notification by e-mail (SMTP_URL) and marks it sent; a failure is retried by the queue. */
  private async mail(notificationId: string): Promise<void> {
    const [n] = await this.db.query<Array<{ subject: string; body: string; recipients: string[]; sent_at: Date | null }>>(
      'SELECT "subject", "body", "recipients", "sent_at" FROM "notifications" WHERE "id" = $1',
      [notificationId],
    );
    if (!n || n.sent_at || !this.mailer) return;
    try {
      await this.mailer.sendMail({ from: this.config.SMTP_FROM, to: n.recipients, subject: n.subject, text: n.body });
      await this.db.query('UPDATE "notifications" SET "sent_at" = now(), "send_error" = NULL WHERE "id" = $1', [notificationId]);
    } catch (error) {
      await this.db.query('UPDATE "notifications" SET "send_error" = $2 WHERE "id" = $1', [notificationId, (error as Error).message.slice(0, 500)]);
      throw error;
    }
  }
}
