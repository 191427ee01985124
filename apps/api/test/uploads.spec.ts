import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { UPLOAD_CLEANUP_QUEUE, UploadCleanupService } from '../src/hearings/upload-cleanup.service';
import { readyForApproval } from './factories';
import { demo, startTestApp, TestApp } from './test-app';

const RECORD = 'mutation($i: RecordApprovalInput!) { recordApproval(input: $i) { id documentId organisation { name } } }';
const PER_USER = 4;
const PER_ORGANISATION = 6;
const BIG = 10_000;
const QUOTA = Math.round(BIG * 2.5);

/** A file the inspector takes for a PDF, of `size` bytes. */
const pdf = (size = 64) => {
  const head = Buffer.from(`%PDF-1.4\n% ${randomUUID()}\n`);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 0x20)]);
};

describe('uploads: shared limits, the quota, the daily cleanup and decision documents', () => {
  let app: TestApp;
  let db: Client;
  let org: Record<string, string>;
  let agreementId: string;

  beforeAll(async () => {
    app = await startTestApp({ UPLOADS_PER_USER: String(PER_USER), UPLOADS_PER_ORGANISATION: String(PER_ORGANISATION), UPLOAD_WINDOW_MINUTES: '10', UPLOAD_QUOTA_BYTES: String(QUOTA) });
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    org = Object.fromEntries((await db.query<{ id: string; name: string }>('SELECT id, name FROM organisations')).rows.map((r) => [r.name, r.id]));
    agreementId = (await db.query<{ id: string }>(`SELECT a.id FROM agreements a JOIN regions r ON r.id = a.region_id WHERE r.code = 'H'`)).rows[0].id;
    await readyForApproval(app, db, agreementId, await app.login(demo('sekretariat')));
  });
  // Each test spends its own allowance; within a test the limits hold as they would.
  beforeEach(async () => {
    await db.query(`DELETE FROM rate_limits WHERE key LIKE 'upload-%'`);
  });
  afterAll(async () => {
    await db.end();
    await app.close();
  });

  const upload = async (token: string, data: Buffer, filename = 'beslutning.pdf') => {
    const form = new FormData();
    form.append('file', new Blob([data]), filename);
    const response = await fetch(`${app.url}/files/attachments`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as { id?: string; code?: string; message?: string } };
  };
  const uploadsOf = async (email: string) =>
    (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM attachments a JOIN users u ON u.id = a.uploaded_by WHERE u.email = $1', [email])).rows[0].n;
  const download = async (id: string, token: string) => {
    const response = await fetch(`${app.url}/files/attachments/${id}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
  };
  /** An account for a municipality that has none in the demo, with the demo password. */
  const municipalityAccount = async (name: string, email: string) => {
    await db.query(
      `INSERT INTO users (email, name, password_hash, role, organisation_id) SELECT $1, $2, password_hash, 'MUNICIPALITY', $3 FROM users WHERE email = $4`,
      [email, name, org[name], demo('kommune.gladsaxe')],
    );
    return app.login(email);
  };

  describe('rate limits in the shared store', () => {
    it('lets exactly UPLOADS_PER_USER of a concurrent burst through, and refuses the rest with 429 and nothing stored', async () => {
      const email = demo('klynge.nord');
      const token = await app.login(email);
      const results = await Promise.all(Array.from({ length: PER_USER + 5 }, () => upload(token, pdf())));
      expect(results.filter((r) => r.status === 201)).toHaveLength(PER_USER);
      const refused = results.filter((r) => r.status !== 201);
      expect(refused).toHaveLength(5);
      for (const r of refused) {
        expect(r.status).toBe(429);
        expect(r.body.code).toBe('RATE_LIMITED');
        expect(r.body.message).toMatch(/^Du har uploadet 4 filer på kort tid\. Vent 10 minutter, og prøv igen\.$/);
      }
      expect(await uploadsOf(email)).toBe(PER_USER);
    });

    it('counts an organisation’s people together: UPLOADS_PER_ORGANISATION in all', async () => {
      // The secretariat and the administrator are both people of Hovedstaden's SSU.
      const [secretariat, admin] = await Promise.all([app.login(demo('sekretariat')), app.login(demo('admin'))]);
      const results = await Promise.all([...Array.from({ length: PER_USER }, () => upload(secretariat, pdf())), ...Array.from({ length: PER_USER }, () => upload(admin, pdf()))]);
      expect(results.filter((r) => r.status === 201)).toHaveLength(PER_ORGANISATION);
      const refused = results.filter((r) => r.status !== 201);
      expect(refused.map((r) => r.body.code)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
      expect(refused[0].body.message).toMatch(/^Din organisation har uploadet 6 filer på kort tid\./);
      expect((await uploadsOf(demo('sekretariat'))) + (await uploadsOf(demo('admin')))).toBe(PER_ORGANISATION);
    });
  });

  describe('the quota of stored bytes', () => {
    it('lets two concurrent uploads in that fit, never a third that would go over, and frees space when an upload is cleaned up', async () => {
      const email = demo('patientforening');
      const token = await app.login(email);
      const [{ id: organisationId }] = (await db.query<{ id: string }>('SELECT organisation_id AS id FROM users WHERE email = $1', [email])).rows;
      const results = await Promise.all([upload(token, pdf(BIG)), upload(token, pdf(BIG)), upload(token, pdf(BIG))]);
      expect(results.filter((r) => r.status === 201)).toHaveLength(2);
      const refused = results.find((r) => r.status !== 201);
      expect(refused?.status).toBe(400);
      expect(refused?.body.code).toBe('BAD_USER_INPUT');
      expect(refused?.body.message).toMatch(/^Din organisation har brugt sin plads til filer: 20 kB af 25 kB, og filen fylder 10 kB\. Filer, der ikke er vedhæftet/);
      const stored = await db.query<{ n: number; bytes: number }>('SELECT count(*)::int AS n, sum(size)::int AS bytes FROM attachments WHERE organisation_id = $1', [organisationId]);
      expect(stored.rows[0]).toEqual({ n: 2, bytes: 2 * BIG });

      // A day later the unattached uploads are gone, and so is what they took of the quota.
      await db.query(`UPDATE attachments SET created_at = now() - interval '25 hours' WHERE organisation_id = $1`, [organisationId]);
      await app.server.app.get(UploadCleanupService).sweep();
      expect((await db.query('SELECT 1 FROM attachments WHERE organisation_id = $1', [organisationId])).rowCount).toBe(0);
      expect((await upload(token, pdf(BIG))).status).toBe(201);
    });
  });

  describe('cleanup of unattached uploads', () => {
    it('deletes uploads older than a day that no response or approval refers to, keeps the rest, and is scheduled in pg-boss', async () => {
      const gladsaxe = await app.login(demo('kommune.gladsaxe'));
      const [old, filed, decision, fresh] = await Promise.all([upload(gladsaxe, pdf()), upload(gladsaxe, pdf()), upload(gladsaxe, pdf()), upload(gladsaxe, pdf())]);
      const ids = [old, filed, decision, fresh].map((r) => r.body.id as string);
      // A response that carries `filed`, an approval whose document is `decision`.
      const [{ id: hearingId }] = (await db.query<{ id: string }>('SELECT id FROM hearings LIMIT 1')).rows;
      const [{ id: userId }] = (await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [demo('kommune.gladsaxe')])).rows;
      const [{ id: responseId }] = (
        await db.query<{ id: string }>(
          `INSERT INTO hearing_responses (hearing_id, organisation_id, reference, idempotency_key, publish, submitted_by, submitted_by_name)
           VALUES ($1, $2, $3, $4, false, $5, 'Karen') RETURNING id`,
          [hearingId, org['Gladsaxe Kommune'], `TEST-${randomUUID()}`, randomUUID(), userId],
        )
      ).rows;
      await db.query('INSERT INTO hearing_response_attachments (response_id, attachment_id) VALUES ($1, $2)', [responseId, ids[1]]);
      const recorded = await app.gql(RECORD, { i: { agreementId, organisationId: org['Gladsaxe Kommune'], decision: 'APPROVED', decidedAt: '2026-11-01', documentId: ids[2] } }, gladsaxe);
      expect(recorded.errors).toBeUndefined();
      await db.query(`UPDATE attachments SET created_at = now() - interval '25 hours' WHERE id = ANY($1::uuid[])`, [ids.slice(0, 3)]);
      await db.query(`UPDATE attachments SET created_at = now() - interval '23 hours' WHERE id = $1`, [ids[3]]);
      // An expired invitation code in the outbox goes too.
      await db.query(`INSERT INTO notifications (dedupe_key, kind, subject, body, recipients, created_at) VALUES ($1, 'INVITATION_CODE', 'Kode', 'Din kode er 123456', '{a@b.test}', now() - interval '20 minutes')`, [randomUUID()]);

      const result = await app.server.app.get(UploadCleanupService).sweep();
      expect(result).toEqual({ attachments: 1, bytes: 64, codeMessages: 1 });
      const left = (await db.query<{ id: string }>('SELECT id FROM attachments WHERE id = ANY($1::uuid[])', [ids])).rows.map((r) => r.id).sort();
      expect(left).toEqual(ids.slice(1).sort());
      const audit = await db.query(`SELECT actor_id, data->>'size' AS size FROM audit_log WHERE action = 'attachment.cleanup' AND entity_id = $1`, [ids[0]]);
      expect(audit.rows).toEqual([{ actor_id: null, size: '64' }]);
      expect((await db.query(`SELECT 1 FROM notifications WHERE kind = 'INVITATION_CODE'`)).rowCount).toBe(0);

      const schedule = await db.query<{ name: string; cron: string }>('SELECT name, cron FROM pgboss.schedule WHERE name = $1', [UPLOAD_CLEANUP_QUEUE]);
      expect(schedule.rows).toEqual([{ name: UPLOAD_CLEANUP_QUEUE, cron: '1 * * * *' }]);
    });
  });

  describe('decision documents', () => {
    let gladsaxe: string;
    let secretariat: string;
    let own: string;
    let foreign: string;
    let secretariatsOwn: string;

    beforeAll(async () => {
      await db.query(`DELETE FROM rate_limits WHERE key LIKE 'upload-%'`);
      [gladsaxe, secretariat] = await Promise.all([app.login(demo('kommune.gladsaxe')), app.login(demo('sekretariat'))]);
      own = (await upload(gladsaxe, pdf(200))).body.id as string;
      foreign = (await upload(await app.login(demo('klynge.byen')), pdf())).body.id as string;
      secretariatsOwn = (await upload(secretariat, pdf())).body.id as string;
      expect([own, foreign, secretariatsOwn].every(Boolean)).toBe(true);
    });
    const approvalOf = async (organisationId: string) =>
      (await db.query<{ document_id: string | null }>('SELECT document_id FROM approvals WHERE agreement_id = $1 AND organisation_id = $2', [agreementId, organisationId])).rows;

    it('refuses a municipality another organisation’s upload (FORBIDDEN), and writes nothing', async () => {
      await db.query('DELETE FROM approvals WHERE agreement_id = $1 AND organisation_id = $2', [agreementId, org['Gladsaxe Kommune']]);
      const audits = async () => (await db.query(`SELECT 1 FROM audit_log WHERE action = 'approval.record'`)).rowCount;
      const before = await audits();
      for (const documentId of [foreign, secretariatsOwn]) {
        const result = await app.gql(RECORD, { i: { agreementId, organisationId: org['Gladsaxe Kommune'], decision: 'APPROVED', decidedAt: '2026-11-01', documentId } }, gladsaxe);
        expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect(result.errors?.[0].message).toBe('Beslutningsdokumentet skal være uploadet af Gladsaxe Kommune selv. Upload partens eget dokument, og prøv igen.');
        expect(result.data?.recordApproval ?? null).toBeNull();
      }
      expect(await approvalOf(org['Gladsaxe Kommune'])).toEqual([]);
      expect(await audits()).toBe(before);
    });

    it('lets the secretariat record a party’s decision with the party’s upload or one it made on the party’s behalf, not a third organisation’s', async () => {
      const herlev = org['Herlev Kommune'];
      const refused = await app.gql(RECORD, { i: { agreementId, organisationId: herlev, decision: 'APPROVED', decidedAt: '2026-11-02', documentId: foreign } }, secretariat);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(refused.errors?.[0].message).toBe('Beslutningsdokumentet skal være uploadet af Herlev Kommune selv. Upload partens eget dokument, og prøv igen.');
      expect(await approvalOf(herlev)).toEqual([]);
      const onBehalf = await app.gql(RECORD, { i: { agreementId, organisationId: herlev, decision: 'APPROVED', decidedAt: '2026-11-02', documentId: secretariatsOwn } }, secretariat);
      expect(onBehalf.errors).toBeUndefined();
      expect(await approvalOf(herlev)).toEqual([{ document_id: secretariatsOwn }]);
      expect((await download(secretariatsOwn, secretariat)).status).toBe(200);
      const gladsaxes = (await upload(gladsaxe, pdf())).body.id as string;
      const accepted = await app.gql(RECORD, { i: { agreementId, organisationId: org['Gladsaxe Kommune'], decision: 'APPROVED', decidedAt: '2026-11-02', documentId: gladsaxes } }, secretariat);
      expect(accepted.errors).toBeUndefined();
      expect(await approvalOf(org['Gladsaxe Kommune'])).toEqual([{ document_id: gladsaxes }]);
      // The region's secretariat opens the decision document it recorded.
      expect((await download(gladsaxes, secretariat)).status).toBe(200);
    });

    it('lets the readers of the approvals download the decision document (the region’s secretariat, clusters and municipalities, ADMIN); nobody else', async () => {
      const recorded = await app.gql(RECORD, { i: { agreementId, organisationId: org['Gladsaxe Kommune'], decision: 'APPROVED', decidedAt: '2026-11-01', documentId: own } }, gladsaxe);
      expect(recorded.errors).toBeUndefined();
      expect(recorded.data?.recordApproval.documentId).toBe(own);
      const [{ data: bytes }] = (await db.query<{ data: Buffer }>('SELECT data FROM attachments WHERE id = $1', [own])).rows;

      // The decision document is part of the approvals (the contract's table): whoever reads them reads it.
      const readers = [
        secretariat,
        await app.login(demo('admin')),
        gladsaxe,
        await municipalityAccount('Gentofte Kommune', 'kommune.gentofte@eksempel.test'),
        await app.login(demo('klynge.nord')),
      ];
      for (const token of readers) {
        const got = await download(own, token);
        expect(got.status).toBe(200);
        expect(got.body.equals(bytes)).toBe(true);
      }
      const refusedTo = [await app.login(demo('sekretariat.syddanmark')), await app.login(demo('kommune.odense')), await app.login(demo('patientforening'))];
      for (const token of refusedTo) {
        const got = await download(own, token);
        expect([403, 404]).toContain(got.status);
        expect(got.body.includes(bytes.subarray(0, 40))).toBe(false);
      }
    });

    it('lets the party read the decision document the secretariat uploaded on its behalf', async () => {
      const onBehalf = (await upload(secretariat, pdf())).body.id as string;
      const recorded = await app.gql(RECORD, { i: { agreementId, organisationId: org['Gladsaxe Kommune'], decision: 'APPROVED', decidedAt: '2026-11-03', documentId: onBehalf } }, secretariat);
      expect(recorded.errors).toBeUndefined();
      expect((await download(onBehalf, gladsaxe)).status).toBe(200);
      expect([403, 404]).toContain((await download(onBehalf, await app.login(demo('kommune.odense')))).status);
    });
  });
});
