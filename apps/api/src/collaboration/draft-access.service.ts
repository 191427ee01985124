import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PubSubEngine } from 'graphql-subscriptions';
import { DataSource } from 'typeorm';
import { AuthUser } from '../users/auth-user';
import { accessPolicy } from '../access/access-policy';
import { Role } from '../users/role.enum';
import { SESSION_ENDED_TOPIC, SessionEnded } from '../auth/auth.service';
import { PUB_SUB } from '../common/pub-sub';

/**
 * What a user may do with an agreement's live draft right now: `write` (and suggest), `suggest`
 * only (every update may change nothing but their own suggested insertions and deletions),
 * `read`; `locked`: would write or suggest, but the final version is locked.
 */
export type DraftAccess = 'write' | 'suggest' | 'locked' | 'read' | 'none';

/** What a socket was opened for: the access it may use while it is open. */
export type DraftMode = 'write' | 'suggest' | 'read';

/** Something that changes who may write a draft: the final-approval lock, or a user's role or account. */
export interface DraftAccessChange {
  agreementId?: string;
  userId?: string;
}

/** A socket's session: null for the server's own connections. */
export type SessionId = string | null;

/** The pub/sub topic of access changes; through Redis when REDIS_URL is set, so every instance hears them. */
export const DRAFT_ACCESS_TOPIC = 'collaboration:draft-access';

/**
 * How long a decision is reused. Roles are changed in the users table (there is no event for
 * that), so a short TTL bounds how long a demoted user can keep writing on any instance,
 * while a burst of keystrokes costs one small indexed query per user and document per TTL.
 * The lock is also published as an event, so it needs no TTL to take effect.
 */
export const DRAFT_ACCESS_TTL_MS = 1_000;

/** A lookup slower than this (the database stopped or overloaded) falls back to the last decision. */
const LOOKUP_TIMEOUT_MS = 1_500;
const MAX_ENTRIES = 10_000;

interface Entry {
  access: DraftAccess;
  until: number;
}

interface AccessRow {
  role: Role | null;
  organisation_id: string | null;
  user_region_id: string | null;
  region_id: string;
  final_version_id: string | null;
  /** The socket's session is alive and the user is still who it began with (role, organisation, not disabled). */
  session_alive: boolean;
}

/**
 * Decides, with the same policy as the GraphQL API, whether a user may write an agreement's
 * live draft, from the current role and the current lock — not from what was true when the
 * socket opened. Decisions are cached per user and agreement for DRAFT_ACCESS_TTL_MS and
 * forgotten at once when a change is announced (on any instance).
 */
@Injectable()
export class DraftAccessService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DraftAccessService.name);
  private readonly decisions = new Map<string, Entry>();
  private readonly lookups = new Map<string, Promise<DraftAccess>>();
  /** Bumped by every change, so a lookup that started before it does not cache its stale answer. */
  private generation = 0;
  private readonly listeners = new Set<(change: DraftAccessChange) => void>();
  private subscription: number | null = null;
  private sessionSubscription: number | null = null;
  private closed = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  onModuleInit(): void {
    // Not awaited: with Redis down the subscription waits for it, and the start must not. Until
    // it is in place the per-update check still reads the lock and the role within the TTL.
    this.pubSub
      .subscribe(DRAFT_ACCESS_TOPIC, (change: DraftAccessChange) => this.apply(change), {})
      .then((id) => {
        if (this.closed) this.pubSub.unsubscribe(id);
        else this.subscription = id;
      })
      .catch((error: Error) => this.logger.error(`Subscribing to draft access changes failed: ${error.message}`));
    // A session that ends (signed out, refresh reuse) closes its sockets at once, on every instance.
    this.pubSub
      .subscribe(SESSION_ENDED_TOPIC, (ended: SessionEnded) => this.apply({ userId: ended.userId }), {})
      .then((id) => {
        if (this.closed) this.pubSub.unsubscribe(id);
        else this.sessionSubscription = id;
      })
      .catch((error: Error) => this.logger.error(`Subscribing to ended sessions failed: ${error.message}`));
  }

  onModuleDestroy(): void {
    this.closed = true;
    if (this.subscription !== null) this.pubSub.unsubscribe(this.subscription);
    if (this.sessionSubscription !== null) this.pubSub.unsubscribe(this.sessionSubscription);
    this.subscription = null;
    this.sessionSubscription = null;
  }

  /**
   * What `user` may do with the draft now. When the database cannot answer, the last decision
   * stands (or `fallback`, the decision the socket was opened with): a database outage must not
   * turn into refused edits, which the persistence layer holds and retries instead.
   */
  async decide(user: AuthUser, agreementId: string, fallback: DraftAccess, sessionId: SessionId = null): Promise<DraftAccess> {
    const key = `${agreementId}:${user.id}:${sessionId ?? '-'}`;
    const cached = this.decisions.get(key);
    const now = Date.now();
    if (cached && cached.until > now) {
      // Refreshed ahead, in the background, in the last quarter of its life: someone typing
      // never waits for the database, and no decision is used after its TTL.
      if (cached.until - now < DRAFT_ACCESS_TTL_MS / 4) void this.lookupOnce(key, user, agreementId, fallback, sessionId);
      return cached.access;
    }
    return this.lookupOnce(key, user, agreementId, fallback, sessionId);
  }

  /** The one lookup under way for `key` (started if none); caches its answer. Never rejects. */
  private lookupOnce(key: string, user: AuthUser, agreementId: string, fallback: DraftAccess, sessionId: SessionId): Promise<DraftAccess> {
    let lookup = this.lookups.get(key);
    if (!lookup) {
      const generation = this.generation;
      lookup = this.lookup(user, agreementId, sessionId)
        .then((access) => {
          if (generation === this.generation) {
            if (this.decisions.size > MAX_ENTRIES) this.decisions.clear();
            this.decisions.set(key, { access, until: Date.now() + DRAFT_ACCESS_TTL_MS });
          }
          return access;
        })
        .catch((error: Error) => {
          const last = this.decisions.get(key)?.access ?? fallback;
          this.logger.warn(`Checking draft access of ${user.email} to ${agreementId} failed (${error.message}); keeping "${last}"`);
          return last;
        })
        .finally(() => {
          if (this.lookups.get(key) === lookup) this.lookups.delete(key);
        });
      this.lookups.set(key, lookup);
    }
    return lookup;
  }

  /** Registers a listener for access changes heard from any instance (this one included). */
  onChange(listener: (change: DraftAccessChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Announces a change of who may write (the lock, a role or a withdrawn account) to every
   * instance. Applied here at once as well, so this instance does not wait for Redis and is
   * right even while Redis is down. Never rejects.
   */
  announce(change: DraftAccessChange): void {
    this.apply(change);
    this.pubSub.publish(DRAFT_ACCESS_TOPIC, change).catch((error: Error) => {
      this.logger.error(`Announcing a draft access change ${JSON.stringify(change)} failed: ${error.message}`);
    });
  }

  private apply(change: DraftAccessChange): void {
    this.generation++;
    for (const key of [...this.decisions.keys(), ...this.lookups.keys()]) {
      const [agreementId, userId] = key.split(':');
      if ((!change.agreementId || change.agreementId === agreementId) && (!change.userId || change.userId === userId)) {
        this.decisions.delete(key);
        this.lookups.delete(key);
      }
    }
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        this.logger.error(`Applying a draft access change failed: ${(error as Error).message}`);
      }
    }
  }

  private async lookup(user: AuthUser, agreementId: string, sessionId: SessionId): Promise<DraftAccess> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${LOOKUP_TIMEOUT_MS} ms`)), LOOKUP_TIMEOUT_MS);
    });
    try {
      const rows = await Promise.race([
        this.db.query<AccessRow[]>(
          `SELECT u."role", u."organisation_id", o."region_id" AS "user_region_id", a."region_id", a."final_version_id",
                  (u."disabled_at" IS NULL AND ($3::uuid IS NULL OR (
                    s."revoked_at" IS NULL AND s."expires_at" > now() AND s."idle_expires_at" > now()
                    AND s."role" = u."role" AND s."organisation_id" = u."organisation_id"))) IS TRUE AS "session_alive"
             FROM "agreements" a
             LEFT JOIN "users" u ON u."id" = $1
             LEFT JOIN "organisations" o ON o."id" = u."organisation_id"
             LEFT JOIN "sessions" s ON s."id" = $3 AND s."user_id" = u."id"
            WHERE a."id" = $2`,
          [user.id, agreementId, sessionId],
        ),
        timeout,
      ]);
      const row = rows[0];
      // No agreement, or the account is gone (withdrawn): nothing at all.
      if (!row || !row.role || !row.organisation_id) return 'none';
      // The session ended (signed out, expired, the role or organisation changed, the account closed).
      if (!row.session_alive) return 'none';
      const current: AuthUser = { ...user, role: row.role, organisationId: row.organisation_id, regionId: row.user_region_id };
      const agreement = { regionId: row.region_id, finalVersionId: row.final_version_id };
      const level = accessPolicy.draftLevel(current, agreement);
      if (level !== 'read') return level;
      // Would write or suggest, but the final version is locked (the socket is told why).
      if (accessPolicy.canSuggestInDraft(current, { regionId: agreement.regionId })) return 'locked';
      return 'read';
    } finally {
      clearTimeout(timer);
    }
  }
}
