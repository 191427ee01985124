import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

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
  /**
   * Appends an audit row through the caller's transaction, so the row exists exactly when the
   * change it describes was committed.
   */
  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    await manager.query(
      `INSERT INTO "audit_log" ("actor_id", "action", "entity_type", "entity_id", "data", "request_id")
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [record.actorId, record.action, record.entityType, record.entityId, record.data ? JSON.stringify(record.data) : null, record.requestId ?? null],
    );
  }
}
