import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions as rows, so signing out, a changed role or organisation and a disabled account end
 * access at once on every instance: every request reads its session and the user's current row.
 * Only hashes (sha-256) of the refresh and cookie secrets are kept; the role and organisation are
 * those the user had when the session began.
 */
export class Sessions1763900000040 implements MigrationInterface {
  name = 'Sessions1763900000040';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" ADD COLUMN "disabled_at" timestamptz`);
    await q.query(`CREATE TABLE "sessions" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "user_id" uuid NOT NULL,
      "role" text NOT NULL,
      "organisation_id" uuid NOT NULL,
      "refresh_secret_hash" bytea NOT NULL,
      "cookie_secret_hash" bytea NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "last_seen_at" timestamptz NOT NULL DEFAULT now(),
      "idle_expires_at" timestamptz NOT NULL,
      "expires_at" timestamptz NOT NULL,
      "revoked_at" timestamptz,
      "revoked_reason" varchar(32),
      "user_agent" varchar(512),
      "ip" varchar(64),
      CONSTRAINT "PK_sessions" PRIMARY KEY ("id"),
      CONSTRAINT "FK_sessions_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE,
      CONSTRAINT "CHK_sessions_hashes" CHECK (octet_length("refresh_secret_hash") = 32 AND octet_length("cookie_secret_hash") = 32),
      CONSTRAINT "CHK_sessions_expiry" CHECK ("idle_expires_at" <= "expires_at" AND "created_at" <= "expires_at")
    )`);
    await q.query(`CREATE INDEX "IDX_sessions_user_live" ON "sessions" ("user_id") WHERE "revoked_at" IS NULL`);
    await q.query(`CREATE INDEX "IDX_sessions_expires_at" ON "sessions" ("expires_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "sessions"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "disabled_at"`);
  }
}
