import { acceptAndConfirm } from './invitation-codes';
import { Client } from 'pg';
import { demo, TestApp } from './test-app';

/**
 * Test data for access tests, made the way the product makes it: through the GraphQL API as
 * the user who would do it (Outline's `server/test/factories.ts`), and by SQL only where the
 * product has no API (the seeded demo).
 */

/** Tests read arbitrary response shapes; each asserts the shape it expects. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyData = Record<string, any>;

let sequence = 0;
/** A value no other factory call in this process has used. */
export const unique = (prefix: string): string => `${prefix}-${process.pid}-${++sequence}`;

const hour = 3_600_000;
export const inHours = (hours: number): string => new Date(Date.now() + hours * hour).toISOString();

/** Runs one operation as `token` and returns its data, failing loudly when the API refuses. */
export async function must<T = AnyData>(app: TestApp, query: string, variables: Record<string, unknown>, token: string | undefined, what: string): Promise<T> {
  const result = await app.gql<T>(query, variables, token);
  if (result.errors || !result.data) throw new Error(`${what} failed: ${JSON.stringify(result.errors)}`);
  return result.data;
}

export async function organisationId(db: Client, name: string): Promise<string> {
  const rows = (await db.query<{ id: string }>('SELECT "id" FROM "organisations" WHERE "name" = $1', [name])).rows;
  if (!rows[0]) throw new Error(`No organisation named ${name}`);
  return rows[0].id;
}

export async function clusterId(db: Client, regionCode: 'H' | 'S', name: string): Promise<string> {
  const rows = (
    await db.query<{ id: string }>('SELECT c."id" FROM "clusters" c JOIN "regions" r ON r."id" = c."region_id" WHERE r."code" = $1 AND c."name" = $2', [regionCode, name])
  ).rows;
  if (!rows[0]) throw new Error(`No cluster ${name} in region ${regionCode}`);
  return rows[0].id;
}

export async function regionId(db: Client, code: 'H' | 'S'): Promise<string> {
  return (await db.query<{ id: string }>('SELECT "id" FROM "regions" WHERE "code" = $1', [code])).rows[0].id;
}

/** The seeded 2024–2027 agreement of Region Hovedstaden. */
export async function demoAgreement(db: Client): Promise<{ id: string; documentName: string; versionId: string }> {
  const row = (
    await db.query<{ id: string; version_id: string }>(
      `SELECT a."id", v."id" AS version_id FROM "agreements" a JOIN "regions" r ON r."id" = a."region_id"
        JOIN "agreement_versions" v ON v."agreement_id" = a."id" AND v."number" = 1 WHERE r."code" = 'H'`,
    )
  ).rows[0];
  return { id: row.id, documentName: `agreement:${row.id}`, versionId: row.version_id };
}

export interface AgreementRows {
  id: string;
  documentName: string;
  /** Version 1, frozen from the new agreement's skeleton. */
  versionId: string;
  /** Version 2, frozen right after version 1. */
  laterVersionId: string;
}

/** An agreement of the region with two frozen versions, made by that region's secretariat. */
export async function createAgreement(app: TestApp, secretariat: string, region: string, title = unique('Sundhedsaftale')): Promise<AgreementRows> {
  const created = await must(
    app,
    'mutation($i: CreateAgreementInput!) { createAgreement(input: $i) { id documentName } }',
    { i: { regionId: region, title, periodStart: 2028, periodEnd: 2031, effectiveDate: '2028-01-01' } },
    secretariat,
    'createAgreement',
  );
  const agreement = created.createAgreement as { id: string; documentName: string };
  const versionId = await createVersion(app, secretariat, agreement.id, 'Udkast 1');
  const laterVersionId = await createVersion(app, secretariat, agreement.id, 'Udkast 2');
  return { ...agreement, versionId, laterVersionId };
}

export async function createVersion(app: TestApp, secretariat: string, agreementId: string, label: string): Promise<string> {
  const data = await must(app, 'mutation($i: CreateVersionInput!) { createVersion(input: $i) { id } }', { i: { agreementId, label } }, secretariat, 'createVersion');
  return data.createVersion.id as string;
}

export interface HearingRows {
  id: string;
  /** Invitation id and link per invited organisation id. */
  invitations: Map<string, { id: string; link: string }>;
}

/** An open hearing on the version (opened an hour ago, closing in a week) inviting these organisations. */
export async function openHearing(app: TestApp, secretariat: string, versionId: string, invitedOrganisationIds: string[]): Promise<HearingRows> {
  const data = await must(
    app,
    'mutation($i: OpenHearingInput!) { openHearing(input: $i) { id invitations { id organisationId link } } }',
    { i: { versionId, title: unique('Høring'), opensAt: inHours(-1), closesAt: inHours(24 * 7), invitedOrganisationIds } },
    secretariat,
    'openHearing',
  );
  const hearing = data.openHearing as { id: string; invitations: Array<{ id: string; organisationId: string; link: string }> };
  return { id: hearing.id, invitations: new Map(hearing.invitations.map((i) => [i.organisationId, { id: i.id, link: i.link }])) };
}

/** Creates the account of a named person through the invitation link and confirms it with the mailed code; returns its token. */
export async function acceptInvitation(app: TestApp, db: Client, link: string, name = 'Hanne Hjerte'): Promise<string> {
  const token = link.split('/').pop() as string;
  const { confirmed } = await acceptAndConfirm(app, db, token, name, `${unique('link')}@hjerteforeningen.test`);
  if (!confirmed.data?.confirmHearingInvitation) throw new Error(`Accepting the invitation failed: ${JSON.stringify(confirmed.errors)}`);
  return confirmed.data.confirmHearingInvitation.token;
}

/** A PDF the attachment inspector accepts. */
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF');

export async function uploadAttachment(app: TestApp, token: string): Promise<{ status: number; id?: string }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(TINY_PDF)], { type: 'application/pdf' }), 'bemærkninger.pdf');
  const response = await fetch(`${app.url}/files/attachments`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json().catch(() => ({}))) as { id?: string };
  return { status: response.status, id: body.id };
}

export interface ResponseRows {
  id: string;
  commentId: string;
  attachmentId: string;
}

/** A response filed by the organisation's own user, with one comment and one attachment. */
export async function submitResponse(app: TestApp, token: string, hearingId: string, organisation: string): Promise<ResponseRows> {
  const attachment = await uploadAttachment(app, token);
  if (attachment.status !== 201 || !attachment.id) throw new Error(`upload failed: ${attachment.status}`);
  const data = await must(
    app,
    'mutation($i: SubmitHearingResponseInput!) { submitHearingResponse(input: $i) { id comments { id } } }',
    {
      i: {
        hearingId,
        organisationId: organisation,
        idempotencyKey: unique('svar'),
        summary: 'Vi har bemærkninger.',
        comments: [{ text: 'Pårørende bør nævnes.' }],
        publish: true,
        attachmentIds: [attachment.id],
      },
    },
    token,
    'submitHearingResponse',
  );
  const response = data.submitHearingResponse as { id: string; comments: Array<{ id: string }> };
  return { id: response.id, commentId: response.comments[0].id, attachmentId: attachment.id };
}

/** A response the secretariat registers for an organisation without an account (received by post). */
export async function registerLateResponse(app: TestApp, secretariat: string, hearingId: string, organisation: string): Promise<ResponseRows> {
  // The letter, uploaded by the secretariat, goes with the response as its attachment.
  const letter = await uploadAttachment(app, secretariat);
  if (letter.status !== 201 || !letter.id) throw new Error(`upload failed: ${letter.status}`);
  const data = await must(
    app,
    'mutation($i: SubmitHearingResponseInput!) { registerLateHearingResponse(input: $i) { id comments { id } } }',
    {
      i: {
        hearingId,
        organisationId: organisation,
        idempotencyKey: unique('brev'),
        summary: 'Modtaget pr. brev.',
        comments: [{ text: 'Mere om ældre.' }],
        publish: true,
        attachmentIds: [letter.id],
      },
    },
    secretariat,
    'registerLateHearingResponse',
  );
  const response = data.registerLateHearingResponse as { id: string; comments: Array<{ id: string }> };
  return { id: response.id, commentId: response.comments[0].id, attachmentId: letter.id };
}

/** An input round on the agreement, open for a week, asking these clusters. */
export async function openInputRound(app: TestApp, secretariat: string, agreementId: string, clusterIds: string[]): Promise<string> {
  const data = await must(
    app,
    'mutation($i: OpenInputRoundInput!) { openInputRound(input: $i) { id } }',
    { i: { agreementId, title: unique('Inputrunde'), deadline: inHours(24 * 7), clusterIds } },
    secretariat,
    'openInputRound',
  );
  return data.openInputRound.id as string;
}

/** The cluster's input, submitted by the cluster's own user; returns the input and its first item. */
export async function submitClusterInput(app: TestApp, token: string, roundId: string, cluster: string): Promise<{ id: string; itemId: string }> {
  const data = await must(
    app,
    'mutation($i: SubmitClusterInputInput!) { submitClusterInput(input: $i) { id items { id } } }',
    { i: { roundId, clusterId: cluster, items: [{ theme: 'Forebyggelse', text: 'Mere forebyggelse på tværs.' }] } },
    token,
    'submitClusterInput',
  );
  const input = data.submitClusterInput as { id: string; items: Array<{ id: string }> };
  return { id: input.id, itemId: input.items[0].id };
}

export const DEMO_ACCOUNTS = {
  hSecretariat: demo('sekretariat'),
  hCluster: demo('klynge.nord'),
  hClusterMidt: demo('klynge.midt'),
  hMunicipality: demo('kommune.gladsaxe'),
  sSecretariat: demo('sekretariat.syddanmark'),
  sMunicipality: demo('kommune.odense'),
  invitedOrganisation: demo('patientforening'),
  uninvitedOrganisation: demo('faglig.organisation'),
  admin: demo('admin'),
} as const;

/**
 * A notification in the agreement's outbox addressed to the organisation. The product writes
 * these from its reminder schedule, which has no API to trigger, so by SQL.
 */
export async function insertNotification(db: Client, agreementId: string, organisation: string, subject: string): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO "notifications" ("dedupe_key", "agreement_id", "organisation_id", "kind", "subject", "body", "recipients")
     VALUES ($1, $2, $3, 'reminder', $4, 'Husk fristen.', '{}') RETURNING "id"`,
    [unique('matrix'), agreementId, organisation, subject],
  );
  return rows.rows[0].id;
}

/**
 * Brings an agreement to where decisions are recorded: phase APPROVAL (set by SQL, as the
 * process would have left it, without the approval requests a phase change sends) and its
 * newest version locked as the final version through the API. Returns that version's id.
 */
export async function readyForApproval(app: TestApp, db: Client, agreementId: string, secretariatToken: string): Promise<string> {
  await db.query(`UPDATE "agreements" SET "phase" = 'APPROVAL' WHERE "id" = $1`, [agreementId]);
  const locked = (await db.query<{ id: string }>(`SELECT "id" FROM "agreement_versions" WHERE "agreement_id" = $1 AND "final_locked_at" IS NOT NULL ORDER BY "number" DESC LIMIT 1`, [agreementId])).rows[0];
  if (locked) return locked.id;
  let newest = (await db.query<{ id: string }>(`SELECT "id" FROM "agreement_versions" WHERE "agreement_id" = $1 ORDER BY "number" DESC LIMIT 1`, [agreementId])).rows[0]?.id;
  if (!newest) newest = (await must(app, 'mutation($i: CreateVersionInput!) { createVersion(input: $i) { id } }', { i: { agreementId, label: 'Endelig version' } }, secretariatToken, 'createVersion')).createVersion.id as string;
  await must(app, 'mutation($i: LockFinalVersionInput!) { lockFinalVersion(input: $i) { id } }', { i: { agreementId, versionId: newest } }, secretariatToken, 'lockFinalVersion');
  return newest;
}
