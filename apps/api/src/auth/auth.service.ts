import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import DataLoader from 'dataloader';
import { PubSubEngine } from 'graphql-subscriptions';
import { DataSource } from 'typeorm';
import { unauthenticated } from '../common/domain-error';
import { AppConfig, durationSeconds } from '../config/app-config';
import { PUB_SUB } from '../common/pub-sub';
import { User } from '../users/user.entity';
import { AuthUser } from '../users/auth-user';
import { JWT_SECRET } from '../config/jwt-secret';
import { LoginFailure } from './login-failure.entity';
import { LoginLimits } from './login-limits';
import { isUuid } from '../common/ids';
import { csrfTokenFor, formatCredential, hashSecret, newSecret, parseCredential, secretMatches } from './session-credentials';

/** The claims of an access token: the bearer token of `login` and `refreshSession`. */
interface AccessClaims {
  sub: string;
  sid: string;
  typ: 'access';
}

/** The claims of a collaboration token: one document, one session, for a short while. */
export interface CollaborationClaims {
  sub: string;
  sid: string;
  typ: 'collaboration';
  doc: string;
  ro: boolean;
}

/** Where a request's person comes from, and through which credential. */
export interface Authenticated {
  user: AuthUser;
  sessionId: string;
}

/** Who starts a session, for the row (bounded lengths). */
export interface SessionMeta {
  ip: string | null;
  userAgent: string | null;
}

/** What a new or renewed session hands out. */
export interface IssuedSession {
  sessionId: string;
  /** The access token (JWT with `sub` and `sid`). */
  token: string;
  /** When the access token expires. */
  expiresAt: Date;
  /** `<session id>.<refresh secret>`: renews the access token once (rotated on every use). */
  refreshToken: string;
  /** `<session id>.<cookie secret>`, for the HttpOnly cookie; null when not renewed. */
  cookie: string | null;
  /** The session's absolute end. */
  sessionExpiresAt: Date;
}

/** The topic on which an ended session is announced to every instance (through Redis when set). */
export const SESSION_ENDED_TOPIC = 'auth:session-ended';

/** An ended session, as announced on SESSION_ENDED_TOPIC. */
export interface SessionEnded {
  sessionId: string;
  userId: string;
}

interface SessionRow {
  session_id: string;
  user_id: string;
  cookie_secret_hash: Buffer;
  alive: boolean;
  /** The user's current row no longer matches the session (role, organisation) or is disabled. */
  changed: boolean;
  stale: boolean;
  email: string;
  name: string;
  role: AuthUser['role'];
  organisation_id: string;
  hearing_id: string | null;
  region_id: string | null;
}

/**
 * One indexed query (the sessions primary key, joined to the user's current row) for a batch of
 * sessions: a session is alive only while it is neither revoked nor expired (absolute or idle),
 * the account is not disabled, and the user still has the role and organisation the session
 * began with.
 */
const SESSION_QUERY = `
  SELECT s."id" AS "session_id", s."user_id", s."cookie_secret_hash",
         (s."revoked_at" IS NULL AND s."expires_at" > now() AND s."idle_expires_at" > now()) AS "alive",
         (u."disabled_at" IS NOT NULL OR u."role" <> s."role" OR u."organisation_id" <> s."organisation_id") AS "changed",
         (s."last_seen_at" < now() - interval '30 seconds') AS "stale",
         u."email", u."name", u."role", u."organisation_id", u."hearing_id", o."region_id"
    FROM "sessions" s
    JOIN "users" u ON u."id" = s."user_id"
    LEFT JOIN "organisations" o ON o."id" = u."organisation_id"
   WHERE s."id" = ANY($1::uuid[])`;

// Verifying against a fixed hash when the address is unknown keeps the answer time the same,
// so the timing does not reveal which addresses have accounts.
const DUMMY_HASH_INPUT = 'aftalerum-no-such-user';

const bounded = (value: string | null, max: number): string | null => (value ? value.slice(0, max) : null);

/**
 * Logins, sessions and the tokens that stand for them. A session is a row (see the sessions
 * migration); every token, cookie and socket is checked against it and the user's current row
 * on use, with no cache, so an ended session stops working at once on every instance.
 */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  private dummyHash: Promise<string> | null = null;
  private readonly accessSeconds: number;
  /**
   * The session rows of the requests that reach the guard in the same turn of the event loop,
   * read in one round trip: under a burst (a hearing's deadline) that is one query for many
   * requests instead of one each. Never cached: every request reads its session as it is now.
   */
  private readonly sessionRows = new DataLoader<string, SessionRow | null>(
    async (ids) => {
      const rows = await this.db.query<SessionRow[]>(SESSION_QUERY, [ids]);
      const byId = new Map(rows.map((row) => [row.session_id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    { cache: false, maxBatchSize: 100, batchScheduleFn: (dispatch) => setImmediate(dispatch) },
  );

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly limits: LoginLimits,
    private readonly config: AppConfig,
    @Inject(JWT_SECRET) private readonly secret: string,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {
    this.accessSeconds = durationSeconds(config.JWT_EXPIRES_IN);
  }

  /**
   * Checks e-mail and password and starts a session. Every attempt first spends its points in
   * the shared login limits (see LoginLimits), so a refused attempt never reaches the password
   * check; a success clears the account-and-address count.
   */
  async login(email: string, password: string, meta: SessionMeta): Promise<IssuedSession & { user: User }> {
    const address = email.trim().toLowerCase();
    const attempt = await this.limits.admit(address, meta.ip);

    const user = await this.db.getRepository(User).findOne({ where: { email: address }, relations: { organisation: true } });
    const hash = user?.passwordHash ?? (await this.getDummyHash());
    const ok = await argon2.verify(hash, password).catch(() => false);
    if (!user || !ok) {
      // Kept as the record of checked guesses (who, from where); the limits live in rate_limits.
      await this.db.getRepository(LoginFailure).insert({ email: address, ip: meta.ip });
      this.logger.warn(`Failed login for ${address} from ${meta.ip ?? 'unknown'}`);
      throw unauthenticated('E-mailadressen eller adgangskoden er forkert.');
    }
    if (user.disabledAt) {
      await this.limits.succeeded(attempt);
      throw unauthenticated('Kontoen er lukket. Kontakt sekretariatet.');
    }
    await this.limits.succeeded(attempt);
    return { ...(await this.startSession(user, meta)), user };
  }

  /** Starts a session for a user (also used right after an account is created) and returns its access token. */
  async issueToken(userId: string): Promise<string> {
    const user = await this.db.getRepository(User).findOneByOrFail({ id: userId });
    return (await this.startSession(user, { ip: null, userAgent: null })).token;
  }

  /** A new session row for the user as they are now, with fresh secrets. */
  async startSession(user: Pick<User, 'id' | 'role' | 'organisationId'>, meta: SessionMeta): Promise<IssuedSession> {
    const refresh = newSecret();
    const cookie = newSecret();
    const rows = await this.db.query<Array<{ id: string; expires_at: Date }>>(
      `INSERT INTO "sessions" ("user_id", "role", "organisation_id", "refresh_secret_hash", "cookie_secret_hash", "expires_at", "idle_expires_at", "user_agent", "ip")
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(hours => $6), LEAST(now() + make_interval(hours => $6), now() + make_interval(mins => $7)), $8, $9)
       RETURNING "id", "expires_at"`,
      [user.id, user.role, user.organisationId, hashSecret(refresh), hashSecret(cookie), this.config.SESSION_MAX_HOURS, this.config.SESSION_IDLE_MINUTES, bounded(meta.userAgent, 512), bounded(meta.ip, 64)],
    );
    const { id, expires_at: sessionExpiresAt } = rows[0];
    // The user's long-dead sessions go as a new one begins (kept a week, for the record).
    void this.db
      .query(`DELETE FROM "sessions" WHERE "user_id" = $1 AND "expires_at" < now() - interval '7 days'`, [user.id])
      .catch((error: Error) => this.logger.warn(`Removing old sessions failed: ${error.message}`));
    return {
      sessionId: id,
      ...(await this.accessToken(user.id, id, sessionExpiresAt)),
      refreshToken: formatCredential({ sessionId: id, secret: refresh }),
      cookie: formatCredential({ sessionId: id, secret: cookie }),
      sessionExpiresAt,
    };
  }

  /**
   * Renews a session's access token with its refresh token, and rotates the refresh secret: each
   * refresh token works once. A refresh token that was already used (or is wrong) ends the session,
   * since it means someone else holds a copy.
   */
  async refresh(refreshToken: string): Promise<IssuedSession & { user: User }> {
    const expired = () => unauthenticated('Din session er udløbet. Log ind igen.');
    const credential = parseCredential(refreshToken.trim());
    if (!credential) throw expired();
    const next = newSecret();
    const outcome = await this.db.transaction(async (manager) => {
      const rows = await manager.query<Array<{ refresh_secret_hash: Buffer; user_id: string }>>(
        `SELECT "refresh_secret_hash", "user_id" FROM "sessions" WHERE "id" = $1 FOR UPDATE`,
        [credential.sessionId],
      );
      if (!rows[0]) return null;
      if (!secretMatches(credential.secret, rows[0].refresh_secret_hash)) {
        await manager.query(`UPDATE "sessions" SET "revoked_at" = now(), "revoked_reason" = 'refresh-reused' WHERE "id" = $1 AND "revoked_at" IS NULL`, [credential.sessionId]);
        return { reused: true as const, userId: rows[0].user_id };
      }
      await manager.query(
        `UPDATE "sessions" SET "refresh_secret_hash" = $2, "last_seen_at" = now(),
                "idle_expires_at" = LEAST("expires_at", now() + make_interval(mins => $3))
          WHERE "id" = $1 AND "revoked_at" IS NULL AND "expires_at" > now() AND "idle_expires_at" > now()`,
        [credential.sessionId, hashSecret(next), this.config.SESSION_IDLE_MINUTES],
      );
      return { reused: false as const, userId: rows[0].user_id };
    });
    if (!outcome) throw expired();
    if (outcome.reused) {
      this.logger.warn(`A used refresh token was presented again; session ${credential.sessionId} ended`);
      this.announceEnded({ sessionId: credential.sessionId, userId: outcome.userId });
      throw expired();
    }
    const current = await this.session(credential.sessionId);
    if (!current) throw expired();
    const user = await this.db.getRepository(User).findOneOrFail({ where: { id: current.user.id }, relations: { organisation: true } });
    const expiresAtRows = await this.db.query<Array<{ expires_at: Date }>>(`SELECT "expires_at" FROM "sessions" WHERE "id" = $1`, [credential.sessionId]);
    const sessionExpiresAt = expiresAtRows[0].expires_at;
    return {
      sessionId: credential.sessionId,
      ...(await this.accessToken(user.id, credential.sessionId, sessionExpiresAt)),
      refreshToken: formatCredential({ sessionId: credential.sessionId, secret: next }),
      cookie: null,
      sessionExpiresAt,
      user,
    };
  }

  /** Gives a live session a new cookie secret (the old cookie stops working); null if it is not alive. */
  async renewCookie(sessionId: string): Promise<{ cookie: string; sessionExpiresAt: Date } | null> {
    const secret = newSecret();
    const rows = await this.db.query<[Array<{ expires_at: Date }>, number]>(
      `UPDATE "sessions" SET "cookie_secret_hash" = $2 WHERE "id" = $1 AND "revoked_at" IS NULL AND "expires_at" > now() RETURNING "expires_at"`,
      [sessionId, hashSecret(secret)],
    );
    const row = rows[0]?.[0];
    return row ? { cookie: formatCredential({ sessionId, secret }), sessionExpiresAt: row.expires_at } : null;
  }

  /** Ends a session at once, on every instance. */
  async logout(sessionId: string): Promise<void> {
    const rows = await this.db.query<[Array<{ user_id: string }>, number]>(
      `UPDATE "sessions" SET "revoked_at" = now(), "revoked_reason" = 'logout' WHERE "id" = $1 AND "revoked_at" IS NULL RETURNING "user_id"`,
      [sessionId],
    );
    const row = rows[0]?.[0];
    if (row) this.announceEnded({ sessionId, userId: row.user_id });
  }

  /** The person behind an access token, if the token is valid and its session alive. */
  async authenticateBearer(token: string): Promise<Authenticated | null> {
    const claims = await this.verify<AccessClaims>(token);
    if (!claims || claims.typ !== 'access') return null;
    const found = await this.session(claims.sid);
    return found && found.user.id === claims.sub ? found : null;
  }

  /** The person behind a session cookie's value, if its secret is right and the session alive. */
  async authenticateCookie(value: string): Promise<Authenticated | null> {
    const credential = parseCredential(value);
    if (!credential) return null;
    return this.session(credential.sessionId, credential.secret);
  }

  /** The user a token stands for, or null (kept for callers that only need the user). */
  /** A user with their organisation (the signed-in person's `me`). */
  userWithOrganisation(userId: string): Promise<User | null> {
    return this.db.getRepository(User).findOne({ where: { id: userId }, relations: { organisation: true } });
  }

  async userFromToken(token: string): Promise<AuthUser | null> {
    return (await this.authenticateBearer(token))?.user ?? null;
  }

  /**
   * A live session's user as their row says now, or null when the session ended (signed out,
   * expired, the role or organisation changed, the account disabled). Also keeps an idle
   * session alive (sliding expiry).
   */
  async session(sessionId: string, cookieSecret?: string): Promise<Authenticated | null> {
    if (!isUuid(sessionId)) return null;
    const row = await this.sessionRows.load(sessionId);
    if (!row || !row.alive) return null;
    if (cookieSecret !== undefined && !secretMatches(cookieSecret, row.cookie_secret_hash)) return null;
    if (row.changed) {
      // Ended for good: changing the role back must not bring the old session back.
      void this.db
        .query(`UPDATE "sessions" SET "revoked_at" = now(), "revoked_reason" = 'account-changed' WHERE "id" = $1 AND "revoked_at" IS NULL`, [sessionId])
        .catch((error: Error) => this.logger.warn(`Ending session ${sessionId} failed: ${error.message}`));
      return null;
    }
    if (row.stale) {
      // Not awaited and allowed to fail: a read-only database must not refuse the request.
      void this.db
        .query(`UPDATE "sessions" SET "last_seen_at" = now(), "idle_expires_at" = LEAST("expires_at", now() + make_interval(mins => $2)) WHERE "id" = $1`, [sessionId, this.config.SESSION_IDLE_MINUTES])
        .catch((error: Error) => this.logger.warn(`Keeping session ${sessionId} alive failed: ${error.message}`));
    }
    return {
      sessionId,
      user: {
        id: row.user_id,
        email: row.email,
        name: row.name,
        role: row.role,
        organisationId: row.organisation_id,
        regionId: row.region_id,
        hearingId: row.hearing_id,
      },
    };
  }

  /** The CSRF token of a session (the value of the aftalerum_csrf cookie). */
  csrfToken(sessionId: string): string {
    return csrfTokenFor(this.secret, sessionId);
  }

  /** The key CSRF tokens are made with. */
  get csrfKey(): string {
    return this.secret;
  }

  /**
   * A short-lived token that opens one document's collaboration socket for one session. Only
   * issue it after checking that the caller may read the document.
   */
  async issueCollaborationToken(auth: Authenticated, documentName: string, readOnly: boolean): Promise<{ token: string; expiresAt: Date }> {
    const seconds = this.config.COLLABORATION_TOKEN_SECONDS;
    const claims: CollaborationClaims = { sub: auth.user.id, sid: auth.sessionId, typ: 'collaboration', doc: documentName, ro: readOnly };
    const token = await this.jwt.signAsync(claims, { expiresIn: seconds });
    return { token, expiresAt: new Date(Date.now() + seconds * 1000) };
  }

  /**
   * The person a collaboration socket's token stands for: a collaboration token for exactly
   * this document, or an ordinary access token; in both cases with the session alive.
   */
  async authenticateCollaboration(token: string, documentName: string): Promise<Authenticated | null> {
    const claims = await this.verify<AccessClaims | CollaborationClaims>(token);
    if (!claims) return null;
    if (claims.typ === 'collaboration' && claims.doc !== documentName) return null;
    if (claims.typ !== 'collaboration' && claims.typ !== 'access') return null;
    const found = await this.session(claims.sid);
    return found && found.user.id === claims.sub ? found : null;
  }

  private async accessToken(userId: string, sessionId: string, sessionExpiresAt: Date): Promise<{ token: string; expiresAt: Date }> {
    // Never beyond the session itself.
    const seconds = Math.max(1, Math.min(this.accessSeconds, Math.floor((sessionExpiresAt.getTime() - Date.now()) / 1000)));
    const token = await this.jwt.signAsync({ sub: userId, sid: sessionId, typ: 'access' } satisfies AccessClaims, { expiresIn: seconds });
    return { token, expiresAt: new Date(Date.now() + seconds * 1000) };
  }

  private async verify<T extends { sub: string; sid: string }>(token: string): Promise<T | null> {
    try {
      const claims = await this.jwt.verifyAsync<T>(token);
      return isUuid(claims.sub) && isUuid(claims.sid) ? claims : null;
    } catch {
      return null;
    }
  }

  private announceEnded(ended: SessionEnded): void {
    this.pubSub.publish(SESSION_ENDED_TOPIC, ended).catch((error: Error) => this.logger.error(`Announcing the end of session ${ended.sessionId} failed: ${error.message}`));
  }

  private getDummyHash(): Promise<string> {
    this.dummyHash ??= argon2.hash(DUMMY_HASH_INPUT);
    return this.dummyHash;
  }
}

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id });
