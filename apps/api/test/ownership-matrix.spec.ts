import type { JSONContent } from '@aftalerum/editor';
import { ACCEPT_INVITATION, mailedCode } from './invitation-codes';
import { createHash, randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, GraphQLObjectType } from 'graphql';
import { PubSubEngine } from 'graphql-subscriptions';
import { Client } from 'pg';
import * as Y from 'yjs';
import { PUB_SUB, TOPICS } from '../src/common/pub-sub';
import { connectCollab, editDraftJson, paragraphText, waitFor, waitForAsync } from './collab-client';
import {
  acceptInvitation,
  AgreementRows,
  clusterId,
  createAgreement,
  createVersion,
  DEMO_ACCOUNTS,
  demoAgreement,
  HearingRows,
  inHours,
  must,
  openHearing,
  openInputRound,
  organisationId,
  regionId,
  insertNotification,
  registerLateResponse,
  ResponseRows,
  submitClusterInput,
  submitResponse,
  TINY_PDF,
  unique,
  uploadAttachment,
} from './factories';
import { failureOf, subscribe } from './subscription-client';
import { GraphQLResult, startTestApp, TestApp } from './test-app';

/**
 * The ownership matrix: every operation of the API (each Query, Mutation and Subscription field
 * of schema.gql, each file route, the collaboration socket) × every kind of caller × the caller's
 * own and another party's real rows. Each cell expects what the contract's table "Who may read
 * what" (API-CONTRACT.md) says, not what the code happens to do.
 *
 * allowed: the data, or a domain error that is not about who is asking (CONFLICT, BAD_USER_INPUT,
 * DEADLINE_PASSED …). refused: UNAUTHENTICATED / FORBIDDEN / NOT_FOUND and no data (for a list:
 * the other party's rows absent); for a write, also nothing written.
 *
 * MATRIX_REPORT=/path.json writes each cell's observed outcome to that file.
 */

// ---------------------------------------------------------------------------------------------
// Callers
// ---------------------------------------------------------------------------------------------

const CALLERS = [
  'anonymous',
  'hSecretariat',
  'hCluster',
  'hMunicipality',
  'sSecretariat',
  'sMunicipality',
  'invitedOrganisation',
  'uninvitedOrganisation',
  'linkAccount',
  'admin',
] as const;
type Caller = (typeof CALLERS)[number];

/** Who each caller is (for the test names and the report). */
const CALLER_NOTES: Record<Caller, string> = {
  anonymous: 'not signed in',
  hSecretariat: 'sekretariat@ — SSU secretariat of Region Hovedstaden',
  hCluster: 'klynge.nord@ — cluster Nord of Region Hovedstaden',
  hMunicipality: 'kommune.gladsaxe@ — Gladsaxe, Region Hovedstaden',
  sSecretariat: 'sekretariat.syddanmark@ — SSU secretariat of Region Syddanmark',
  sMunicipality: 'kommune.odense@ — Odense, Region Syddanmark',
  invitedOrganisation: 'patientforening@ — Danske Patienter, invited to hearing H',
  uninvitedOrganisation: 'faglig.organisation@ — Dansk Sygeplejeråd, invited to none of the test hearings',
  linkAccount: 'account created through Hjerteforeningen’s invitation link to hearing H',
  admin: 'admin@',
};

const SIGNED_IN: Caller[] = CALLERS.filter((c) => c !== 'anonymous');
const EVERYONE: Caller[] = [...CALLERS];
/** Signed in, and not an account bound to one hearing by its invitation link. */
const BOUND_OUT: Caller[] = SIGNED_IN.filter((c) => c !== 'linkAccount');
const NOBODY: Caller[] = [];
/** Readers of an agreement (live draft, versions, exports, input rounds, approvals), per region. */
const READERS = { H: ['hSecretariat', 'hCluster', 'hMunicipality', 'admin'] as Caller[], S: ['sSecretariat', 'sMunicipality', 'admin'] as Caller[] };
/** Who may change an agreement and process its hearings and input, per region. */
const MANAGERS = { H: ['hSecretariat', 'admin'] as Caller[], S: ['sSecretariat', 'admin'] as Caller[] };

// ---------------------------------------------------------------------------------------------
// The world: real rows, made through the API by the users who would make them
// ---------------------------------------------------------------------------------------------

interface World {
  app: TestApp;
  db: Client;
  tokens: Record<Caller, string | undefined>;
  regions: { H: string; S: string };
  agreements: { H: AgreementRows; S: AgreementRows };
  /** H: Danske Patienter and Hjerteforeningen invited; H2: only Diabetesforeningen; S: Syddanmark's, only Ældre Sagen. */
  hearings: { H: HearingRows; H2: HearingRows; S: HearingRows };
  /**
   * H ("hearing H3"): Danske Patienter and Hjerteforeningen invited too, not answered, not the link's
   * hearing; with invitations to withdraw and reissue. S: the same for Syddanmark. links: Diabetesforeningen's
   * invitation, reissued for each acceptance.
   */
  scratch: { H: HearingRows; S: HearingRows; links: HearingRows };
  responses: { DP: ResponseRows; HF: ResponseRows; S: ResponseRows };
  rounds: { H: string; S: string };
  inputs: { Nord: { id: string; itemId: string }; Midt: { id: string; itemId: string } };
  clusters: { Nord: string; Midt: string; Fyn: string };
  orgs: Record<'DP' | 'HF' | 'KB' | 'LF' | 'AS' | 'DF' | 'Gladsaxe' | 'Herlev' | 'Odense', string>;
  blockIds: string[];
  docx: Buffer;
  importKinds: string;
  /** Each region's draft exported and edited "in Word": one tracked insertion, for bringing Word's changes in. */
  suggestionDocx: { H: Buffer; S: Buffer };
  /** Each signed-in caller's organisation. */
  callerOrgs: Partial<Record<Caller, string>>;
  /** Outbox notifications per region's agreement: id → the organisation it is addressed to. */
  notifications: { H: Map<string, string>; S: Map<string, string> };
  /** Per region: the decision document its secretariat uploaded for a municipality's approval (H: Herlev, S: Odense). */
  decisionDocuments: { H: string; S: string };
}

async function buildWorld(app: TestApp, db: Client): Promise<World> {
  const tokens = { anonymous: undefined } as Record<Caller, string | undefined>;
  for (const [caller, email] of Object.entries(DEMO_ACCOUNTS)) {
    if (caller in CALLER_NOTES) tokens[caller as Caller] = await app.login(email);
  }
  const midt = await app.login(DEMO_ACCOUNTS.hClusterMidt);
  const hSec = tokens.hSecretariat as string;
  const sSec = tokens.sSecretariat as string;
  const orgs = {
    DP: await organisationId(db, 'Danske Patienter'),
    HF: await organisationId(db, 'Hjerteforeningen'),
    KB: await organisationId(db, 'Kræftens Bekæmpelse'),
    LF: await organisationId(db, 'Lægeforeningen'),
    AS: await organisationId(db, 'Ældre Sagen'),
    DF: await organisationId(db, 'Diabetesforeningen'),
    Gladsaxe: await organisationId(db, 'Gladsaxe Kommune'),
    Herlev: await organisationId(db, 'Herlev Kommune'),
    Odense: await organisationId(db, 'Odense Kommune'),
  };
  const regions = { H: await regionId(db, 'H'), S: await regionId(db, 'S') };
  const demo = await demoAgreement(db);
  const agreements = {
    H: { ...demo, laterVersionId: await createVersion(app, hSec, demo.id, 'Matrix-udkast') },
    S: await createAgreement(app, sSec, regions.S, 'Sundhedsaftale 2028–2031 for Region Syddanmark'),
  };
  const hearings = {
    H: await openHearing(app, hSec, agreements.H.versionId, [orgs.DP, orgs.HF]),
    H2: await openHearing(app, hSec, agreements.H.versionId, [orgs.DF]),
    S: await openHearing(app, sSec, agreements.S.versionId, [orgs.AS]),
  };
  const scratch = {
    H: await openHearing(app, hSec, agreements.H.versionId, [orgs.KB, orgs.LF, orgs.DP, orgs.HF]),
    S: await openHearing(app, sSec, agreements.S.versionId, [orgs.AS, orgs.LF]),
    links: await openHearing(app, hSec, agreements.H.versionId, [orgs.DF]),
  };
  tokens.linkAccount = await acceptInvitation(app, db, hearings.H.invitations.get(orgs.HF)?.link as string);
  const responses = {
    DP: await submitResponse(app, tokens.invitedOrganisation as string, hearings.H.id, orgs.DP),
    HF: await submitResponse(app, tokens.linkAccount, hearings.H.id, orgs.HF),
    S: await registerLateResponse(app, sSec, hearings.S.id, orgs.AS),
  };
  const clusters = { Nord: await clusterId(db, 'H', 'Nord'), Midt: await clusterId(db, 'H', 'Midt'), Fyn: await clusterId(db, 'S', 'Fyn') };
  const rounds = { H: await openInputRound(app, hSec, agreements.H.id, [clusters.Nord, clusters.Midt]), S: await openInputRound(app, sSec, agreements.S.id, [clusters.Fyn]) };
  const inputs = {
    Nord: await submitClusterInput(app, tokens.hCluster as string, rounds.H, clusters.Nord),
    Midt: await submitClusterInput(app, midt, rounds.H, clusters.Midt),
  };
  const blockIds = (await db.query<{ block_id: string }>('SELECT DISTINCT "block_id" FROM "cluster_input_items" WHERE "block_id" IS NOT NULL LIMIT 5')).rows.map((r) => r.block_id);
  const exported = await fetch(`${app.url}/files/agreements/${agreements.H.id}/agreement.docx`, { headers: { authorization: `Bearer ${hSec}` } });
  const docx = Buffer.from(await exported.arrayBuffer());
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(docx)]), 'aftale.docx');
  const preview = (await (await fetch(`${app.url}/files/imports/preview`, { method: 'POST', body: form, headers: { authorization: `Bearer ${hSec}` } })).json()) as {
    headings?: Array<{ suggestedKind: string }>;
  };
  const importKinds = JSON.stringify((preview.headings ?? []).map((h) => h.suggestedKind));
  const suggestionDocx = { H: await withTrackedInsertion(app, agreements.H.id, hSec), S: await withTrackedInsertion(app, agreements.S.id, sSec) };
  const callerOrgs: Partial<Record<Caller, string>> = {};
  for (const caller of SIGNED_IN) callerOrgs[caller] = (await must(app, '{ me { organisation { id } } }', {}, tokens[caller], 'me')).me.organisation.id as string;
  const notifications = { H: new Map<string, string>(), S: new Map<string, string>() };
  const addressed = { H: ['hCluster', 'hMunicipality', 'invitedOrganisation', 'uninvitedOrganisation'], S: ['sMunicipality', 'invitedOrganisation'] } as const;
  for (const code of ['H', 'S'] as const) {
    for (const caller of addressed[code]) {
      const organisation = callerOrgs[caller] as string;
      notifications[code].set(await insertNotification(db, agreements[code].id, organisation, `Påmindelse til ${caller}`), organisation);
    }
  }
  const decisionDocuments = { H: await decisionDocument(app, db, hSec, agreements.H, orgs.Herlev), S: await decisionDocument(app, db, sSec, agreements.S, orgs.Odense) };
  return { app, db, tokens, regions, agreements, hearings, scratch, responses, rounds, inputs, clusters, orgs, blockIds, docx, importKinds, suggestionDocx, callerOrgs, notifications, decisionDocuments };
}

/**
 * A decision document the region's secretariat uploaded (through the upload route) and the
 * party's approval that records it, as recordApproval stores it once the agreement is in
 * Godkendelse (the world's agreements are still in drafting, so the row is written directly).
 */
async function decisionDocument(app: TestApp, db: Client, token: string, agreement: AgreementRows, organisationId: string): Promise<string> {
  const upload = await uploadAttachment(app, token);
  if (!upload.id) throw new Error(`the decision document's upload was refused (${upload.status})`);
  await db.query(
    `INSERT INTO "approvals" ("agreement_id", "organisation_id", "decision", "decided_at", "document_id", "recorded_by", "version_id")
     SELECT $1, $2, 'APPROVED', '2027-06-01', f."id", f."uploaded_by", $4 FROM "attachments" f WHERE f."id" = $3`,
    [agreement.id, organisationId, upload.id, agreement.versionId],
  );
  return upload.id;
}

/** The agreement's DOCX export with a tracked insertion at the start of its first bookmarked paragraph, as Word writes one. */
async function withTrackedInsertion(app: TestApp, agreementId: string, token: string): Promise<Buffer> {
  const exported = await fetch(`${app.url}/files/agreements/${agreementId}/agreement.docx`, { headers: { authorization: `Bearer ${token}` } });
  const zip = await JSZip.loadAsync(Buffer.from(await exported.arrayBuffer()));
  const xml = await zip.file('word/document.xml')!.async('string');
  const edited = xml.replace(/(<w:bookmarkStart [^>]*w:name="b_[^"]+"[^>]*\/>)/, '$1<w:ins w:id="9001" w:author="Matrix" w:date="2026-11-30T10:00:00Z"><w:r><w:t xml:space="preserve">Matrix-forslag </w:t></w:r></w:ins>');
  if (edited === xml) throw new Error('the export has no block bookmark');
  zip.file('word/document.xml', edited);
  return zip.generateAsync({ type: 'nodebuffer' });
}

// ---------------------------------------------------------------------------------------------
// Observing a cell
// ---------------------------------------------------------------------------------------------

type Verdict = 'allowed' | 'refused';
interface Observed {
  verdict: Verdict | 'unexpected';
  /** The error code (GraphQL extensions.code, HTTP status, socket outcome), null for plain data. */
  code: string | null;
  detail?: string;
}

const REFUSALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']);
const allowed = (code: string | null = null): Observed => ({ verdict: 'allowed', code });
const refused = (code: string | null): Observed => ({ verdict: 'refused', code });
const unexpected = (code: string | null, detail: string): Observed => ({ verdict: 'unexpected', code, detail: detail.slice(0, 400) });

/**
 * A GraphQL answer for `field`. `present` says whether the target is in the data (for lists);
 * without it, any non-null value is the data.
 */
function observe(result: GraphQLResult, field: string, present?: (value: unknown) => boolean): Observed {
  const value = (result.data as Record<string, unknown> | null | undefined)?.[field] ?? null;
  const code = result.errors?.[0]?.extensions?.code ?? null;
  // A request the schema rejects (a field, argument or type it does not have) says nothing about
  // access: it is the cell's mistake, never an allowed BAD_USER_INPUT.
  const detail = String((result.errors?.[0]?.extensions as { detail?: unknown } | undefined)?.detail ?? '');
  if (/Cannot query field|Unknown argument|Unknown type|is not defined by type/.test(detail)) return unexpected('SCHEMA_MISMATCH', detail);
  const hasData = value !== null && (present ? present(value) : true);
  if (code === 'INTERNAL_SERVER_ERROR' || (result.errors && !code)) return unexpected(code, JSON.stringify(result.errors));
  if (code && REFUSALS.has(code)) return hasData ? unexpected(code, `refused yet answered ${JSON.stringify(value)}`) : refused(code);
  if (code) return allowed(code);
  if (!hasData) return refused(value === null ? 'null' : 'absent');
  return Array.isArray(value) ? { ...allowed(), detail: `${value.length} rows` } : allowed();
}

const ids = (value: unknown): string[] => (Array.isArray(value) ? value.map((v) => String((v as { id?: string }).id)) : []);
const lists = (id: string) => (value: unknown) => ids(value).includes(id);
/** For a list that may be empty for an allowed caller: allowed unless refused with an error. */
const anyAnswer = () => true;

async function observeHttp(response: Response): Promise<Observed> {
  const body = Buffer.from(await response.arrayBuffer());
  const code = `HTTP ${response.status}`;
  if (response.status === 200 || response.status === 201) return body.length > 0 ? allowed(code) : unexpected(code, 'empty body');
  if ([401, 403, 404].includes(response.status)) return refused(code);
  if ([400, 409, 410, 413].includes(response.status)) return allowed(code);
  return unexpected(code, body.toString('utf8'));
}

const bearer = (token: string | undefined): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});
const get = async (w: World, caller: Caller, route: string) => observeHttp(await fetch(`${w.app.url}${route}`, { headers: bearer(w.tokens[caller]) }));

/** A subscription's first answer: an event published on its topic (allowed), or its refusal. */
async function observeSubscription(w: World, caller: Caller, query: string, variables: Record<string, unknown>, topic: string, payload: Record<string, unknown>): Promise<Observed> {
  const pubSub = w.app.server.app.get<PubSubEngine>(PUB_SUB);
  const subscription = subscribe(w.app.url, query, variables, w.tokens[caller] ?? '');
  try {
    const answered = () => subscription.events.length > 0 || subscription.failures.length > 0;
    // graphql-ws does not say when the subscription is in place: publish until an event or the
    // refusal arrives. Each wait ends on an answer; only an answer decides the cell.
    for (let n = 1; !answered() && n <= 40; n++) {
      await pubSub.publish(topic, payload);
      const retryAt = Date.now() + Math.min(500, 25 * n);
      await waitFor(() => answered() || Date.now() > retryAt, 5_000, 'an answer');
    }
    const failure = failureOf(subscription);
    if (failure) {
      if (subscription.events.length) return unexpected(failure.code ?? null, `events before the refusal: ${JSON.stringify(subscription.events)}`);
      // The contract: a refused subscription ends with FORBIDDEN; one without a login is closed
      // by graphql-ws at connection_init (4401/4403) or ends UNAUTHENTICATED.
      if (failure.code === 'FORBIDDEN') return refused(failure.code);
      if (caller === 'anonymous' && (failure.code === 'UNAUTHENTICATED' || failure.code === 'CLOSED 4401' || failure.code === 'CLOSED 4403')) return refused(failure.code);
      return unexpected(failure.code ?? null, failure.message);
    }
    if (subscription.events.length) {
      const event = subscription.events[0] as { data?: Record<string, unknown>; errors?: Array<{ extensions?: { code?: string } }> };
      const code = event.errors?.[0]?.extensions?.code ?? null;
      if (code && REFUSALS.has(code)) return refused(code);
      return event.data ? allowed() : unexpected(code, JSON.stringify(event));
    }
    return unexpected(null, 'neither an event nor a refusal');
  } finally {
    await subscription.dispose();
  }
}

/** The live draft over /collab: synced with content (read), and an edit the server applies (write). */
async function observeCollab(w: World, caller: Caller, documentName: string, write: boolean): Promise<Observed> {
  let client;
  try {
    client = await connectCollab(w.app.url, documentName, w.tokens[caller] ?? '');
  } catch (error) {
    const message = (error as Error).message;
    return /authentication failed/.test(message) ? refused('authentication failed') : unexpected(null, message);
  }
  try {
    if (!write) return client.doc.getXmlFragment('default').length > 0 ? allowed('synced') : unexpected('synced', 'an empty document');
    // The initial sync is acknowledged too: count only the answers to this edit.
    const { applied, refused: refusedBefore } = { ...client.syncStatuses };
    paragraphText(client.doc, 0).insert(0, 'Matrix ');
    await waitFor(() => client.syncStatuses.applied > applied || client.syncStatuses.refused > refusedBefore, 10_000, 'the server’s answer to the edit');
    return client.syncStatuses.refused === refusedBefore ? allowed(`scope ${client.provider.authorizedScope}`) : refused(`scope ${client.provider.authorizedScope}, edit refused`);
  } finally {
    client.destroy();
  }
}

/** A suggested insertion by `who` at the start of the draft's first paragraph (as the editor's suggestion mode makes it). */
const withSuggestion = (who: { id: string; name: string }, id: string) => (content: JSONContent): JSONContent => {
  let done = false;
  const visit = (node: JSONContent): JSONContent => {
    if (done) return node;
    if (node.type === 'paragraph') {
      done = true;
      const attrs = { id, authorId: who.id, authorName: who.name, organisation: 'Matrix', createdAt: new Date().toISOString() };
      return { ...node, content: [{ type: 'text', text: 'Matrix-forslag ', marks: [{ type: 'insertion', attrs }] }, ...(node.content ?? [])] };
    }
    return node.content ? { ...node, content: node.content.map(visit) } : node;
  };
  return visit(content);
};

/** The live draft over /collab in suggestion mode: a suggested insertion of the caller's own, which the server applies or refuses. */
async function observeCollabSuggestion(w: World, caller: Caller, documentName: string): Promise<Observed> {
  const me = await gql(w, caller, '{ me { id name } }');
  const who = me.data?.me as { id: string; name: string } | undefined;
  let client;
  try {
    client = await connectCollab(w.app.url, documentName, w.tokens[caller] ?? '');
  } catch (error) {
    const message = (error as Error).message;
    return /authentication failed/.test(message) ? refused('authentication failed') : unexpected(null, message);
  }
  try {
    if (!who) return unexpected(null, 'a socket without a signed-in caller');
    const { applied, refused: refusedBefore } = { ...client.syncStatuses };
    editDraftJson(client.doc, withSuggestion(who, randomUUID()));
    await waitFor(() => client.syncStatuses.applied > applied || client.syncStatuses.refused > refusedBefore, 10_000, 'the server’s answer to the suggestion');
    return client.syncStatuses.refused === refusedBefore ? allowed(`scope ${client.provider.authorizedScope}`) : refused(`scope ${client.provider.authorizedScope}, suggestion refused`);
  } finally {
    client.destroy();
  }
}

/** Puts a pending suggestion of the region's secretariat into the agreement's draft; its id. */
async function placeSuggestion(w: World, target: string): Promise<string> {
  const secretariat: Caller = region(target) === 'S' ? 'sSecretariat' : 'hSecretariat';
  const me = (await gql(w, secretariat, '{ me { id name } }')).data?.me as { id: string; name: string };
  const client = await connectCollab(w.app.url, agreementOf(w, target).documentName, w.tokens[secretariat] ?? '');
  try {
    const id = randomUUID();
    editDraftJson(client.doc, withSuggestion(me, id));
    await client.settled();
    return id;
  } finally {
    client.destroy();
  }
}

/** Everything a refused write could have touched (drafts and logins aside). */
async function fingerprint(db: Client): Promise<Map<string, string>> {
  const tables = (
    await db.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`)
  ).rows
    .map((r) => r.table_name)
    // The analysis job (campaigns and themes) writes its tables whenever responses have arrived, at a
    // moment of its own; the secretariat's edits of themes are audited, and audit_log is counted.
    .filter((t) => !/^(login_failures|rate_limits|health_probe|sessions|agreement_drafts|agreement_draft_updates|migrations|typeorm_metadata|hearing_analyses|hearing_campaigns|hearing_campaign_responses|hearing_themes|hearing_theme_comments)$/.test(t));
  const parts = tables.map((t) =>
    t === 'users' ? `SELECT 'users' AS t, count(*)::text AS h FROM "users"` : `SELECT '${t}' AS t, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${t}" x`,
  );
  const rows = (await db.query<{ t: string; h: string }>(parts.join(' UNION ALL '))).rows;
  return new Map(rows.map((r) => [r.t, r.h]));
}

const changedTables = (before: Map<string, string>, after: Map<string, string>) => [...after.keys()].filter((t) => before.get(t) !== after.get(t));

// ---------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------

interface Row {
  /** A field of schema.gql, a file route ("GET /files/…"), or "/collab read" / "/collab write". */
  operation: string;
  /** A closer look at one operation (e.g. which rows of a nested list come back). */
  variant?: string;
  /** Writes are checked to have written nothing when refused. */
  writes?: boolean;
  /** Target name → the callers the contract lets through. */
  targets: Record<string, Caller[]>;
  /** Puts the target in place before the row count is taken (its own writes are not the cell's). */
  prepare?(w: World, target: string): Promise<string>;
  run(w: World, caller: Caller, target: string, prepared: string): Promise<Observed>;
}

const gql = (w: World, caller: Caller, query: string, variables: Record<string, unknown> = {}) => w.app.gql(query, variables, w.tokens[caller]);
const region = (target: string): 'H' | 'S' => (/Syddanmark|hearing S|round S/.test(target) ? 'S' : 'H');

const AGREEMENT_TARGETS = { 'agreement Hovedstaden': READERS.H, 'agreement Syddanmark': READERS.S };
const AGREEMENT_CHANGE = { 'agreement Hovedstaden': MANAGERS.H, 'agreement Syddanmark': MANAGERS.S };
const agreementOf = (w: World, target: string) => w.agreements[region(target)];
/** Hearing H: Danske Patienter and Hjerteforeningen (the link account's) invited. */
const HEARING_READ = {
  'hearing H (Danske Patienter, Hjerteforeningen invited)': [...MANAGERS.H, 'invitedOrganisation', 'linkAccount'] as Caller[],
  'hearing H2 (only Diabetesforeningen invited)': MANAGERS.H,
  'hearing H3 (Hjerteforeningen invited too, not the link’s hearing)': [...MANAGERS.H, 'invitedOrganisation'] as Caller[],
  'hearing S (Syddanmark, Ældre Sagen invited)': MANAGERS.S,
};
const HEARING_MANAGE = {
  'hearing H (Danske Patienter, Hjerteforeningen invited)': MANAGERS.H,
  'hearing H2 (only Diabetesforeningen invited)': MANAGERS.H,
  'hearing H3 (Hjerteforeningen invited too, not the link’s hearing)': MANAGERS.H,
  'hearing S (Syddanmark, Ældre Sagen invited)': MANAGERS.S,
};
const hearingOf = (w: World, target: string) =>
  target.startsWith('hearing H2') ? w.hearings.H2 : target.startsWith('hearing H3') ? w.scratch.H : target.startsWith('hearing S') ? w.hearings.S : w.hearings.H;
const RESPONSE_READ = {
  'response of Danske Patienter (hearing H)': [...MANAGERS.H, 'invitedOrganisation'] as Caller[],
  'response of Hjerteforeningen (hearing H)': [...MANAGERS.H, 'linkAccount'] as Caller[],
  'response of Ældre Sagen (hearing S)': MANAGERS.S,
};
const responseOf = (w: World, target: string) => (target.includes('Danske') ? w.responses.DP : target.includes('Hjerte') ? w.responses.HF : w.responses.S);
const responseHearing = (w: World, target: string) => (target.includes('hearing S') ? w.hearings.S : w.hearings.H);
const ROUND_READ = { 'input round H (Nord, Midt asked)': READERS.H, 'input round S (Fyn asked)': READERS.S };
const ROUND_MANAGE = { 'input round H (Nord, Midt asked)': MANAGERS.H, 'input round S (Fyn asked)': MANAGERS.S };
const roundOf = (w: World, target: string) => w.rounds[region(target)];

/** Strictly later deadlines for each extension. */
let later = 0;
const laterDeadline = () => inHours(24 * 30 + ++later);

const UUID = () => `00000000-0000-4000-8000-${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`;

/** A Yjs relative position into the draft (its start), as the editor sends with a comment. */
const DRAFT_ANCHOR = Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(new Y.Doc().getXmlFragment('default'), 0))).toString('base64');
const draftCommentInput = (agreementId: string, text: string) => ({ agreementId, anchorStart: DRAFT_ANCHOR, anchorEnd: DRAFT_ANCHOR, quote: 'Sundhedsaftale', text });
/** One comment thread on each region's draft, opened by its secretariat, for the thread mutations. */
const draftThreads = new Map<'H' | 'S', string>();
async function draftThreadOf(w: World, target: string, status?: 'OPEN' | 'RESOLVED'): Promise<string> {
  const code = region(target);
  const secretariat = code === 'H' ? w.tokens.hSecretariat : w.tokens.sSecretariat;
  let id = draftThreads.get(code);
  if (!id) {
    const created = await must(w.app, 'mutation($i: CreateDraftCommentThreadInput!) { createDraftCommentThread(input: $i) { id } }', { i: draftCommentInput(w.agreements[code].id, 'Matrix-tråd') }, secretariat, 'thread');
    id = created.createDraftCommentThread.id as string;
    draftThreads.set(code, id);
  }
  const now = (await w.db.query<{ status: string }>('SELECT "status" FROM "draft_comment_threads" WHERE "id" = $1', [id])).rows[0].status;
  if (status && now !== status) {
    const field = status === 'OPEN' ? 'reopenDraftCommentThread' : 'resolveDraftCommentThread';
    await must(w.app, `mutation($id: ID!) { ${field}(threadId: $id) { id } }`, { id }, secretariat, field);
  }
  return id;
}
const DRAFT_THREAD_TARGETS = { 'comment thread on agreement Hovedstaden': READERS.H, 'comment thread on agreement Syddanmark': READERS.S };

const QUERIES: Row[] = [
  {
    operation: 'draftCommentThreads',
    targets: AGREEMENT_TARGETS,
    run: async (w, c, t) => observe(await gql(w, c, 'query($id: ID!) { draftCommentThreads(agreementId: $id) { id comments { text } } }', { id: agreementOf(w, t).id }), 'draftCommentThreads', anyAnswer),
  },
  { operation: 'me', targets: { 'the caller': SIGNED_IN }, run: async (w, c) => observe(await gql(w, c, '{ me { id email } }'), 'me') },
  // An account made from an invitation link can only file its organisation's response to its hearing.
  { operation: 'regions', targets: { 'reference data': BOUND_OUT }, run: async (w, c) => observe(await gql(w, c, '{ regions { id code } }'), 'regions') },
  { operation: 'organisations', targets: { 'reference data': BOUND_OUT }, run: async (w, c) => observe(await gql(w, c, '{ organisations { id name } }'), 'organisations') },
  {
    operation: 'agreements',
    targets: AGREEMENT_TARGETS,
    run: async (w, c, t) => observe(await gql(w, c, '{ agreements { id title } }'), 'agreements', lists(agreementOf(w, t).id)),
  },
  {
    operation: 'agreement',
    targets: AGREEMENT_TARGETS,
    run: async (w, c, t) => observe(await gql(w, c, 'query($id: ID!) { agreement(id: $id) { id title sections { blockId text } approvals { id } } }', { id: agreementOf(w, t).id }), 'agreement'),
  },
  {
    operation: 'agreementDashboard',
    targets: AGREEMENT_TARGETS,
    run: async (w, c, t) => observe(await gql(w, c, 'query($id: ID!) { agreementDashboard(agreementId: $id) { phase approvals { required } } }', { id: agreementOf(w, t).id }), 'agreementDashboard'),
  },
  {
    operation: 'agreementVersion',
    // Version 1 of Hovedstaden's agreement is the draft of the test hearing H and of the demo hearing,
    // which invites Dansk Sygeplejeråd: a hearing's frozen version is its invited organisations' too.
    targets: {
      'version 1 of agreement Hovedstaden': [...READERS.H, 'invitedOrganisation', 'uninvitedOrganisation'],
      'version 1 of agreement Syddanmark': READERS.S,
    },
    run: async (w, c, t) => observe(await gql(w, c, 'query($id: ID!) { agreementVersion(id: $id) { id blocks { text } } }', { id: agreementOf(w, t).versionId }), 'agreementVersion'),
  },
  {
    operation: 'compareVersions',
    targets: { 'versions of agreement Hovedstaden': READERS.H, 'versions of agreement Syddanmark': READERS.S },
    run: async (w, c, t) => {
      const a = agreementOf(w, t);
      return observe(
        await gql(w, c, 'query($f: ID!, $t: ID!) { compareVersions(fromVersionId: $f, toVersionId: $t) { changes { blockId } } }', { f: a.versionId, t: a.laterVersionId }),
        'compareVersions',
      );
    },
  },
  {
    operation: 'hearing',
    targets: HEARING_READ,
    run: async (w, c, t) => observe(await gql(w, c, 'query($id: ID!) { hearing(id: $id) { id version { blocks { text } } } }', { id: hearingOf(w, t).id }), 'hearing'),
  },
  {
    operation: 'hearing',
    variant: 'hearing { responses }',
    targets: RESPONSE_READ,
    run: async (w, c, t) =>
      observe(
        await gql(w, c, 'query($id: ID!) { hearing(id: $id) { responses { id comments { text } } } }', { id: responseHearing(w, t).id }),
        'hearing',
        (value) => ids((value as { responses?: unknown }).responses).includes(responseOf(w, t).id),
      ),
  },
  {
    operation: 'hearing',
    variant: 'hearing { commentConnection }',
    // The comments a page at a time: the secretariat sees every organisation's, an invited organisation only its own.
    targets: RESPONSE_READ,
    run: async (w, c, t) =>
      observe(
        await gql(w, c, 'query($id: ID!) { hearing(id: $id) { commentConnection(first: 100) { totalCount edges { node { id text } } facets { organisations { organisationId count } } } } }', {
          id: responseHearing(w, t).id,
        }),
        'hearing',
        (value) => {
          const connection = (value as { commentConnection?: { edges: Array<{ node: { id: string } }> } }).commentConnection;
          return Boolean(connection?.edges.some((e) => e.node.id === responseOf(w, t).commentId));
        },
      ),
  },
  {
    operation: 'hearing',
    variant: 'hearing { responses { attachments } }',
    targets: RESPONSE_READ,
    run: async (w, c, t) => {
      const { id, attachmentId } = responseOf(w, t);
      return observe(
        await gql(w, c, 'query($id: ID!) { hearing(id: $id) { responses { id attachments { id url } } } }', { id: responseHearing(w, t).id }),
        'hearing',
        (value) => {
          const response = ((value as { responses?: Array<{ id: string; attachments: Array<{ id: string }> }> }).responses ?? []).find((r) => r.id === id);
          return Boolean(response && (!attachmentId || response.attachments.some((a) => a.id === attachmentId)));
        },
      );
    },
  },
  {
    operation: 'hearingLetterPoints',
    // A letter is read for whoever may read the uploaded file and file a response to the hearing
    // (the world's files are PDFs without text: allowed callers get that BAD_USER_INPUT).
    targets: { 'letter of Danske Patienter (hearing H)': RESPONSE_READ['response of Danske Patienter (hearing H)'], 'letter of Hjerteforeningen (hearing H)': RESPONSE_READ['response of Hjerteforeningen (hearing H)'] },
    run: async (w, c, t) =>
      observe(
        await gql(w, c, 'query($h: ID!, $a: ID!) { hearingLetterPoints(hearingId: $h, attachmentId: $a) { points { number } } }', { h: w.hearings.H.id, a: responseOf(w, t).attachmentId }),
        'hearingLetterPoints',
      ),
  },
  {
    operation: 'agreement',
    variant: 'agreement { paragraphAnchors orphanedAnchors }',
    // How many hearing comments point to each paragraph is the hearing's processing: its secretariat's.
    targets: AGREEMENT_CHANGE,
    run: async (w, c, t) =>
      observe(await gql(w, c, 'query($id: ID!) { agreement(id: $id) { id paragraphAnchors { blockId } orphanedAnchors { blockId } } }', { id: agreementOf(w, t).id }), 'agreement'),
  },
  {
    operation: 'hearingChangeTrace',
    // "What we said — what changed" follows the comments into later versions: the hearing's secretariat's.
    targets: HEARING_MANAGE,
    run: async (w, c, t) =>
      observe(await gql(w, c, 'query($h: ID!, $o: ID!) { hearingChangeTrace(hearingId: $h, organisationId: $o) { title entries { said } } }', { h: hearingOf(w, t).id, o: w.orgs.DP }), 'hearingChangeTrace'),
  },
  {
    operation: 'inputRoundChangeTrace',
    targets: ROUND_MANAGE,
    run: async (w, c, t) =>
      observe(
        await gql(w, c, 'query($r: ID!, $o: ID!) { inputRoundChangeTrace(roundId: $r, organisationId: $o) { title entries { said } } }', { r: roundOf(w, t), o: w.callerOrgs.hCluster }),
        'inputRoundChangeTrace',
      ),
  },
  {
    operation: 'hearing',
    variant: 'hearing { themes campaigns analysis replyTemplates }',
    targets: HEARING_MANAGE,
    run: async (w, c, t) =>
      observe(
        await gql(w, c, 'query($id: ID!) { hearing(id: $id) { themes { id label comments { id } } campaigns { id senders } analysis { computedAt } replyTemplates { id } } }', { id: hearingOf(w, t).id }),
        'hearing',
        (value) => Array.isArray((value as { themes?: unknown }).themes),
      ),
  },
  {
    operation: 'hearings',
    targets: HEARING_READ,
    run: async (w, c, t) => observe(await gql(w, c, '{ hearings { id title } }'), 'hearings', lists(hearingOf(w, t).id)),
  },
  {
    operation: 'hearingMemo',
    targets: HEARING_MANAGE,
    run: async (w, c, t) => observe(await gql(w, c, 'query($id: ID!) { hearingMemo(hearingId: $id) { html } }', { id: hearingOf(w, t).id }), 'hearingMemo'),
  },
  {
    operation: 'publicHearing',
    targets: { 'hearing H (open)': EVERYONE, 'hearing S (open)': EVERYONE },
    run: async (w, c, t) => observe(await gql(w, c, 'query($id: ID!) { publicHearing(id: $id) { id title content } }', { id: w.hearings[region(t)].id }), 'publicHearing'),
  },
  {
    operation: 'outbox',
    // The outbox holds mail: the agreement's secretariat sees all of it, anyone else (not an account
    // bound to a hearing) only what went to their own organisation, which tells nothing of an
    // agreement they may not read (README, "Decisions where the contract is silent").
    targets: { 'agreement Hovedstaden': BOUND_OUT, 'agreement Syddanmark': BOUND_OUT },
    run: async (w, c, t) => {
      const observed = observe(await gql(w, c, 'query($id: ID!) { outbox(agreementId: $id) { id subject } }', { id: agreementOf(w, t).id }), 'outbox', anyAnswer);
      if (observed.verdict !== 'allowed' || observed.code) return observed;
      // The secretariat sees every notification of the agreement, anyone else only its organisation's.
      const result = await gql(w, c, 'query($id: ID!) { outbox(agreementId: $id) { id } }', { id: agreementOf(w, t).id });
      const all = w.notifications[region(t)];
      const wanted = [...all.keys()].filter((id) => MANAGERS[region(t)].includes(c) || all.get(id) === w.callerOrgs[c]).sort();
      const got = ids(result.data?.outbox).filter((id) => all.has(id)).sort();
      if (JSON.stringify(got) !== JSON.stringify(wanted)) return unexpected(null, `outbox rows ${got.length}, wanted ${wanted.length}`);
      return { ...observed, detail: `${got.length} of the test's ${all.size} notifications` };
    },
  },
  {
    operation: 'invitationPreview',
    // The landing page of a link: anyone holding a live link sees what it is for; a withdrawn link tells nothing (null).
    targets: { 'Danske Patienter’s link to hearing H': EVERYONE, 'Kræftens Bekæmpelse’s withdrawn link to hearing H3': NOBODY },
    prepare: async (w, t) => {
      if (!t.includes('withdrawn')) return w.hearings.H.invitations.get(w.orgs.DP)?.link as string;
      const invitation = w.scratch.H.invitations.get(w.orgs.KB) as { id: string; link: string };
      await must(w.app, 'mutation($id: ID!) { withdrawHearingInvitation(invitationId: $id) { id } }', { id: invitation.id }, w.tokens.hSecretariat, 'withdraw');
      return invitation.link;
    },
    run: async (w, c, _t, link) =>
      observe(await gql(w, c, 'query($t: String!) { invitationPreview(token: $t) { organisationName hearingTitle closesAt } }', { t: link.split('/').pop() }), 'invitationPreview'),
  },
  {
    operation: 'inputRound',
    targets: ROUND_READ,
    run: async (w, c, t) => observe(await gql(w, c, 'query($id: ID!) { inputRound(id: $id) { id title participants { organisation { id } } } }', { id: roundOf(w, t) }), 'inputRound'),
  },
  {
    operation: 'inputRound',
    variant: 'inputRound { inputs } before the deadline',
    targets: { 'input of cluster Nord (round H)': [...MANAGERS.H, 'hCluster'], 'input of cluster Midt (round H)': MANAGERS.H },
    run: async (w, c, t) =>
      observe(
        await gql(w, c, 'query($id: ID!) { inputRound(id: $id) { inputs { id items { text } } } }', { id: w.rounds.H }),
        'inputRound',
        (value) => ids((value as { inputs?: unknown }).inputs).includes(t.includes('Nord') ? w.inputs.Nord.id : w.inputs.Midt.id),
      ),
  },
  {
    operation: 'inputItemsForBlocks',
    targets: AGREEMENT_TARGETS,
    run: async (w, c, t) =>
      observe(
        await gql(w, c, 'query($id: ID!, $b: [ID!]!) { inputItemsForBlocks(agreementId: $id, blockIds: $b) { id text } }', { id: agreementOf(w, t).id, b: w.blockIds }),
        'inputItemsForBlocks',
        anyAnswer,
      ),
  },
];

const SUBSCRIPTIONS: Row[] = [
  {
    operation: 'draftCommentThreadChanged',
    targets: AGREEMENT_TARGETS,
    run: (w, c, t) => {
      const agreementId = agreementOf(w, t).id;
      return observeSubscription(w, c, 'subscription($id: ID!) { draftCommentThreadChanged(agreementId: $id) { threadId } }', { id: agreementId }, TOPICS.draftComments(agreementId), {
        draftCommentThreadChanged: { agreementId, threadId: UUID(), action: 'CREATED' },
      });
    },
  },
  {
    operation: 'approvalRecorded',
    targets: AGREEMENT_TARGETS,
    run: (w, c, t) => {
      const agreementId = agreementOf(w, t).id;
      return observeSubscription(w, c, 'subscription($id: ID!) { approvalRecorded(agreementId: $id) { id } }', { id: agreementId }, TOPICS.approval(agreementId), {
        approvalRecorded: { id: UUID(), agreementId, recordedAt: new Date().toISOString() },
      });
    },
  },
  {
    operation: 'clusterInputSubmitted',
    targets: AGREEMENT_CHANGE,
    run: (w, c, t) => {
      const agreementId = agreementOf(w, t).id;
      return observeSubscription(w, c, 'subscription($id: ID!) { clusterInputSubmitted(agreementId: $id) { id } }', { id: agreementId }, TOPICS.clusterInput(agreementId), {
        clusterInputSubmitted: { id: UUID(), agreementId },
      });
    },
  },
  {
    operation: 'hearingResponseReceived',
    targets: HEARING_MANAGE,
    run: (w, c, t) => {
      const hearingId = hearingOf(w, t).id;
      return observeSubscription(w, c, 'subscription($id: ID!) { hearingResponseReceived(hearingId: $id) { id } }', { id: hearingId }, TOPICS.hearingResponse(hearingId), {
        hearingResponseReceived: { id: UUID(), hearingId, receivedAt: new Date().toISOString() },
      });
    },
  },
];

/** Every route of the controllers under /files, as `METHOD /files/path` with Nest's parameters. */
const FILE_ROUTES = [
  'POST /files/imports/preview',
  'POST /files/imports/confirm',
  'POST /files/agreements/:id/word-suggestions/preview',
  'POST /files/agreements/:id/word-suggestions/confirm',
  'GET /files/agreements/:id/agreement.docx',
  'GET /files/agreements/:id/compare.docx',
  'GET /files/agreements/:id/agreement.pdf',
  'GET /files/agreements/:id/agreement.html',
  'GET /files/input-rounds/:id.docx',
  'POST /files/attachments',
  'GET /files/attachments/:id',
  'GET /files/hearing-responses/:id/receipt.pdf',
  'GET /files/hearings/:id/memo.pdf',
  'GET /files/hearings/:id/memo.docx',
  'GET /files/hearings/:id/trace/:organisationId.docx',
  'GET /files/input-rounds/:id/trace/:organisationId.docx',
] as const;

const FILE_READS: Row[] = [
  {
    operation: 'POST /files/imports/preview',
    targets: { 'a Word document (no region)': ['hSecretariat', 'sSecretariat', 'admin'] },
    run: async (w, c) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(w.docx)]), 'aftale.docx');
      return observeHttp(await fetch(`${w.app.url}/files/imports/preview`, { method: 'POST', body: form, headers: bearer(w.tokens[c]) }));
    },
  },
  {
    operation: 'POST /files/agreements/:id/word-suggestions/preview',
    // Those who may suggest in the draft: whoever reads it (ADMIN too), nobody of another region.
    targets: AGREEMENT_TARGETS,
    run: async (w, c, t) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(w.suggestionDocx[region(t)])]), 'udkast.docx');
      return observeHttp(await fetch(`${w.app.url}/files/agreements/${agreementOf(w, t).id}/word-suggestions/preview`, { method: 'POST', body: form, headers: bearer(w.tokens[c]) }));
    },
  },
  ...(['agreement.docx', 'agreement.pdf', 'agreement.html'] as const).map(
    (file): Row => ({
      operation: `GET /files/agreements/:id/${file}`,
      targets: AGREEMENT_TARGETS,
      run: (w, c, t) => get(w, c, `/files/agreements/${agreementOf(w, t).id}/${file}`),
    }),
  ),
  {
    operation: 'GET /files/agreements/:id/compare.docx',
    targets: AGREEMENT_TARGETS,
    run: (w, c, t) => {
      const a = agreementOf(w, t);
      return get(w, c, `/files/agreements/${a.id}/compare.docx?from=${a.versionId}&to=${a.laterVersionId}`);
    },
  },
  {
    operation: 'GET /files/input-rounds/:id.docx',
    targets: ROUND_MANAGE,
    run: (w, c, t) => get(w, c, `/files/input-rounds/${roundOf(w, t)}.docx`),
  },
  {
    operation: 'GET /files/attachments/:id',
    targets: {
      'attachment of Danske Patienter’s response (hearing H)': RESPONSE_READ['response of Danske Patienter (hearing H)'],
      'attachment of Hjerteforeningen’s response (hearing H)': RESPONSE_READ['response of Hjerteforeningen (hearing H)'],
      // Uploaded by Syddanmark's secretariat and registered as Ældre Sagen's letter: the response's readers.
      'letter Syddanmark’s secretariat registered for Ældre Sagen (hearing S)': RESPONSE_READ['response of Ældre Sagen (hearing S)'],
    },
    run: (w, c, t) => get(w, c, `/files/attachments/${responseOf(w, t).attachmentId}`),
  },
  {
    // A decision document is part of the approvals: their readers read it, whoever uploaded it.
    operation: 'GET /files/attachments/:id',
    targets: {
      'decision document Hovedstaden’s secretariat uploaded for Herlev’s approval': READERS.H,
      'decision document Syddanmark’s secretariat uploaded for Odense’s approval': READERS.S,
    },
    run: (w, c, t) => get(w, c, `/files/attachments/${w.decisionDocuments[region(t)]}`),
  },
  {
    operation: 'GET /files/hearing-responses/:id/receipt.pdf',
    targets: RESPONSE_READ,
    run: (w, c, t) => get(w, c, `/files/hearing-responses/${responseOf(w, t).id}/receipt.pdf`),
  },
  {
    operation: 'GET /files/hearings/:id/trace/:organisationId.docx',
    targets: HEARING_MANAGE,
    run: (w, c, t) => get(w, c, `/files/hearings/${hearingOf(w, t).id}/trace/${w.orgs.DP}.docx`),
  },
  {
    operation: 'GET /files/input-rounds/:id/trace/:organisationId.docx',
    targets: ROUND_MANAGE,
    run: (w, c, t) => get(w, c, `/files/input-rounds/${roundOf(w, t)}/trace/${w.callerOrgs.hCluster}.docx`),
  },
  ...(['memo.pdf', 'memo.docx'] as const).map(
    (file): Row => ({
      operation: `GET /files/hearings/:id/${file}`,
      targets: { 'hearing H (Danske Patienter, Hjerteforeningen invited)': MANAGERS.H, 'hearing S (Syddanmark, Ældre Sagen invited)': MANAGERS.S },
      run: (w, c, t) => get(w, c, `/files/hearings/${hearingOf(w, t).id}/${file}`),
    }),
  ),
];

const COLLAB: Row[] = [
  { operation: '/collab read', targets: AGREEMENT_TARGETS, run: (w, c, t) => observeCollab(w, c, agreementOf(w, t).documentName, false) },
  { operation: '/collab write', targets: AGREEMENT_CHANGE, run: (w, c, t) => observeCollab(w, c, agreementOf(w, t).documentName, true) },
  // Whoever may read the live draft may suggest changes to it (issue 17); another region may not even open it.
  { operation: '/collab suggest', targets: AGREEMENT_TARGETS, run: (w, c, t) => observeCollabSuggestion(w, c, agreementOf(w, t).documentName) },
];

const mutation = (w: World, c: Caller, field: string, query: string, variables: Record<string, unknown>) => gql(w, c, query, variables).then((r) => observe(r, field));

/**
 * The matrix asks who may accept a link, not how often: the shared count of acceptances per link
 * and per address (invitation-codes.spec.ts tests those limits) starts again before each use.
 */
const forgetAcceptances = (w: World) => w.db.query(`DELETE FROM rate_limits WHERE key LIKE 'invitation-accept-%'`);

/**
 * A new session of the caller's own account (for the session operations, which end or rotate the
 * session they are given, so the world's tokens stay usable): a fresh login for a demo account,
 * a new account through the same invitation link for the link account, none for anonymous.
 */
async function freshSession(w: World, c: Caller): Promise<{ token: string; refreshToken: string } | null> {
  if (c === 'anonymous') return null;
  if (c === 'linkAccount') {
    await forgetAcceptances(w);
    const link = w.hearings.H.invitations.get(w.orgs.HF)?.link as string;
    const email = `${unique('fresh')}@hjerteforeningen.test`;
    const accepted = await must(w.app, ACCEPT_INVITATION, { i: { token: link.split('/').pop(), name: 'Hanne Hjerte', email } }, undefined, 'accept');
    const code = await mailedCode(w.db, email);
    const confirmed = await must(
      w.app,
      'mutation($i: ConfirmInvitationInput!) { confirmHearingInvitation(input: $i) { token refreshToken } }',
      { i: { acceptanceId: accepted.acceptHearingInvitation.acceptanceId, code } },
      undefined,
      'confirm',
    );
    return confirmed.confirmHearingInvitation as { token: string; refreshToken: string };
  }
  const email = DEMO_ACCOUNTS[c as keyof typeof DEMO_ACCOUNTS];
  const login = await must(w.app, 'mutation($e: String!) { login(email: $e, password: "demo1234") { token refreshToken } }', { e: email }, undefined, 'login');
  return login.login as { token: string; refreshToken: string };
}

/** Waits until no analysis of a hearing is waiting or running, so what a cell prepares is not replaced under it. */
async function analysisSettled(w: World): Promise<void> {
  await waitForAsync(
    async () => (await w.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'hearing-analysis' AND state IN ('created', 'retry', 'active')`)).rows[0].n === 0,
    30_000,
    'the hearing analysis to settle',
  );
}

/** A theme of the target's hearing holding the target's comment (the hearing's themes marked as edited, so the job keeps it). */
async function prepareTheme(w: World, target: string): Promise<string> {
  await analysisSettled(w);
  const hearing = region(target) === 'S' ? w.hearings.S : w.hearings.H;
  const comment = (region(target) === 'S' ? w.responses.S : w.responses.DP).commentId;
  await w.db.query(
    `INSERT INTO "hearing_analyses" ("hearing_id", "responses", "comments", "duration_ms", "themes_edited_at") VALUES ($1, 0, 0, 0, now())
     ON CONFLICT ("hearing_id") DO UPDATE SET "themes_edited_at" = now()`,
    [hearing.id],
  );
  const theme = (await w.db.query<{ id: string }>(`INSERT INTO "hearing_themes" ("hearing_id", "label", "position") VALUES ($1, $2, 1000) RETURNING "id"`, [hearing.id, unique('Tema')])).rows[0];
  await w.db.query(
    `INSERT INTO "hearing_theme_comments" ("comment_id", "theme_id") VALUES ($1, $2) ON CONFLICT ("comment_id") DO UPDATE SET "theme_id" = EXCLUDED."theme_id"`,
    [comment, theme.id],
  );
  return theme.id;
}

/** A campaign of the target's hearing holding the target's response. */
async function prepareCampaign(w: World, target: string): Promise<string> {
  await analysisSettled(w);
  const hearing = region(target) === 'S' ? w.hearings.S : w.hearings.H;
  const response = (region(target) === 'S' ? w.responses.S : w.responses.DP).id;
  const campaign = (await w.db.query<{ id: string }>(`INSERT INTO "hearing_campaigns" ("id", "hearing_id", "sample_text", "position") VALUES (gen_random_uuid(), $1, 'Kampagne', 1000) RETURNING "id"`, [hearing.id])).rows[0];
  await w.db.query(
    `INSERT INTO "hearing_campaign_responses" ("response_id", "campaign_id") VALUES ($1, $2) ON CONFLICT ("response_id") DO UPDATE SET "campaign_id" = EXCLUDED."campaign_id"`,
    [response, campaign.id],
  );
  return campaign.id;
}

const THEME_TARGETS = { 'a theme of hearing H (Danske Patienter’s comment)': MANAGERS.H, 'a theme of hearing S (Ældre Sagen’s comment)': MANAGERS.S };

const MUTATIONS: Row[] = [
  {
    operation: 'logout',
    // Public: it ends the session it is given (none for anonymous) and clears the cookies.
    targets: { 'a session of the caller’s own account': EVERYONE },
    run: async (w, c) => {
      const session = await freshSession(w, c);
      const observed = observe(await w.app.gql('mutation { logout }', {}, session?.token), 'logout');
      if (session && observed.verdict === 'allowed') {
        const after = await w.app.gql('{ me { id } }', {}, session.token);
        if (after.errors?.[0]?.extensions?.code !== 'UNAUTHENTICATED') return unexpected(null, `the session still works after logout: ${JSON.stringify(after)}`);
      }
      return observed;
    },
  },
  {
    operation: 'refreshSession',
    // The holder of a session's refresh token gets a new access token; anonymous holds none, and an
    // account made from an invitation link gets none (its session moves into the cookie at once).
    targets: { 'the refresh token of the caller’s own session': BOUND_OUT },
    run: async (w, c) => {
      // The link account has no refresh token to present: a made-up one stands for it.
      const session = c === 'linkAccount' ? null : await freshSession(w, c);
      return observe(
        await w.app.gql('mutation($r: String!) { refreshSession(refreshToken: $r) { token } }', { r: session?.refreshToken ?? `${UUID()}.not-a-secret` }),
        'refreshSession',
      );
    },
  },
  {
    operation: 'useSessionCookie',
    // Moves a bearer session into the cookie: any signed-in account, the link account too (its web page does).
    targets: { 'a session of the caller’s own account': SIGNED_IN },
    run: async (w, c) => {
      const session = await freshSession(w, c);
      return observe(await w.app.gql('mutation { useSessionCookie }', {}, session?.token), 'useSessionCookie');
    },
  },
  {
    operation: 'collaborationToken',
    // Only for a document the caller may read (NOT_FOUND otherwise, as for no document).
    targets: AGREEMENT_TARGETS,
    run: (w, c, t) => mutation(w, c, 'collaborationToken', 'mutation($d: String!) { collaborationToken(documentName: $d) { token readOnly } }', { d: agreementOf(w, t).documentName }),
  },
  {
    operation: 'login',
    targets: { 'a demo account’s own password': EVERYONE },
    run: (w, c) => mutation(w, c, 'login', 'mutation($e: String!) { login(email: $e, password: "demo1234") { token } }', { e: DEMO_ACCOUNTS.sMunicipality }),
  },
  {
    operation: 'acceptHearingInvitation',
    targets: { 'a fresh link (new e-mail)': EVERYONE, 'a withdrawn link': NOBODY },
    prepare: async (w, t) => {
      await forgetAcceptances(w);
      const invitation = w.scratch.links.invitations.get(w.orgs.DF)?.id as string;
      const hSec = w.tokens.hSecretariat;
      const link = (await must(w.app, 'mutation($id: ID!) { reissueHearingInvitation(invitationId: $id) { link } }', { id: invitation }, hSec, 'reissue')).reissueHearingInvitation.link as string;
      if (t === 'a withdrawn link') await must(w.app, 'mutation($id: ID!) { withdrawHearingInvitation(invitationId: $id) { id } }', { id: invitation }, hSec, 'withdraw');
      return link;
    },
    run: async (w, c, _t, link) => {
      return mutation(w, c, 'acceptHearingInvitation', 'mutation($i: AcceptInvitationInput!) { acceptHearingInvitation(input: $i) { acceptanceId } }', {
        i: { token: link.split('/').pop(), name: 'Dorte Diabetes', email: `${unique('accept')}@diabetes.test` },
      });
    },
  },
  {
    operation: 'confirmHearingInvitation',
    // Whoever holds the mailed code confirms the account it was sent for; a withdrawn link's code is dead.
    targets: { 'the code mailed for a fresh link': EVERYONE, 'the code of a withdrawn link': NOBODY },
    prepare: async (w, t) => {
      await forgetAcceptances(w);
      const invitation = w.scratch.links.invitations.get(w.orgs.DF)?.id as string;
      const hSec = w.tokens.hSecretariat;
      const link = (await must(w.app, 'mutation($id: ID!) { reissueHearingInvitation(invitationId: $id) { link } }', { id: invitation }, hSec, 'reissue')).reissueHearingInvitation.link as string;
      const email = `${unique('confirm')}@diabetes.test`;
      const accepted = await must(w.app, ACCEPT_INVITATION, { i: { token: link.split('/').pop(), name: 'Dorte Diabetes', email } }, undefined, 'accept');
      const code = await mailedCode(w.db, email);
      if (t === 'the code of a withdrawn link') await must(w.app, 'mutation($id: ID!) { withdrawHearingInvitation(invitationId: $id) { id } }', { id: invitation }, hSec, 'withdraw');
      return JSON.stringify({ acceptanceId: accepted.acceptHearingInvitation.acceptanceId, code });
    },
    run: async (w, c, _t, prepared) =>
      mutation(w, c, 'confirmHearingInvitation', 'mutation($i: ConfirmInvitationInput!) { confirmHearingInvitation(input: $i) { hearingId } }', { i: JSON.parse(prepared) }),
  },
  {
    operation: 'createAgreement',
    targets: { 'region Hovedstaden': MANAGERS.H, 'region Syddanmark': MANAGERS.S },
    run: (w, c, t) =>
      mutation(w, c, 'createAgreement', 'mutation($i: CreateAgreementInput!) { createAgreement(input: $i) { id } }', {
        i: { regionId: w.regions[region(t)], title: unique('Aftale'), periodStart: 2032, periodEnd: 2035, effectiveDate: '2032-01-01' },
      }),
  },
  {
    operation: 'createMilestone',
    targets: AGREEMENT_CHANGE,
    run: (w, c, t) =>
      mutation(w, c, 'createMilestone', 'mutation($i: CreateMilestoneInput!) { createMilestone(input: $i) { id } }', {
        i: { agreementId: agreementOf(w, t).id, title: unique('Møde'), kind: 'MEETING', date: '2027-03-01' },
      }),
  },
  {
    operation: 'createVersion',
    targets: AGREEMENT_CHANGE,
    run: (w, c, t) => mutation(w, c, 'createVersion', 'mutation($i: CreateVersionInput!) { createVersion(input: $i) { id } }', { i: { agreementId: agreementOf(w, t).id, label: unique('Udkast') } }),
  },
  {
    operation: 'decideSuggestions',
    targets: AGREEMENT_CHANGE,
    prepare: (w, t) => placeSuggestion(w, t),
    run: (w, c, t, suggestionId) =>
      mutation(w, c, 'decideSuggestions', 'mutation($i: DecideSuggestionsInput!) { decideSuggestions(input: $i) { decided } }', {
        i: { agreementId: agreementOf(w, t).id, suggestionIds: [suggestionId], accept: false },
      }),
  },
  {
    operation: 'restoreVersion',
    targets: { 'version 2 of agreement Hovedstaden': MANAGERS.H, 'version 2 of agreement Syddanmark': MANAGERS.S },
    run: (w, c, t) => mutation(w, c, 'restoreVersion', 'mutation($id: ID!) { restoreVersion(versionId: $id) { id } }', { id: agreementOf(w, t).laterVersionId }),
  },
  {
    operation: 'setAgreementPhase',
    targets: AGREEMENT_CHANGE,
    run: async (w, c, t) => {
      const id = agreementOf(w, t).id;
      const phase = (await w.db.query<{ phase: string }>('SELECT "phase" FROM "agreements" WHERE "id" = $1', [id])).rows[0].phase;
      return mutation(w, c, 'setAgreementPhase', 'mutation($i: SetAgreementPhaseInput!) { setAgreementPhase(input: $i) { id } }', { i: { agreementId: id, phase } });
    },
  },
  {
    operation: 'openInputRound',
    targets: AGREEMENT_CHANGE,
    run: (w, c, t) =>
      mutation(w, c, 'openInputRound', 'mutation($i: OpenInputRoundInput!) { openInputRound(input: $i) { id } }', {
        i: { agreementId: agreementOf(w, t).id, title: unique('Runde'), deadline: inHours(24 * 10), clusterIds: [region(t) === 'S' ? w.clusters.Fyn : w.clusters.Nord] },
      }),
  },
  {
    operation: 'extendInputRoundDeadline',
    targets: ROUND_MANAGE,
    run: (w, c, t) =>
      mutation(w, c, 'extendInputRoundDeadline', 'mutation($i: ExtendInputRoundDeadlineInput!) { extendInputRoundDeadline(input: $i) { id } }', {
        i: { roundId: roundOf(w, t), deadline: laterDeadline(), reason: 'Sommerferie' },
      }),
  },
  ...(['saveClusterInputDraft', 'submitClusterInput'] as const).map(
    (field): Row => ({
      operation: field,
      targets: { 'as cluster Nord (round H)': ['hCluster'], 'as cluster Midt (round H)': NOBODY, 'as cluster Fyn (round S)': NOBODY },
      run: (w, c, t) => {
        const input = field === 'saveClusterInputDraft' ? 'SaveClusterInputDraftInput' : 'SubmitClusterInputInput';
        const cluster = t.includes('Nord') ? w.clusters.Nord : t.includes('Midt') ? w.clusters.Midt : w.clusters.Fyn;
        return mutation(w, c, field, `mutation($i: ${input}!) { ${field}(input: $i) { id } }`, {
          i: { roundId: roundOf(w, t), clusterId: cluster, items: [{ theme: 'Matrix', text: unique('Input') }] },
        });
      },
    }),
  ),
  {
    operation: 'assessInputItem',
    targets: { 'an item of cluster Nord (round H)': MANAGERS.H },
    run: (w, c) =>
      mutation(w, c, 'assessInputItem', 'mutation($i: AssessInputItemInput!) { assessInputItem(input: $i) { id } }', { i: { itemId: w.inputs.Nord.itemId, outcome: 'NOTED', reason: unique('Noteret') } }),
  },
  {
    operation: 'openHearing',
    targets: { 'version 1 of agreement Hovedstaden': MANAGERS.H, 'version 1 of agreement Syddanmark': MANAGERS.S },
    run: (w, c, t) =>
      mutation(w, c, 'openHearing', 'mutation($i: OpenHearingInput!) { openHearing(input: $i) { id } }', {
        i: { versionId: agreementOf(w, t).versionId, title: unique('Høring'), opensAt: inHours(1), closesAt: inHours(24 * 14), invitedOrganisationIds: [w.orgs.LF] },
      }),
  },
  {
    operation: 'extendHearingDeadline',
    targets: { 'hearing H (Danske Patienter, Hjerteforeningen invited)': MANAGERS.H, 'hearing S (Syddanmark, Ældre Sagen invited)': MANAGERS.S },
    run: (w, c, t) =>
      mutation(w, c, 'extendHearingDeadline', 'mutation($i: ExtendHearingDeadlineInput!) { extendHearingDeadline(input: $i) { id } }', {
        i: { hearingId: hearingOf(w, t).id, closesAt: laterDeadline(), reason: 'Sommerferie' },
      }),
  },
  ...(['withdrawHearingInvitation', 'reissueHearingInvitation'] as const).map(
    (field): Row => ({
      operation: field,
      targets: { 'an invitation to a hearing of Hovedstaden': MANAGERS.H, 'an invitation to a hearing of Syddanmark': MANAGERS.S },
      run: (w, c, t) => {
        const hearing = region(t) === 'S' ? w.scratch.S : w.scratch.H;
        const org = field === 'withdrawHearingInvitation' ? (region(t) === 'S' ? w.orgs.AS : w.orgs.KB) : w.orgs.LF;
        return mutation(w, c, field, `mutation($id: ID!) { ${field}(invitationId: $id) { id } }`, { id: hearing.invitations.get(org)?.id });
      },
    }),
  ),
  ...(['submitHearingResponse', 'saveHearingResponseDraft'] as const).map(
    (field): Row => ({
      operation: field,
      targets: {
        'for Danske Patienter in hearing H3 (invited, not yet answered)': ['invitedOrganisation'],
        'for Danske Patienter in hearing H2 (not invited)': NOBODY,
        'for Hjerteforeningen in hearing H (the link’s hearing)': ['linkAccount'],
        'for Hjerteforeningen in hearing H3 (invited, not the link’s hearing)': NOBODY,
        'for Ældre Sagen in hearing S': NOBODY,
      },
      run: (w, c, t) => {
        const hearingId = (t.includes('hearing H3') ? w.scratch.H : t.includes('hearing H2') ? w.hearings.H2 : t.includes('hearing S') ? w.hearings.S : w.hearings.H).id;
        const organisationId = t.includes('Danske') ? w.orgs.DP : t.includes('Hjerte') ? w.orgs.HF : w.orgs.AS;
        if (field === 'saveHearingResponseDraft') {
          return mutation(w, c, field, 'mutation($i: SaveHearingDraftInput!) { saveHearingResponseDraft(input: $i) }', { i: { hearingId, organisationId, content: '{"summary":"kladde"}' } });
        }
        return mutation(w, c, field, 'mutation($i: SubmitHearingResponseInput!) { submitHearingResponse(input: $i) { id } }', {
          i: { hearingId, organisationId, idempotencyKey: unique('svar'), comments: [{ text: 'Matrix.' }], publish: false },
        });
      },
    }),
  ),
  {
    operation: 'registerLateHearingResponse',
    targets: { 'for Diabetesforeningen (invited to hearing H2)': MANAGERS.H, 'for Ældre Sagen (invited to hearing S)': MANAGERS.S },
    run: (w, c, t) => {
      const [hearingId, organisationId] = region(t) === 'S' ? [w.hearings.S.id, w.orgs.AS] : [w.hearings.H2.id, w.orgs.DF];
      return mutation(w, c, 'registerLateHearingResponse', 'mutation($i: SubmitHearingResponseInput!) { registerLateHearingResponse(input: $i) { id } }', {
        i: { hearingId, organisationId, idempotencyKey: unique('brev'), comments: [{ text: 'Pr. brev.' }], publish: false },
      });
    },
  },
  {
    operation: 'replyToHearingComment',
    targets: { 'a comment of Danske Patienter (hearing H)': MANAGERS.H, 'a comment of Ældre Sagen (hearing S)': MANAGERS.S },
    run: (w, c, t) =>
      mutation(w, c, 'replyToHearingComment', 'mutation($i: ReplyInput!) { replyToHearingComment(input: $i) { id } }', {
        i: { commentId: (region(t) === 'S' ? w.responses.S : w.responses.DP).commentId, reply: unique('Tak'), outcome: 'NOTED' },
      }),
  },
  {
    operation: 'replyToHearingResponse',
    targets: { 'the general remarks of Danske Patienter (hearing H)': MANAGERS.H, 'the general remarks of Ældre Sagen (hearing S)': MANAGERS.S },
    run: (w, c, t) =>
      mutation(w, c, 'replyToHearingResponse', 'mutation($i: ResponseReplyInput!) { replyToHearingResponse(input: $i) { id } }', {
        i: { responseId: (region(t) === 'S' ? w.responses.S : w.responses.DP).id, reply: unique('Tak'), outcome: 'NOTED' },
      }),
  },
  {
    operation: 'replyToHearingComments',
    targets: { 'a comment of Danske Patienter (hearing H)': MANAGERS.H, 'a comment of Ældre Sagen (hearing S)': MANAGERS.S },
    run: (w, c, t) =>
      mutation(w, c, 'replyToHearingComments', 'mutation($i: BulkReplyInput!) { replyToHearingComments(input: $i) { id } }', {
        i: { commentIds: [(region(t) === 'S' ? w.responses.S : w.responses.DP).commentId], reply: unique('Tak til alle'), outcome: 'NOTED' },
      }),
  },
  {
    operation: 'replyToHearingCampaign',
    targets: { 'a campaign of hearing H (Danske Patienter’s response)': MANAGERS.H, 'a campaign of hearing S (Ældre Sagen’s response)': MANAGERS.S },
    prepare: prepareCampaign,
    run: (w, c, _t, campaignId) =>
      mutation(w, c, 'replyToHearingCampaign', 'mutation($i: CampaignReplyInput!) { replyToHearingCampaign(input: $i) { id } }', { i: { campaignId, reply: unique('Tak'), outcome: 'NOTED' } }),
  },
  {
    operation: 'renameHearingTheme',
    targets: THEME_TARGETS,
    prepare: prepareTheme,
    run: (w, c, _t, themeId) => mutation(w, c, 'renameHearingTheme', 'mutation($i: RenameHearingThemeInput!) { renameHearingTheme(input: $i) { id } }', { i: { themeId, label: unique('Navn') } }),
  },
  {
    operation: 'mergeHearingThemes',
    targets: THEME_TARGETS,
    prepare: async (w, t) => `${await prepareTheme(w, t)},${await prepareTheme(w, t)}`,
    run: (w, c, _t, ids) => mutation(w, c, 'mergeHearingThemes', 'mutation($i: MergeHearingThemesInput!) { mergeHearingThemes(input: $i) { id } }', { i: { themeIds: ids.split(',') } }),
  },
  {
    operation: 'moveCommentsToTheme',
    targets: THEME_TARGETS,
    prepare: prepareTheme,
    run: (w, c, t, themeId) =>
      mutation(w, c, 'moveCommentsToTheme', 'mutation($i: MoveCommentsToThemeInput!) { moveCommentsToTheme(input: $i) { id } }', {
        i: { commentIds: [(region(t) === 'S' ? w.responses.S : w.responses.DP).commentId], themeId },
      }),
  },
  {
    operation: 'saveReplyTemplate',
    targets: { 'the templates of Region Hovedstaden (hearing H)': MANAGERS.H, 'the templates of Region Syddanmark (hearing S)': MANAGERS.S },
    run: (w, c, t) =>
      mutation(w, c, 'saveReplyTemplate', 'mutation($i: SaveReplyTemplateInput!) { saveReplyTemplate(input: $i) { id } }', {
        i: { hearingId: (region(t) === 'S' ? w.hearings.S : w.hearings.H).id, title: unique('Skabelon'), body: 'Tak for bemærkningen.' },
      }),
  },
  {
    operation: 'deleteReplyTemplate',
    targets: { 'a template of Region Hovedstaden': MANAGERS.H, 'a template of Region Syddanmark': MANAGERS.S },
    prepare: async (w, t) =>
      (await w.db.query<{ id: string }>(`INSERT INTO "reply_templates" ("region_id", "title", "body") VALUES ($1, $2, 'Tak.') RETURNING "id"`, [w.regions[region(t)], unique('Skabelon')])).rows[0].id,
    run: (w, c, _t, id) => mutation(w, c, 'deleteReplyTemplate', 'mutation($id: ID!) { deleteReplyTemplate(id: $id) { id } }', { id }),
  },
  {
    operation: 'publishHearingMemo',
    // The test hearings are open: the secretariat's publication is refused as too early (CONFLICT), anyone else's as not theirs.
    targets: { 'hearing H (Danske Patienter, Hjerteforeningen invited)': MANAGERS.H, 'hearing S (Syddanmark, Ældre Sagen invited)': MANAGERS.S },
    run: (w, c, t) => mutation(w, c, 'publishHearingMemo', 'mutation($i: PublishHearingMemoInput!) { publishHearingMemo(input: $i) { id } }', { i: { hearingId: hearingOf(w, t).id } }),
  },
  {
    operation: 'recordApproval',
    targets: {
      'Gladsaxe’s approval of agreement Hovedstaden': [...MANAGERS.H, 'hMunicipality'],
      'Herlev’s approval of agreement Hovedstaden': MANAGERS.H,
      'Odense’s approval of agreement Syddanmark': [...MANAGERS.S, 'sMunicipality'],
    },
    run: (w, c, t) => {
      const organisationId = t.startsWith('Gladsaxe') ? w.orgs.Gladsaxe : t.startsWith('Herlev') ? w.orgs.Herlev : w.orgs.Odense;
      return mutation(w, c, 'recordApproval', 'mutation($i: RecordApprovalInput!) { recordApproval(input: $i) { id } }', {
        i: { agreementId: agreementOf(w, t).id, organisationId, decision: 'APPROVED', decidedAt: '2027-06-01' },
      });
    },
  },
  {
    operation: 'createDraftCommentThread',
    targets: AGREEMENT_TARGETS,
    run: (w, c, t) =>
      mutation(w, c, 'createDraftCommentThread', 'mutation($i: CreateDraftCommentThreadInput!) { createDraftCommentThread(input: $i) { id } }', { i: draftCommentInput(agreementOf(w, t).id, `Kommentar fra ${c}`) }),
  },
  {
    operation: 'replyToDraftCommentThread',
    targets: DRAFT_THREAD_TARGETS,
    prepare: (w, t) => draftThreadOf(w, t),
    run: (w, c, _t, id) => mutation(w, c, 'replyToDraftCommentThread', 'mutation($i: ReplyToDraftCommentThreadInput!) { replyToDraftCommentThread(input: $i) { id } }', { i: { threadId: id, text: `Svar fra ${c}` } }),
  },
  {
    operation: 'resolveDraftCommentThread',
    targets: DRAFT_THREAD_TARGETS,
    prepare: (w, t) => draftThreadOf(w, t, 'OPEN'),
    run: (w, c, _t, id) => mutation(w, c, 'resolveDraftCommentThread', 'mutation($id: ID!) { resolveDraftCommentThread(threadId: $id) { id status } }', { id }),
  },
  {
    operation: 'reopenDraftCommentThread',
    targets: DRAFT_THREAD_TARGETS,
    prepare: (w, t) => draftThreadOf(w, t, 'RESOLVED'),
    run: (w, c, _t, id) => mutation(w, c, 'reopenDraftCommentThread', 'mutation($id: ID!) { reopenDraftCommentThread(threadId: $id) { id status } }', { id }),
  },
  {
    operation: 'lockFinalVersion',
    targets: AGREEMENT_CHANGE,
    run: (w, c, t) =>
      mutation(w, c, 'lockFinalVersion', 'mutation($i: LockFinalVersionInput!) { lockFinalVersion(input: $i) { id } }', {
        i: { agreementId: agreementOf(w, t).id, versionId: agreementOf(w, t).versionId },
      }),
  },
];

const FILE_WRITES: Row[] = [
  {
    operation: 'POST /files/imports/confirm',
    targets: { 'into agreement Hovedstaden': MANAGERS.H, 'into agreement Syddanmark': MANAGERS.S },
    run: async (w, c, t) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(w.docx)]), 'aftale.docx');
      form.append('importId', createHash('sha256').update(w.docx).digest('hex'));
      form.append('kinds', w.importKinds);
      form.append('target', 'EXISTING_AGREEMENT');
      form.append('agreementId', agreementOf(w, t).id);
      return observeHttp(await fetch(`${w.app.url}/files/imports/confirm`, { method: 'POST', body: form, headers: bearer(w.tokens[c]) }));
    },
  },
  {
    operation: 'POST /files/agreements/:id/word-suggestions/confirm',
    targets: { 'into agreement Hovedstaden': READERS.H, 'into agreement Syddanmark': READERS.S },
    run: async (w, c, t) => {
      const docx = w.suggestionDocx[region(t)];
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(docx)]), 'udkast.docx');
      form.append('importId', createHash('sha256').update(docx).digest('hex'));
      return observeHttp(await fetch(`${w.app.url}/files/agreements/${agreementOf(w, t).id}/word-suggestions/confirm`, { method: 'POST', body: form, headers: bearer(w.tokens[c]) }));
    },
  },
  {
    operation: 'POST /files/attachments',
    targets: { 'a PDF for the caller’s own organisation': SIGNED_IN },
    run: async (w, c) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(TINY_PDF)], { type: 'application/pdf' }), 'bilag.pdf');
      return observeHttp(await fetch(`${w.app.url}/files/attachments`, { method: 'POST', body: form, headers: bearer(w.tokens[c]) }));
    },
  },
];

const READ_ROWS = [...QUERIES, ...FILE_READS, ...SUBSCRIPTIONS, ...COLLAB];
const WRITE_ROWS = [...MUTATIONS, ...FILE_WRITES].map((row) => ({ ...row, writes: true }));
const ROWS = [...READ_ROWS, ...WRITE_ROWS];

// ---------------------------------------------------------------------------------------------
// Completeness: every operation has a row, every row an operation
// ---------------------------------------------------------------------------------------------

const schemaOperations = (): string[] => {
  const schema = buildSchema(readFileSync(path.resolve(__dirname, '../schema.gql'), 'utf8'));
  return ['Query', 'Mutation', 'Subscription'].flatMap((type) => {
    const object = schema.getType(type);
    return object instanceof GraphQLObjectType ? Object.keys(object.getFields()) : [];
  });
};

/** `METHOD /prefix/path` of every @Get/@Post/… of every controller under src, read from the source. */
const controllerRoutes = (): string[] => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.controller.ts')) files.push(full);
    }
  };
  walk(path.resolve(__dirname, '../src'));
  return files.flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    const prefix = /@Controller\(\s*'([^']*)'\s*\)/.exec(source)?.[1] ?? '';
    return [...source.matchAll(/@(Get|Post|Put|Patch|Delete)\(\s*(?:'([^']*)')?\s*\)/g)].map(([, method, route]) => `${method.toUpperCase()} /${[prefix, route].filter(Boolean).join('/')}`);
  });
};

const COLLAB_OPERATIONS = ['/collab read', '/collab write', '/collab suggest'];

// ---------------------------------------------------------------------------------------------
// The cells
// ---------------------------------------------------------------------------------------------

interface Cell {
  name: string;
  row: Row;
  caller: Caller;
  target: string;
  expected: Verdict;
}

/** A row's cells; writes run their refused cells first, so an allowed write cannot change what a refusal meets. */
const cellsOf = (row: Row): Cell[] => {
  const cells = Object.entries(row.targets).flatMap(([target, callers]) =>
    CALLERS.map((caller): Cell => ({ name: `${row.variant ?? row.operation} × ${caller} × ${target}`, row, caller, target, expected: callers.includes(caller) ? 'allowed' : 'refused' })),
  );
  return row.writes ? [...cells.filter((c) => c.expected === 'refused'), ...cells.filter((c) => c.expected === 'allowed')] : cells;
};

const READ_CELLS = READ_ROWS.flatMap(cellsOf);
const WRITE_CELLS = WRITE_ROWS.flatMap(cellsOf);

interface ReportEntry {
  operation: string;
  variant?: string;
  caller: Caller;
  target: string;
  expected: Verdict;
  observed: Observed['verdict'] | 'n/a';
  code: string | null;
  detail?: string;
}

describe('the ownership matrix: every operation × every caller × own and other rows', () => {
  let app: TestApp;
  let db: Client;
  let world: World;
  const report: ReportEntry[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    world = await buildWorld(app, db);
  }, 120_000);

  afterAll(async () => {
    if (process.env.MATRIX_REPORT) {
      const operations = new Set(ROWS.map((r) => r.operation));
      writeFileSync(
        process.env.MATRIX_REPORT,
        JSON.stringify({ operations: operations.size, callers: CALLERS.length, cells: report.length, callerNotes: CALLER_NOTES, results: report }, null, 2),
      );
    }
    await db?.end();
    await app?.close();
  });

  describe('has a row for every operation', () => {
    it('every Query, Mutation and Subscription field of schema.gql has a row', () => {
      const covered = new Set(ROWS.map((r) => r.operation));
      expect(schemaOperations().filter((operation) => !covered.has(operation))).toEqual([]);
    });

    it('every file route of the controllers is in the list, and has a row', () => {
      const routes = controllerRoutes().filter((route) => route.startsWith('GET /files') || route.startsWith('POST /files') || / \/files/.test(route));
      expect(routes.filter((route) => !(FILE_ROUTES as readonly string[]).includes(route))).toEqual([]);
      const covered = new Set(ROWS.map((r) => r.operation));
      expect(FILE_ROUTES.filter((route) => !covered.has(route))).toEqual([]);
    });

    it('no row names an operation that no longer exists', () => {
      const known = new Set([...schemaOperations(), ...controllerRoutes(), ...COLLAB_OPERATIONS]);
      expect(ROWS.map((r) => r.operation).filter((operation) => !known.has(operation))).toEqual([]);
      expect(FILE_ROUTES.filter((route) => !controllerRoutes().includes(route))).toEqual([]);
    });

    it('has real rows on both sides: two regions’ agreements, hearings, responses and inputs', () => {
      expect(world.agreements.H.id).not.toBe(world.agreements.S.id);
      expect(new Set([world.hearings.H.id, world.hearings.H2.id, world.hearings.S.id]).size).toBe(3);
      expect(new Set([world.responses.DP.id, world.responses.HF.id, world.responses.S.id]).size).toBe(3);
      expect(world.inputs.Nord.id).not.toBe(world.inputs.Midt.id);
      expect(world.tokens.linkAccount).toBeTruthy();
      expect(world.blockIds.length).toBeGreaterThan(0);
      expect(JSON.parse(world.importKinds).length).toBeGreaterThan(0);
    });
  });

  const known = new Set([...schemaOperations(), ...controllerRoutes(), ...COLLAB_OPERATIONS]);

  /** Runs one cell; an operation the API does not have (yet) is n/a, and a harness failure is recorded, not hidden. */
  const observeCell = async (cell: Cell): Promise<Observed | { verdict: 'n/a'; code: null; detail?: string }> => {
    if (!known.has(cell.row.operation)) return { verdict: 'n/a', code: null, detail: 'the operation does not exist' };
    try {
      const prepared = cell.row.prepare ? await cell.row.prepare(world, cell.target) : '';
      const before = cell.row.writes && cell.expected === 'refused' ? await fingerprint(db) : null;
      const observed = await cell.row.run(world, cell.caller, cell.target, prepared);
      if (before && observed.verdict === 'refused') {
        const changed = changedTables(before, await fingerprint(db));
        if (changed.length) return unexpected(observed.code, `refused, but wrote to ${changed.join(', ')}`);
      }
      return observed;
    } catch (error) {
      return unexpected(null, `the cell could not run: ${(error as Error).message}`);
    }
  };

  const check = async (cell: Cell) => {
    const observed = await observeCell(cell);
    report.push({
      operation: cell.row.operation,
      variant: cell.row.variant,
      caller: cell.caller,
      target: cell.target,
      expected: cell.expected,
      observed: observed.verdict,
      code: observed.code,
      detail: observed.detail,
    });
    expect({ cell: cell.name, ...observed }).toMatchObject({ cell: cell.name, verdict: cell.expected });
  };

  describe('reads (queries, downloads, subscriptions, /collab)', () => {
    test.each(READ_CELLS.map((cell) => [cell.name, cell] as const))('%s', async (_name, cell) => check(cell));
  });

  describe('writes (mutations, uploads): refused ones write nothing', () => {
    test.each(WRITE_CELLS.map((cell) => [cell.name, cell] as const))('%s', async (_name, cell) => check(cell));
  });
});
