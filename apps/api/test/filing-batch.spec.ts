import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Filing, FilingBatch } from '../src/hearings/filing-batch';
import { demo, startTestApp, TestApp } from './test-app';

describe('filing hearing responses together', () => {
  let app: TestApp;
  let db: Client;
  let batch: FilingBatch;
  let hearingId: string;
  let organisationId: string;
  let userId: string;

  const filing = (overrides: Partial<Filing> = {}): Filing => ({
    hearingId,
    organisationId,
    idempotencyKey: randomUUID(),
    summary: 'Vi har følgende bemærkninger.',
    publish: true,
    late: false,
    userId,
    userName: 'Peter Patientforening',
    comments: [{ blockId: null, quote: null, text: 'En generel bemærkning.' }],
    attachmentIds: [],
    requestId: null,
    checkDeadline: true,
    now: new Date(),
    ...overrides,
  });
  const transactionsOf = async (ids: string[]) =>
    (await db.query<{ n: number }>('SELECT count(DISTINCT xmin::text)::int AS n FROM hearing_responses WHERE id = ANY($1::uuid[])', [ids])).rows[0].n;

  beforeAll(async () => {
    app = await startTestApp();
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    batch = new FilingBatch(app.server.app.get<DataSource>(getDataSourceToken()));
    const secretariat = await app.login(demo('sekretariat'));
    const [{ id: versionId }] = (await db.query<{ id: string }>(`SELECT id FROM agreement_versions WHERE label = 'Høringsudkast'`)).rows;
    const [user] = (await db.query<{ id: string; organisation_id: string }>('SELECT id, organisation_id FROM users WHERE email = $1', [demo('patientforening')])).rows;
    userId = user.id;
    organisationId = user.organisation_id;
    const opened = await app.gql(
      'mutation($i: OpenHearingInput!) { openHearing(input: $i) { id } }',
      { i: { versionId, opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 3_600_000).toISOString(), invitedOrganisationIds: [organisationId] } },
      secretariat,
    );
    expect(opened.errors).toBeUndefined();
    hearingId = opened.data?.openHearing.id;
  });
  afterAll(async () => {
    await db.end();
    await app.close();
  });

  it('files what arrives together in one transaction, each with its own reference, and a repeated key once', async () => {
    const filings = Array.from({ length: 5 }, () => filing());
    const outcomes = await Promise.all([...filings, filings[0]].map((f) => batch.file(f)));
    expect(outcomes.slice(0, 5).map((o) => o.outcome)).toEqual(Array(5).fill('created'));
    expect(outcomes[5]).toMatchObject({ outcome: 'existing', id: outcomes[0].id, reference: outcomes[0].reference });
    expect(new Set(outcomes.map((o) => o.reference)).size).toBe(5);
    expect(await transactionsOf(outcomes.map((o) => o.id as string))).toBe(1);
    const audited = await db.query('SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND entity_id = ANY($2::text[])', ['hearing.response.submit', outcomes.map((o) => o.id)]);
    expect(audited.rows[0].n).toBe(5);
  });

  it('files the others on their own when one of them fails, and writes nothing for that one', async () => {
    const good = Array.from({ length: 4 }, () => filing());
    const bad = filing({ userId: randomUUID() });
    const settled = await Promise.allSettled([good[0], good[1], bad, good[2], good[3]].map((f) => batch.file(f)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const ids = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.id as string] : []));
    expect(ids).toHaveLength(4);
    const stored = await db.query('SELECT idempotency_key FROM hearing_responses WHERE hearing_id = $1 AND idempotency_key = ANY($2::text[])', [hearingId, [...good, bad].map((f) => f.idempotencyKey)]);
    expect(stored.rows.map((r) => r.idempotency_key).sort()).toEqual(good.map((f) => f.idempotencyKey).sort());
  });
});
