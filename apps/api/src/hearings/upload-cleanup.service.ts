import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PgBoss } from 'pg-boss';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { createQueue } from '../common/job-queues';
import { AppConfig } from '../config/app-config';
import { CODE_MINUTES, INVITATION_CODE_KIND } from './invitation-codes.service';

export const UPLOAD_CLEANUP_QUEUE = 'upload-cleanup';
/** Every hour, at a minute past: pg-boss runs a schedule once across all instances. */
export const UPLOAD_CLEANUP_CRON = '1 * * * *';
/** An upload nothing refers to is deleted once it is this old. */
export const UNATTACHED_UPLOAD_HOURS = 24;
/** Deleted per statement, so that one sweep never holds many rows (or their bytes) at once. */
const BATCH = 200;

export interface CleanupResult {
  attachments: number;
  bytes: number;
  codeMessages: number;
}

/**
 * Deletes uploads (`attachments`, whose bytes are stored in the row) older than
 * UNATTACHED_UPLOAD_HOURS that no hearing response and no approval refers to: uploaded and never
 * filed, or a decision document since replaced. It frees the organisation's quota
 * (UploadLimits). It also deletes the outbox messages with invitation codes once the code has
 * expired, so the code is not kept in clear longer than it works (plus up to an hour).
 * Run hourly as a pg-boss schedule; `sweep` is the job's handler.
 */
@Injectable()
export class UploadCleanupService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(UploadCleanupService.name);
  private boss: PgBoss | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const options = this.db.options as { url?: string };
    this.boss = new PgBoss({ connectionString: options.url, schema: 'pgboss', max: 2 });
    this.boss.on('error', (error: Error) => this.logger.error(`Job queue: ${error.message}`));
    await this.boss.start();
    await createQueue(this.boss, UPLOAD_CLEANUP_QUEUE);
    await this.boss.schedule(UPLOAD_CLEANUP_QUEUE, UPLOAD_CLEANUP_CRON, {}, { tz: 'Europe/Copenhagen', retryLimit: 3, retryBackoff: true });
    await this.boss.work(UPLOAD_CLEANUP_QUEUE, { pollingIntervalSeconds: this.config.JOB_POLL_SECONDS }, async () => {
      await this.sweep();
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 5_000 });
  }

  /** One sweep: deletes what is due (see the class comment); safe to run on several instances at once. */
  async sweep(): Promise<CleanupResult> {
    const result: CleanupResult = { attachments: 0, bytes: 0, codeMessages: 0 };
    for (;;) {
      const deleted = await this.db.transaction(async (manager) => {
        // SKIP LOCKED: an upload being filed right now (its response holds a key lock on it) is
        // left for the next sweep, and two sweeps never wait on each other.
        const [rows] = await manager.query<[Array<{ id: string; organisation_id: string; filename: string; size: number; created_at: Date }>, number]>(
          `DELETE FROM "attachments" WHERE "id" IN (
             SELECT a."id" FROM "attachments" a
              WHERE a."created_at" < now() - make_interval(hours => $1)
                AND NOT EXISTS (SELECT 1 FROM "hearing_response_attachments" x WHERE x."attachment_id" = a."id")
                AND NOT EXISTS (SELECT 1 FROM "approvals" p WHERE p."document_id" = a."id")
              ORDER BY a."created_at" LIMIT $2 FOR UPDATE SKIP LOCKED)
           RETURNING "id", "organisation_id", "filename", "size", "created_at"`,
          [UNATTACHED_UPLOAD_HOURS, BATCH],
        );
        for (const row of rows) {
          await this.audit.record(manager, {
            actorId: null,
            action: 'attachment.cleanup',
            entityType: 'attachment',
            entityId: row.id,
            data: { organisationId: row.organisation_id, filename: row.filename, size: row.size, uploadedAt: row.created_at.toISOString() },
          });
        }
        return rows;
      });
      result.attachments += deleted.length;
      result.bytes += deleted.reduce((sum, row) => sum + row.size, 0);
      if (deleted.length < BATCH) break;
    }
    const [, codeMessages] = await this.db.query<[unknown[], number]>(
      `DELETE FROM "notifications" WHERE "kind" = $1 AND "created_at" < now() - make_interval(mins => $2)`,
      [INVITATION_CODE_KIND, CODE_MINUTES],
    );
    result.codeMessages = codeMessages;
    if (result.attachments || result.codeMessages) {
      this.logger.log(`Deleted ${result.attachments} unattached uploads (${result.bytes} bytes) and ${result.codeMessages} expired code messages`);
    }
    return result;
  }
}
