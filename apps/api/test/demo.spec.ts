import { Client } from 'pg';
import { demo, startDemoApp, TestApp } from './test-app';

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

const AGREEMENTS = `{ agreements { id title phase currentPhase effectiveDate finalVersionId
  sections { kind title text }
  milestones { date kind title }
  inputRounds { title status inputs { cluster { name } status items { theme } } }
  hearings { title status responses { submittedBy reply organisation { name kind } comments { text reply outcome } } }
  approvalStatus { required approved pending { name } parties { organisation { name kind } decision decidedAt } }
} }`;

interface Agreement {
  id: string;
  title: string;
  phase: string;
  currentPhase: string;
  effectiveDate: string;
  finalVersionId: string | null;
  sections: Array<{ kind: string; title: string; text: string }>;
  milestones: Array<{ date: string; kind: string; title: string }>;
  inputRounds: Array<{ title: string; status: string; inputs: Array<{ cluster: { name: string } | null; status: string; items: Array<{ theme: string }> }> }>;
  hearings: Array<{
    title: string;
    status: string;
    responses: Array<{ submittedBy: string; reply: string | null; organisation: { name: string; kind: string }; comments: Array<{ text: string; reply: string | null; outcome: string | null }> }>;
  }>;
  approvalStatus: { required: number; approved: number; pending: unknown[]; parties: Array<{ organisation: { name: string; kind: string }; decision: string | null; decidedAt: string | null }> };
}

describe('the demo, as a visitor meets it on a new installation', () => {
  let app: TestApp;
  let hovedstaden: Agreement;
  let syddanmark: Agreement;

  beforeAll(async () => {
    app = await startDemoApp();
    const read = async (who: string) => {
      const result = await app.gql<{ agreements: Agreement[] }>(AGREEMENTS, {}, await app.login(demo(who)));
      expect(result.errors).toBeUndefined();
      return result.data?.agreements ?? [];
    };
    [hovedstaden] = await read('sekretariat');
    [syddanmark] = await read('sekretariat.syddanmark');
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('has real text in every section of both agreements, and no placeholder anywhere', () => {
    for (const agreement of [hovedstaden, syddanmark]) {
      expect(JSON.stringify(agreement)).not.toMatch(/Tekst følger|Sekretariatet skriver her|Demo-bruger|Lorem ipsum/i);
      for (const section of agreement.sections) expect({ title: section.title, words: words(section.text) >= 40 }).toEqual({ title: section.title, words: true });
    }
    const count = (kind: string) => hovedstaden.sections.filter((s) => s.kind === kind).length;
    expect(count('VISION')).toBeGreaterThanOrEqual(5); // the shared population responsibility over the four visions
    expect(count('FOCUS_AREA')).toBe(3);
    expect(count('GOAL')).toBeGreaterThanOrEqual(3);
    expect(count('PRINCIPLE')).toBe(8);
    expect(hovedstaden.sections.map((s) => s.title)).toEqual(expect.arrayContaining(['Fælles populationsansvar', 'Mere sammenhæng i borgerens forløb', 'Mere lighed i sundhed', 'Mere samspil med borgeren', 'Mere sundhed for pengene']));
  });

  it('holds the input of all five Hovedstaden clusters', () => {
    const [round] = hovedstaden.inputRounds;
    expect(round.status).toBe('CLOSED');
    expect(round.inputs.filter((i) => i.status === 'SUBMITTED' && i.items.length > 0).map((i) => i.cluster?.name).sort()).toEqual(['Bornholm', 'Byen', 'Midt', 'Nord', 'Syd']);
  });

  it('has a closed hearing with at least 8 named responses from at least 4 kinds of organisation, every comment and remark answered', () => {
    const [hearing] = hovedstaden.hearings;
    expect(hearing.status).toBe('CLOSED');
    expect(hearing.responses.length).toBeGreaterThanOrEqual(8);
    expect(new Set(hearing.responses.map((r) => r.organisation.kind)).size).toBeGreaterThanOrEqual(4);
    for (const response of hearing.responses) {
      expect(response.submittedBy).toMatch(/^\p{Lu}\p{Ll}+( \p{Lu}\p{Ll}+)+$/u);
      expect(response.reply).toBeTruthy();
      for (const comment of response.comments) expect({ comment: comment.text, answered: Boolean(comment.reply && comment.outcome) }).toEqual({ comment: comment.text, answered: true });
    }
  });

  it('has Hovedstaden approved by the SSU, the regional council and all 29 municipalities in autumn 2023, submitted and in force', () => {
    const status = hovedstaden.approvalStatus;
    expect(status).toMatchObject({ required: 31, approved: 31, pending: [] });
    const kinds = status.parties.map((p) => p.organisation.kind);
    expect(kinds.filter((k) => k === 'MUNICIPALITY')).toHaveLength(29);
    for (const party of status.parties) {
      expect(party.decision).toBe('APPROVED');
      expect(party.decidedAt! >= '2023-09-01' && party.decidedAt! <= '2023-11-30').toBe(true);
    }
    expect(hovedstaden).toMatchObject({ phase: 'SUBMITTED', currentPhase: 'IN_FORCE', effectiveDate: '2024-01-01', finalVersionId: expect.any(String) });
    expect(hovedstaden.milestones).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'SUBMISSION', date: '2023-12-15' })]));
  });

  it('has Syddanmark with its milestones, 22 approving municipalities and its administrative annex open for input now', () => {
    expect(syddanmark.title).toBe('Sundhedsaftale 2024–2027 for Region Syddanmark');
    const dates = syddanmark.milestones.map((m) => m.date);
    expect(dates).toEqual(expect.arrayContaining(['2022-09-09', '2023-02-06', '2023-05-08', '2023-05-31']));
    const municipalities = syddanmark.approvalStatus.parties.filter((p) => p.organisation.kind === 'MUNICIPALITY');
    expect(municipalities).toHaveLength(22);
    expect(municipalities.every((p) => p.decision === 'APPROVED')).toBe(true);
    expect(syddanmark.sections.at(-1)).toMatchObject({ kind: 'ANNEX', title: 'Det Administrative Tillæg' });
    const [round] = syddanmark.inputRounds;
    expect(round.status).toBe('OPEN');
  });
  it('has filed the hearing through the services: each response with its journal reference and audit row at its receipt, the memo published with its audit row', async () => {
    const db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    try {
      const responses = await db.query<{ reference: string; audited: boolean }>(
        `SELECT r.reference, EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'hearing.response.submit' AND a.entity_id = r.id::text AND a.occurred_at = r.received_at AND a.actor_id = r.submitted_by) AS audited
           FROM hearing_responses r ORDER BY r.reference`,
      );
      expect(responses.rows.length).toBeGreaterThanOrEqual(8);
      responses.rows.forEach((row, index) => expect(row).toEqual({ reference: `SA24-H-${String(index + 1).padStart(4, '0')}`, audited: true }));
      const memo = await db.query<{ published: Date; audited: Date }>(
        `SELECT h.memo_published_at AS published, a.occurred_at AS audited FROM hearings h JOIN audit_log a ON a.action = 'hearing.memo.publish' AND a.entity_id = h.id::text`,
      );
      expect(memo.rows).toEqual([{ published: new Date('2023-08-21T08:00:00Z'), audited: new Date('2023-08-21T08:00:00Z') }]);
    } finally {
      await db.end();
    }
  });

  it('has replayed Hovedstaden’s approval through the services: its phases, the final lock and each decision with its audit row at its time, no approval request queued today', async () => {
    const db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    try {
      const phases = await db.query<{ to: string; at: Date }>(
        `SELECT a.data->>'to' AS "to", a.occurred_at AS at FROM audit_log a WHERE a.action = 'agreement.phase' AND a.entity_id = $1 ORDER BY a.occurred_at`,
        [hovedstaden.id],
      );
      expect(phases.rows).toEqual([
        { to: 'HEARING', at: new Date('2023-05-15T07:00:00Z') },
        { to: 'PROCESSING', at: new Date('2023-06-12T10:00:00Z') },
        { to: 'APPROVAL', at: new Date('2023-09-14T12:00:00Z') },
      ]);
      const lock = await db.query<{ locked: Date; audited: Date }>(
        `SELECT v.final_locked_at AS locked, a.occurred_at AS audited FROM agreement_versions v
           JOIN audit_log a ON a.action = 'agreement.final-version' AND a.data->>'versionId' = v.id::text WHERE v.id = $1`,
        [hovedstaden.finalVersionId],
      );
      expect(lock.rows).toEqual([{ locked: new Date('2023-09-14T13:00:00Z'), audited: new Date('2023-09-14T13:00:00Z') }]);
      const approvals = await db.query<{ audited: boolean; in2023: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'approval.record' AND a.entity_id = p.id::text AND a.occurred_at = p.recorded_at) AS audited,
                p.recorded_at < '2024-01-01' AS in2023
           FROM approvals p WHERE p.agreement_id = $1`,
        [hovedstaden.id],
      );
      expect(approvals.rows).toHaveLength(31);
      expect(approvals.rows.every((r) => r.audited && r.in2023)).toBe(true);
      const submitted = await db.query<{ at: Date }>(`SELECT occurred_at AS at FROM audit_log WHERE action = 'agreement.approved-by-all' AND entity_id = $1`, [hovedstaden.id]);
      expect(submitted.rows).toEqual([{ at: new Date('2023-12-01T10:00:00Z') }]);
      // The requests of 2023 went out then: a replay queues no mail or job for today.
      const queued = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name IN ('approval-request', 'deadline-reminder')`);
      expect(queued.rows[0].n).toBe(0);
    } finally {
      await db.end();
    }
  });

  it('has replayed Syddanmark’s political part through the services: to Godkendelse, locked, 23 decisions audited, and back to the input round for the annex', async () => {
    const db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    try {
      const phases = await db.query<{ from: string; to: string }>(
        `SELECT a.data->>'from' AS "from", a.data->>'to' AS "to" FROM audit_log a WHERE a.action = 'agreement.phase' AND a.entity_id = $1 ORDER BY a.occurred_at`,
        [syddanmark.id],
      );
      expect(phases.rows.map((r) => r.to)).toEqual(['INPUT_ROUND', 'DRAFTING', 'HEARING', 'PROCESSING', 'APPROVAL', 'INPUT_ROUND']);
      expect(phases.rows.at(-1)).toEqual({ from: 'APPROVAL', to: 'INPUT_ROUND' });
      const approvals = await db.query<{ audited: boolean; locked: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'approval.record' AND a.entity_id = p.id::text AND a.occurred_at = p.recorded_at) AS audited,
                v.final_locked_at = '2023-09-28T13:00:00Z' AS locked
           FROM approvals p JOIN agreement_versions v ON v.id = p.version_id WHERE p.agreement_id = $1`,
        [syddanmark.id],
      );
      expect(approvals.rows).toHaveLength(23);
      expect(approvals.rows.every((r) => r.audited && r.locked)).toBe(true);
      expect(syddanmark).toMatchObject({ phase: 'INPUT_ROUND', finalVersionId: null });
    } finally {
      await db.end();
    }
  });

  it('has frozen every version and recorded every cluster input and assessment through the services, each with its audit row at its moment', async () => {
    const db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    try {
      const versions = await db.query<{ agreement_id: string; number: number; label: string; created_at: Date; audited: Date | null }>(
        `SELECT v.agreement_id, v.number, v.label, v.created_at,
                (SELECT a.occurred_at FROM audit_log a WHERE a.action = 'version.create' AND a.entity_id = v.id::text AND a.actor_id = v.created_by) AS audited
           FROM agreement_versions v ORDER BY v.agreement_id = $1 DESC, v.number`,
        [hovedstaden.id],
      );
      expect(versions.rows).toEqual([
        { agreement_id: hovedstaden.id, number: 1, label: 'Høringsudkast', created_at: new Date('2023-05-11T14:00:00Z'), audited: new Date('2023-05-11T14:00:00Z') },
        { agreement_id: hovedstaden.id, number: 2, label: 'Endelig version til godkendelse', created_at: new Date('2023-08-28T07:00:00Z'), audited: new Date('2023-08-28T07:00:00Z') },
        { agreement_id: syddanmark.id, number: 1, label: 'Høringsudkast', created_at: new Date('2023-05-09T07:00:00Z'), audited: new Date('2023-05-09T07:00:00Z') },
        { agreement_id: syddanmark.id, number: 2, label: 'Politisk del, endelig', created_at: new Date('2023-09-01T07:00:00Z'), audited: new Date('2023-09-01T07:00:00Z') },
      ]);
      // Hovedstaden's final version holds the adjustments the hearing led to; Syddanmark's draft holds the annex its versions lack.
      const sections = await db.query<{ agreement_id: string; number: number | null; adjustments: boolean; annex: boolean }>(
        `SELECT agreement_id, number, content::text LIKE '%Justeringer af principperne%' AS adjustments, content::text ~ '"kind": ?"ANNEX"' AS annex FROM agreement_versions
         UNION ALL SELECT agreement_id, NULL, content::text LIKE '%Justeringer af principperne%', content::text ~ '"kind": ?"ANNEX"' FROM agreement_drafts ORDER BY 1, 2`,
      );
      const of = (agreementId: string) => sections.rows.filter((r) => r.agreement_id === agreementId).map(({ number, adjustments, annex }) => ({ number, adjustments, annex }));
      expect(of(hovedstaden.id)).toEqual([
        { number: 1, adjustments: false, annex: false },
        { number: 2, adjustments: true, annex: false },
        { number: null, adjustments: true, annex: false },
      ]);
      expect(of(syddanmark.id)).toEqual([
        { number: 1, adjustments: false, annex: false },
        { number: 2, adjustments: false, annex: false },
        { number: null, adjustments: false, annex: true },
      ]);
      const inputs = await db.query<{ n: number; audited: number }>(
        `SELECT count(*)::int AS n, count(a.id)::int AS audited FROM cluster_inputs i
           LEFT JOIN audit_log a ON a.action = 'cluster-input.submit' AND a.entity_id = i.id::text AND a.actor_id = i.submitted_by AND a.occurred_at = i.submitted_at`,
      );
      expect(inputs.rows).toEqual([{ n: 5, audited: 5 }]);
      const assessments = await db.query<{ n: number; audited: number }>(
        `SELECT count(*)::int AS n, count(a.id)::int AS audited FROM input_item_assessments s
           LEFT JOIN audit_log a ON a.action = 'cluster-input.assess-item' AND a.entity_id = s.item_id::text AND a.actor_id = s.assessed_by AND a.occurred_at = s.assessed_at`,
      );
      expect(assessments.rows).toEqual([{ n: 5, audited: 5 }]);
      const rounds = await db.query<{ agreement_id: string; opened: boolean }>(
        `SELECT r.agreement_id, EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'input-round.open' AND a.entity_id = r.id::text AND a.occurred_at = r.created_at) AS opened FROM input_rounds r ORDER BY r.created_at`,
      );
      expect(rounds.rows).toEqual([
        { agreement_id: hovedstaden.id, opened: true },
        { agreement_id: syddanmark.id, opened: true },
      ]);
    } finally {
      await db.end();
    }
  });
});
