import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data?: Record<string, unknown>;
  requestId?: string | null;
}

@Injectable()
export class AuditService {
  constructor(private readonly clock: Clock) {}

  /**
   * Appends an audit row through the caller's transaction, so the row exists exactly when the
   * change it describes was committed.
   */
  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    await manager.query(
      `INSERT INTO "audit_log" ("actor_id", "action", "entity_type", "entity_id", "data", "request_id", "occurred_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [record.actorId, record.action, record.entityType, record.entityId, record.data ? JSON.stringify(record.data) : null, record.requestId ?? null, this.clock.now()],
    );
  }

  /** Appends many audit rows in one statement (a bulk change: one row per thing changed), through the caller's transaction. */
  async recordMany(manager: EntityManager, records: AuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    await manager.query(
      `INSERT INTO "audit_log" ("actor_id", "action", "entity_type", "entity_id", "data", "request_id", "occurred_at")
       SELECT *, $7::timestamptz FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[])`,
      [
        records.map((r) => r.actorId),
        records.map((r) => r.action),
        records.map((r) => r.entityType),
        records.map((r) => r.entityId),
        records.map((r) => (r.data ? JSON.stringify(r.data) : null)),
        records.map((r) => r.requestId ?? null),
        this.clock.now(),
      ],
    );
  }
}
