import { Client } from 'pg';
import { connectCollab, paragraphText, waitFor } from './collab-client';
import { acceptAndConfirm } from './invitation-codes';
import { demo, GraphQLResult, startTestApp, TestApp } from './test-app';

/**
 * The contract's "Who may read what" table (API-CONTRACT.md) against real rows: every read of an
 * agreement, its live draft, versions, exports, approvals and input rounds, the collaboration
 * socket and `hearing(id)`, for each kind of user. A refused read answers FORBIDDEN or NOT_FOUND
 * (or no row at all for a list), never the data.
 */

type Who = 'hSecretariat' | 'hCluster' | 'hMunicipality' | 'sSecretariat' | 'patient' | 'linkAccount' | 'admin';
const EMAILS: Record<Exclude<Who, 'linkAccount'>, string> = {
  hSecretariat: 'sekretariat',
  hCluster: 'klynge.nord',
  hMunicipality: 'kommune.gladsaxe',
  sSecretariat: 'sekretariat.syddanmark',
  patient: 'patientforening',
  admin: 'admin',
};
const EVERYONE: Who[] = ['hSecretariat', 'hCluster', 'hMunicipality', 'sSecretariat', 'patient', 'linkAccount', 'admin'];
/** The readers of the agreement of Region Hovedstaden, per the table. */
const AGREEMENT_READERS: Who[] = ['hSecretariat', 'hCluster', 'hMunicipality', 'admin'];

/** 'allowed': the data came back; 'refused': FORBIDDEN / NOT_FOUND (or absent from a list), no data. */
type Outcome = 'allowed' | 'refused';

describe('who may read what (the contract’s table, on real rows)', () => {
  let app: TestApp;
  let db: Client;
  const tokens = {} as Record<Who, string>;
  let agreementId: string;
  let versionIds: string[];
  let roundId: string;
  /** Danske Patienter (patientforening) is invited to `invitedHearing`, not to `otherHearing`. */
  let invitedHearing: string;
  /** Only Hjerteforeningen is invited; its invitation link made `linkAccount`. */
  let otherHearing: string;

  const refusedCode = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;
  /** A single-field query: allowed when the field has data, refused when FORBIDDEN/NOT_FOUND and no data. */
  const outcomeOf = (result: GraphQLResult, field: string): Outcome | string => {
    const value = (result.data as Record<string, unknown> | null | undefined)?.[field];
    if (value && !result.errors) return 'allowed';
    const code = refusedCode(result);
    if (!value && (code === 'FORBIDDEN' || code === 'NOT_FOUND')) return 'refused';
    return `unexpected: ${JSON.stringify(result)}`;
  };

  const operations: Record<string, (who: Who) => Promise<Outcome | string>> = {
    'agreement(id)': async (who) => outcomeOf(await app.gql('query($id: ID!) { agreement(id: $id) { id title } }', { id: agreementId }, tokens[who]), 'agreement'),
    'agreement { sections } (the live draft)': async (who) =>
      outcomeOf(await app.gql('query($id: ID!) { agreement(id: $id) { sections { blockId text } } }', { id: agreementId }, tokens[who]), 'agreement'),
    'agreements (the list)': async (who) => {
      const result = await app.gql<{ agreements: Array<{ id: string }> }>('{ agreements { id title } }', {}, tokens[who]);
      // Refused as a whole (an account bound to one hearing) or listed without it: either way no data.
      if (result.errors) return outcomeOf(result, 'agreements');
      return result.data?.agreements.some((a) => a.id === agreementId) ? 'allowed' : 'refused';
    },
    'agreementVersion(id)': async (who) =>
      outcomeOf(await app.gql('query($id: ID!) { agreementVersion(id: $id) { id blocks { text } } }', { id: versionIds[0] }, tokens[who]), 'agreementVersion'),
    compareVersions: async (who) =>
      outcomeOf(
        await app.gql('query($f: ID!, $t: ID!) { compareVersions(fromVersionId: $f, toVersionId: $t) { changes { blockId } } }', { f: versionIds[0], t: versionIds[0] }, tokens[who]),
        'compareVersions',
      ),
    'agreementDashboard (approvals, timeline)': async (who) =>
      outcomeOf(
        await app.gql('query($id: ID!) { agreementDashboard(agreementId: $id) { phase approvals { required } } }', { id: agreementId }, tokens[who]),
        'agreementDashboard',
      ),
    'inputRound(id)': async (who) => outcomeOf(await app.gql('query($id: ID!) { inputRound(id: $id) { id title } }', { id: roundId }, tokens[who]), 'inputRound'),
    'GET /files/agreements/:id/agreement.docx (export of the draft)': async (who) => {
      const response = await fetch(`${app.url}/files/agreements/${agreementId}/agreement.docx`, { headers: { authorization: `Bearer ${tokens[who]}` } });
      const body = Buffer.from(await response.arrayBuffer());
      if (response.status === 200 && body.subarray(0, 2).toString('latin1') === 'PK') return 'allowed';
      if ((response.status === 403 || response.status === 404) && body.subarray(0, 2).toString('latin1') !== 'PK') return 'refused';
      return `unexpected: ${response.status}`;
    },
    '/collab (the live draft over the socket)': async (who) => {
      try {
        const client = await connectCollab(app.url, `agreement:${agreementId}`, tokens[who]);
        const synced = client.doc.getXmlFragment('default').length > 0;
        client.destroy();
        return synced ? 'allowed' : 'unexpected: synced an empty document';
      } catch (error) {
        return /authentication failed/.test((error as Error).message) ? 'refused' : `unexpected: ${(error as Error).message}`;
      }
    },
    'hearing(id), invited: Danske Patienter': async (who) =>
      outcomeOf(await app.gql('query($id: ID!) { hearing(id: $id) { id version { blocks { text } } } }', { id: invitedHearing }, tokens[who]), 'hearing'),
    'hearing(id), invited: Hjerteforeningen': async (who) =>
      outcomeOf(await app.gql('query($id: ID!) { hearing(id: $id) { id version { blocks { text } } } }', { id: otherHearing }, tokens[who]), 'hearing'),
  };

  const expected: Record<string, Who[]> = {
    'agreement(id)': AGREEMENT_READERS,
    'agreement { sections } (the live draft)': AGREEMENT_READERS,
    'agreements (the list)': AGREEMENT_READERS,
    // versionIds[0] is the frozen version both hearings are on: it is also their invited
    // organisations' (an account made from a link reads it through its hearing only).
    'agreementVersion(id)': [...AGREEMENT_READERS, 'patient'],
    compareVersions: [...AGREEMENT_READERS, 'patient'],
    'agreementDashboard (approvals, timeline)': AGREEMENT_READERS,
    'inputRound(id)': AGREEMENT_READERS,
    'GET /files/agreements/:id/agreement.docx (export of the draft)': AGREEMENT_READERS,
    '/collab (the live draft over the socket)': AGREEMENT_READERS,
    'hearing(id), invited: Danske Patienter': ['hSecretariat', 'patient', 'admin'],
    'hearing(id), invited: Hjerteforeningen': ['hSecretariat', 'linkAccount', 'admin'],
  };

  beforeAll(async () => {
    app = await startTestApp();
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    for (const [who, email] of Object.entries(EMAILS)) tokens[who as Who] = await app.login(demo(email));
    agreementId = (await db.query<{ id: string }>(`SELECT a.id FROM agreements a JOIN regions r ON r.id = a.region_id WHERE r.code = 'H'`)).rows[0].id;
    versionIds = (await db.query<{ id: string }>('SELECT id FROM agreement_versions WHERE agreement_id = $1 ORDER BY number', [agreementId])).rows.map((r) => r.id);
    roundId = (await db.query<{ id: string }>('SELECT id FROM input_rounds WHERE agreement_id = $1 LIMIT 1', [agreementId])).rows[0].id;
    const orgId = async (name: string) => (await db.query<{ id: string }>('SELECT id FROM organisations WHERE name = $1', [name])).rows[0].id;
    const open = async (organisation: string) => {
      const result = await app.gql<{ openHearing: { id: string; invitations: Array<{ link: string }> } }>(
        'mutation($i: OpenHearingInput!) { openHearing(input: $i) { id invitations { link } } }',
        {
          i: {
            versionId: versionIds[0],
            opensAt: new Date(Date.now() - 60_000).toISOString(),
            closesAt: new Date(Date.now() + 3_600_000).toISOString(),
            invitedOrganisationIds: [await orgId(organisation)],
          },
        },
        tokens.hSecretariat,
      );
      expect(result.errors).toBeUndefined();
      return result.data?.openHearing as { id: string; invitations: Array<{ link: string }> };
    };
    invitedHearing = (await open('Danske Patienter')).id;
    const other = await open('Hjerteforeningen');
    otherHearing = other.id;
    const token = other.invitations[0].link.split('/').pop();
    const { confirmed } = await acceptAndConfirm(app, db, token as string, 'Hanne Hjerte', 'hanne@hjerteforeningen.test');
    expect(confirmed.errors).toBeUndefined();
    tokens.linkAccount = confirmed.data?.confirmHearingInvitation.token as string;
  });
  afterAll(async () => {
    await db.end();
    await app.close();
  });

  it('has real rows to read: the agreement with versions, an input round and two hearings', () => {
    expect(versionIds.length).toBeGreaterThan(0);
    expect(roundId).toBeTruthy();
    expect(invitedHearing).not.toBe(otherHearing);
  });

  it.each(Object.keys(expected))('%s: only the readers of the table get the data', async (operation) => {
    const answers: Record<string, Outcome | string> = {};
    for (const who of EVERYONE) answers[who] = await operations[operation](who);
    const wanted = Object.fromEntries(EVERYONE.map((who) => [who, expected[operation].includes(who) ? 'allowed' : 'refused']));
    expect(answers).toEqual(wanted);
  });

  it('answers a refused agreement or hearing read with FORBIDDEN and a message in Danish, never the data', async () => {
    const agreement = await app.gql('query($id: ID!) { agreement(id: $id) { id title sections { text } } }', { id: agreementId }, tokens.sSecretariat);
    expect(agreement.data?.agreement ?? null).toBeNull();
    expect(agreement.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/ikke adgang til aftalen/) });
    const hearing = await app.gql('query($id: ID!) { hearing(id: $id) { id version { blocks { text } } } }', { id: otherHearing }, tokens.patient);
    expect(hearing.data?.hearing ?? null).toBeNull();
    expect(hearing.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/ikke adgang til høringen/) });
  });

  it('lets the region’s clusters and municipalities read but not change: the socket takes only their suggestions, a plain edit is refused, and createVersion is refused', async () => {
    for (const who of ['hCluster', 'hMunicipality'] as const) {
      const client = await connectCollab(app.url, `agreement:${agreementId}`, tokens[who]);
      try {
        // Not read-only: they may suggest (suggestions.spec.ts); a plain edit is refused by the server.
        expect([who, client.provider.authorizedScope]).toEqual([who, 'read-write']);
        paragraphText(client.doc, 1).insert(0, 'Et forsøg på at skrive direkte. ');
        await waitFor(() => client.syncStatuses.refused > 0, 5_000, `the refusal of ${who}’s plain edit`);
      } finally {
        client.destroy();
      }
      const created = await app.gql('mutation($i: CreateVersionInput!) { createVersion(input: $i) { id } }', { i: { agreementId, label: 'Forsøg' } }, tokens[who]);
      expect([who, refusedCode(created)]).toEqual([who, 'FORBIDDEN']);
    }
    const writer = await connectCollab(app.url, `agreement:${agreementId}`, tokens.hSecretariat);
    try {
      expect(writer.provider.authorizedScope).toBe('read-write');
    } finally {
      writer.destroy();
    }
    const count = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM agreement_versions WHERE label = 'Forsøg'`);
    expect(count.rows[0].n).toBe(0);
  });

  it('lets an invited patient organisation do its journey without the agreement: read the hearing draft and file its response', async () => {
    const hearing = await app.gql<{ hearing: { invited: boolean; version: { blocks: Array<{ blockId: string; type: string }> } } }>(
      'query($id: ID!) { hearing(id: $id) { invited version { blocks { blockId type } } } }',
      { id: invitedHearing },
      tokens.patient,
    );
    expect(hearing.errors).toBeUndefined();
    expect(hearing.data?.hearing.invited).toBe(true);
    const blockId = hearing.data?.hearing.version.blocks.find((b) => b.type === 'paragraph')?.blockId;
    const organisationId = (await db.query<{ id: string }>(`SELECT id FROM organisations WHERE name = 'Danske Patienter'`)).rows[0].id;
    const submitted = await app.gql<{ submitHearingResponse: { reference: string } }>(
      'mutation($i: SubmitHearingResponseInput!) { submitHearingResponse(input: $i) { reference } }',
      { i: { hearingId: invitedHearing, organisationId, idempotencyKey: 'read-policy-journey', summary: 'Vi støtter udkastet.', comments: [{ blockId, text: 'Godt.' }], publish: true } },
      tokens.patient,
    );
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data?.submitHearingResponse.reference).toMatch(/^SA/);
    const responses = await app.gql<{ hearing: { responses: Array<{ reference: string }> } }>(
      'query($id: ID!) { hearing(id: $id) { responses { reference } } }',
      { id: invitedHearing },
      tokens.patient,
    );
    expect(responses.data?.hearing.responses.map((r) => r.reference)).toEqual([submitted.data?.submitHearingResponse.reference]);
  });

  it('lists in `hearings` exactly the hearings each user may read, with the agreement’s title but not the agreement', async () => {
    const listed: Record<string, string[]> = {};
    for (const who of EVERYONE.filter((w) => w !== 'linkAccount')) {
      const result = await app.gql<{ hearings: Array<{ id: string; agreementTitle: string }> }>('{ hearings { id agreementTitle } }', {}, tokens[who]);
      expect([who, result.errors]).toEqual([who, undefined]);
      const ours = (result.data?.hearings ?? []).filter((h) => h.id === invitedHearing || h.id === otherHearing);
      for (const h of ours) expect(h.agreementTitle).toBe('Sundhedsaftale 2024–2027 for Region Hovedstaden');
      listed[who] = ours.map((h) => (h.id === invitedHearing ? 'Danske Patienter' : 'Hjerteforeningen')).sort();
    }
    expect(listed).toEqual({
      hSecretariat: ['Danske Patienter', 'Hjerteforeningen'],
      hCluster: [],
      hMunicipality: [],
      sSecretariat: [],
      patient: ['Danske Patienter'],
      admin: ['Danske Patienter', 'Hjerteforeningen'],
    });
  });

  it('keeps the public hearing page open without logging in', async () => {
    const result = await app.gql('query($id: ID!) { publicHearing(id: $id) { id } }', { id: invitedHearing });
    expect(result.errors).toBeUndefined();
    expect(result.data?.publicHearing).toMatchObject({ id: invitedHearing });
  });

  it('lists an agreement’s hearings only to those who may read them: the secretariat all, the region’s clusters and municipalities none they are not invited to', async () => {
    const hearingsOf = async (who: Who) => {
      const result = await app.gql<{ agreement: { hearings: Array<{ id: string }> } }>('query($id: ID!) { agreement(id: $id) { hearings { id } } }', { id: agreementId }, tokens[who]);
      expect(result.errors).toBeUndefined();
      return result.data?.agreement.hearings.map((h) => h.id) ?? [];
    };
    expect(await hearingsOf('hSecretariat')).toEqual(expect.arrayContaining([invitedHearing, otherHearing]));
    for (const who of ['hCluster', 'hMunicipality'] as const) {
      const listed = await hearingsOf(who);
      expect([who, listed.includes(invitedHearing) || listed.includes(otherHearing)]).toEqual([who, false]);
    }
  });

  it('shows no public page of a hearing that has not opened yet', async () => {
    const result = await app.gql<{ openHearing: { id: string } }>(
      'mutation($i: OpenHearingInput!) { openHearing(input: $i) { id } }',
      { i: { versionId: versionIds[0], opensAt: new Date(Date.now() + 86_400_000).toISOString(), closesAt: new Date(Date.now() + 2 * 86_400_000).toISOString(), invitedOrganisationIds: [] } },
      tokens.hSecretariat,
    );
    expect(result.errors).toBeUndefined();
    const id = result.data?.openHearing.id;
    const scheduled = await app.gql('query($id: ID!) { publicHearing(id: $id) { id content } }', { id });
    expect(scheduled).toEqual({ data: { publicHearing: null } });
    const open = await app.gql('query($id: ID!) { publicHearing(id: $id) { id } }', { id: invitedHearing });
    expect(open.data?.publicHearing).toEqual({ id: invitedHearing });
  });
});
