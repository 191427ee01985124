import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The answer of the write probe: ok, or why the database cannot take writes (Danish, for people). */
export type DatabaseHealth = { ok: true } | { ok: false; reason: string };

/** The whole probe, connecting included, gives up after this; /health then answers within a second. */
export const PROBE_TIMEOUT_MS = 800;
/** A probe's answer is reused this long, so /health under load does not hammer the database. */
export const PROBE_CACHE_MS = 1_000;

class ProbeTimeout extends Error {}

/**
 * Whether the database can be written, by writing: a full disk, a read-only setting or a
 * replica all pass `SELECT 1`, but not an UPDATE that commits. One probe at a time; its
 * answer is cached briefly.
 */
@Injectable()
export class DatabaseHealthService {
  private readonly logger = new Logger(DatabaseHealthService.name);
  private cached: { health: DatabaseHealth; at: number } | null = null;
  private probing: Promise<DatabaseHealth> | null = null;
  private lastReason: string | null = null;
  /** A write that outlived its probe (a hanging database): later probes wait on it, never pile up. */
  private writing: Promise<void> | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The database's health as of at most PROBE_CACHE_MS ago; never rejects. */
  check(): Promise<DatabaseHealth> {
    if (this.cached && Date.now() - this.cached.at < PROBE_CACHE_MS) return Promise.resolve(this.cached.health);
    this.probing ??= this.probe().then((health) => {
      this.cached = { health, at: Date.now() };
      this.probing = null;
      this.logChange(health);
      return health;
    });
    return this.probing;
  }

  private async probe(): Promise<DatabaseHealth> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ProbeTimeout()), PROBE_TIMEOUT_MS);
    });
    try {
      // A hung write keeps its pooled connection until the statement timeout ends it; the
      // race answers /health in time regardless (and handles the loser's rejection).
      this.writing ??= this.write().finally(() => (this.writing = null));
      await Promise.race([this.writing, timeout]);
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: reasonOf(error) };
    } finally {
      clearTimeout(timer);
    }
  }

  private write(): Promise<void> {
    return this.db.transaction(async (manager) => {
      await manager.query(`SET LOCAL statement_timeout = ${PROBE_TIMEOUT_MS}`);
      await manager.query(`SET LOCAL lock_timeout = ${PROBE_TIMEOUT_MS}`);
      await manager.query(
        `INSERT INTO "health_probe" ("id", "checked_at") VALUES (1, now())
           ON CONFLICT ("id") DO UPDATE SET "checked_at" = excluded."checked_at"`,
      );
    });
  }

  private logChange(health: DatabaseHealth): void {
    const reason = health.ok ? null : health.reason;
    if (reason === this.lastReason) return;
    if (reason) this.logger.error(`Health: ${reason}`);
    else this.logger.log('Health: the database takes writes again');
    this.lastReason = reason;
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof ProbeTimeout) return `Databasen svarer ikke inden for ${PROBE_TIMEOUT_MS} ms`;
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  // A SQLSTATE means the server answered and refused the write; anything else (ECONNREFUSED,
  // a dropped connection) means it could not be reached.
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return `Databasen kan ikke skrive: ${message}`;
  return `Databasen kan ikke nås: ${message}`;
}
