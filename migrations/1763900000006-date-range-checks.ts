import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every date and deadline a person sets lies between 2000-01-01 and 2100-12-31, enforced by the
 * database itself: a value outside (e.g. +275760-09-13, which PostgreSQL stores but the
 * application cannot read back) can no longer be stored by any path and then break every read
 * of the agreement. The API refuses such values first (common/date.scalar.ts); this is the
 * floor under it. The bounds are written with an explicit zone, so they mean the same
 * instant whatever the session's TimeZone is.
 */
const DATE_COLUMNS: Array<[table: string, column: string]> = [
  ['agreements', 'effective_date'],
  ['cluster_inputs', 'meeting_date'],
  ['milestones', 'date'],
  ['approvals', 'decided_at'],
];
const TIMESTAMP_COLUMNS: Array<[table: string, column: string]> = [
  ['input_rounds', 'deadline'],
  ['input_round_participants', 'deadline'],
  ['input_round_deadline_changes', 'previous_deadline'],
  ['input_round_deadline_changes', 'deadline'],
  ['hearings', 'opens_at'],
  ['hearings', 'closes_at'],
  ['hearing_deadline_changes', 'previous_closes_at'],
  ['hearing_deadline_changes', 'closes_at'],
];

const name = (table: string, column: string) => `CHK_${table}_${column}_range`;

export class DateRangeChecks1763900000006 implements MigrationInterface {
  name = 'DateRangeChecks1763900000006';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, column] of DATE_COLUMNS) {
      await q.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${name(table, column)}" CHECK ("${column}" BETWEEN DATE '2000-01-01' AND DATE '2100-12-31')`);
    }
    for (const [table, column] of TIMESTAMP_COLUMNS) {
      await q.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${name(table, column)}" CHECK ("${column}" >= TIMESTAMPTZ '2000-01-01 00:00:00+00' AND "${column}" < TIMESTAMPTZ '2101-01-01 00:00:00+00')`,
      );
    }
    // The agreement's period is in years; the same bounds.
    await q.query(`ALTER TABLE "agreements" ADD CONSTRAINT "CHK_agreements_period_range" CHECK ("period_start" BETWEEN 2000 AND 2100 AND "period_end" BETWEEN 2000 AND 2100)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "agreements" DROP CONSTRAINT "CHK_agreements_period_range"`);
    for (const [table, column] of [...TIMESTAMP_COLUMNS, ...DATE_COLUMNS].reverse()) {
      await q.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${name(table, column)}"`);
    }
  }
}
