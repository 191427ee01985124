import { SHARED_LIMITS_TABLE } from '../common/rate-limiter';
import { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { HearingsService } from '../hearings/hearings.service';
import { InputRoundsService } from '../input-rounds/input-rounds.service';
import { TimelineService } from '../timeline/timeline.service';
import { AgreementPhase } from '../agreements/agreement-phase.enum';
import { Agreement } from '../agreements/agreement.entity';
import { collectSections, JSONContent } from '@aftalerum/editor';
import { hovedstadenAgreement, HOVEDSTADEN_TITLE } from './demo-content';
import { freezeVersion, seedHovedstadenApprovals, seedSyddanmark, writeDraft } from './demo-replay';
import { VersionsService } from '../agreements/versions.service';
import { LiveDrafts } from '../drafts/live-drafts';
import { insertDraft } from '../drafts/draft-store.service';
import { actingUser, HEARING_DRAFT_AT, publishDemoMemo, seedDemoHearing } from './demo-hearing';
import { seedDemoInputRound } from './demo-input-round';
import { seedDemoTimeline } from './demo-timeline';
import { hashPassword } from '../auth/auth.service';
import { Role } from '../users/role.enum';
import { Cluster } from '../organisations/cluster.entity';
import { OrganisationKind } from '../organisations/organisation-kind.enum';
import { Organisation } from '../organisations/organisation.entity';
import { Region } from '../organisations/region.entity';
import { User } from '../users/user.entity';

export const DEMO_PASSWORD = 'demo1234';
export const DEMO_DOMAIN = 'aftalerum.test';

/** Organisations beyond the reference data that take part in Hovedstaden's agreement. */
const DEMO_ORGANISATIONS: Array<{ name: string; kind: OrganisationKind; region?: 'H' | 'S' }> = [
  { name: 'Danske Patienter', kind: OrganisationKind.PATIENT_ORGANISATION },
  { name: 'Hjerteforeningen', kind: OrganisationKind.PATIENT_ORGANISATION },
  { name: 'Kræftens Bekæmpelse', kind: OrganisationKind.PATIENT_ORGANISATION },
  { name: 'Diabetesforeningen', kind: OrganisationKind.PATIENT_ORGANISATION },
  { name: 'SIND – Landsforeningen for psykisk sundhed', kind: OrganisationKind.PATIENT_ORGANISATION },
  { name: 'Ældre Sagen', kind: OrganisationKind.PATIENT_ORGANISATION },
  { name: 'Dansk Sygeplejeråd, Kreds Hovedstaden', kind: OrganisationKind.PROFESSIONAL_ORGANISATION, region: 'H' },
  { name: 'Lægeforeningen', kind: OrganisationKind.PROFESSIONAL_ORGANISATION },
  { name: 'Danske Fysioterapeuter', kind: OrganisationKind.PROFESSIONAL_ORGANISATION },
  { name: 'FOA', kind: OrganisationKind.PROFESSIONAL_ORGANISATION },
  { name: 'PLO-Hovedstaden', kind: OrganisationKind.GENERAL_PRACTICE, region: 'H' },
  { name: 'PLO-Syddanmark', kind: OrganisationKind.GENERAL_PRACTICE, region: 'S' },
  { name: 'Rigshospitalet', kind: OrganisationKind.HOSPITAL, region: 'H' },
  { name: 'Herlev og Gentofte Hospital', kind: OrganisationKind.HOSPITAL, region: 'H' },
  { name: 'Region Hovedstadens Psykiatri', kind: OrganisationKind.HOSPITAL, region: 'H' },
  { name: 'Patient- og pårørendeinddragelsesudvalget', kind: OrganisationKind.COMMITTEE, region: 'H' },
  { name: 'Sundhedsdirektørkredsen', kind: OrganisationKind.OTHER, region: 'H' },
];

export interface DemoSummary {
  users: number;
  organisations: number;
  agreementId: string;
  /** Syddanmark's agreement, when the whole history was replayed. */
  syddanmarkAgreementId: string | null;
}

/** A demo whose seeding stopped part-way on an earlier start (the marker was never completed). */
export interface DemoIncomplete {
  incomplete: true;
  /** The step the seeding had reached. */
  step: string;
  startedAt: Date;
}

/** The demo's seeding marker (migration 1763900000094): the step it is at, and whether it finished. */
async function seedingState(manager: EntityManager): Promise<{ step: string; started_at: Date; completed_at: Date | null } | null> {
  const [row] = await manager.query<Array<{ step: string; started_at: Date; completed_at: Date | null }>>('SELECT "step", "started_at", "completed_at" FROM "demo_seeding"');
  return row ?? null;
}

const seedingStep = (manager: EntityManager, step: string) => manager.query('UPDATE "demo_seeding" SET "step" = $1', [step]);
/**
 * Marks the seeding complete. The replayed filings and inputs went through the services' rate
 * limits as their senders: those counts are the seeding's, not a person's, so they go too, and
 * the demo's people start with their whole allowance.
 */
const seedingComplete = async (manager: EntityManager) => {
  await manager.query(`DELETE FROM "${SHARED_LIMITS_TABLE}"`);
  await manager.query(`UPDATE "demo_seeding" SET "step" = 'complete', "completed_at" = clock_timestamp()`);
};

export interface DemoOptions {
  /**
   * Replay the whole history (default): Hovedstaden's final version locked and approved by every
   * party, and Syddanmark's agreement. Without it Hovedstaden's agreement stays in drafting after
   * the hearing and Syddanmark has none: the fixture the API tests edit and extend.
   */
  replay?: boolean;
}

/** The hearing draft: the approved text before the hearing's answers were worked in. */
function hearingDraftOf(final: JSONContent): JSONContent {
  const draft = structuredClone(final);
  const adjustments = collectSections(draft).find((s) => s.title === 'Justeringer af principperne');
  draft.content = (draft.content ?? []).filter((node) => node.attrs?.blockId !== adjustments?.blockId);
  return draft;
}

/**
 * Seeds the demo on a database that has the reference data and no users yet: organisations,
 * the demo accounts (password `demo1234` unless another is given) and Hovedstaden's 2024–2027
 * agreement, with Syddanmark's when the history is replayed. Returns null when the database
 * holds users already. The accounts, the agreements, their drafts and the facts no service
 * records (the hearing draft's version, the milestones) are written in one transaction; the
 * clusters' input round is then replayed through InputRoundsService and the hearing through
 * HearingsService on the application's clock, at the moments they happened, so each of their
 * facts obeys the rules the product enforces and has its audit row.
 */
export async function seedDemo(app: INestApplicationContext, accountPassword = DEMO_PASSWORD, options: DemoOptions = {}): Promise<DemoSummary | DemoIncomplete | null> {
  const replay = options.replay ?? true;
  const db = app.get<DataSource>(getDataSourceToken());
  const clock = app.get(Clock);
  const hearings = app.get(HearingsService);
  const timeline = app.get(TimelineService);
  const rounds = app.get(InputRoundsService);
  const versions = app.get(VersionsService);
  const live = app.get(LiveDrafts);
  if (!(await isEmpty(db.manager))) {
    // Users, but a seeding that never reached its end: an earlier start stopped part-way.
    const state = await seedingState(db.manager);
    return state && !state.completed_at ? { incomplete: true, step: state.step, startedAt: state.started_at } : null;
  }
  const password = await hashPassword(accountPassword);
  const base = await db.transaction(async (manager) => {
    // One seeding at a time, and only on an empty database.
    await manager.query('LOCK TABLE "users" IN EXCLUSIVE MODE');
    if (!(await isEmpty(manager))) return null;
    // The marker is written with the first facts and completed by the last step only.
    await manager.query(`INSERT INTO "demo_seeding" ("step") VALUES ('accounts and agreement')`);
    return seedAccountsAndAgreement(manager, password);
  });
  if (!base) return null;
  const secretariat = await actingUser(db, await db.getRepository(User).findOneByOrFail({ email: `sekretariat@${DEMO_DOMAIN}` }));
  const sSecretariat = await db.getRepository(User).findOneByOrFail({ email: `sekretariat.syddanmark@${DEMO_DOMAIN}` });
  return clock.replay(async (travelTo) => {
    const setPhase = replay
      ? async (phase: AgreementPhase) => {
          await timeline.setPhase(secretariat, base.agreement.id, phase, null);
        }
      : undefined;
    const drafts = { versions, live, travelTo };
    await seedingStep(db.manager, 'input round');
    await seedDemoInputRound({ db, rounds, travelTo, domain: DEMO_DOMAIN }, base.agreement.id, base.hearingDraft, secretariat, async () => {
      // The hearing draft is frozen from the live draft; the adjustments the hearing led to follow.
      await freezeVersion(drafts, secretariat, base.agreement.id, 'Høringsudkast', HEARING_DRAFT_AT);
      await writeDraft(drafts, base.agreement.id, base.final);
    });
    await seedingStep(db.manager, 'hearing');
    const { hearingId, accounts } = await seedDemoHearing({ db, hearings, travelTo, domain: DEMO_DOMAIN, passwordHash: password, setPhase }, base.agreement.id, base.hearingDraft, secretariat);
    let syddanmarkAgreementId: string | null = null;
    if (replay) {
      await publishDemoMemo(hearings, travelTo, hearingId, secretariat);
      await seedingStep(db.manager, 'approvals');
      await seedHovedstadenApprovals({ db, timeline, ...drafts }, base.agreement, secretariat);
      await seedingStep(db.manager, 'Syddanmark');
      // The round and milestones commit with the marker's completion: the last step.
      syddanmarkAgreementId = await seedSyddanmark({ db, timeline, rounds, ...drafts }, base.syddanmarkRegionId, await actingUser(db, sSecretariat), seedingComplete);
    } else {
      await seedingComplete(db.manager);
    }
    return { users: base.users + accounts, organisations: DEMO_ORGANISATIONS.length, agreementId: base.agreement.id, syddanmarkAgreementId };
  });
}

/** The organisations, the demo accounts, Hovedstaden's agreement with its draft (as the hearing draft) and milestones. */
async function seedAccountsAndAgreement(manager: EntityManager, password: string) {
  const regions = new Map((await manager.find(Region)).map((r) => [r.code, r]));
  const h = regions.get('H');
  const s = regions.get('S');
  if (!h || !s) throw new Error('The reference data (regions H and S) is missing; run the migrations first.');

  for (const org of DEMO_ORGANISATIONS) {
    await manager.insert(Organisation, { name: org.name, kind: org.kind, regionId: org.region ? regions.get(org.region)?.id : null });
  }
  const orgByName = async (name: string) => manager.findOneByOrFail(Organisation, { name });
  const clusterOrg = async (regionId: string, name: string) =>
    (await manager.findOneOrFail(Cluster, { where: { regionId, name }, relations: { organisation: true } })).organisation as Organisation;

  const users: Array<{ email: string; name: string; role: Role; organisation: Organisation }> = [
    { email: 'sekretariat', name: 'Sofie Sekretariat', role: Role.SECRETARIAT, organisation: await orgByName('Sundhedssamarbejdsudvalget, Region Hovedstaden') },
    { email: 'sekretariat.syddanmark', name: 'Svend Syddanmark', role: Role.SECRETARIAT, organisation: await orgByName('Sundhedssamarbejdsudvalget, Region Syddanmark') },
    { email: 'klynge.nord', name: 'Nanna Nord', role: Role.CLUSTER, organisation: await clusterOrg(h.id, 'Nord') },
    { email: 'klynge.midt', name: 'Mads Midt', role: Role.CLUSTER, organisation: await clusterOrg(h.id, 'Midt') },
    { email: 'klynge.syd', name: 'Signe Syd', role: Role.CLUSTER, organisation: await clusterOrg(h.id, 'Syd') },
    { email: 'klynge.byen', name: 'Bo Byen', role: Role.CLUSTER, organisation: await clusterOrg(h.id, 'Byen') },
    { email: 'klynge.bornholm', name: 'Birgit Bornholm', role: Role.CLUSTER, organisation: await clusterOrg(h.id, 'Bornholm') },
    // Syddanmark's cluster on Fyn, to answer the open input round on Det Administrative Tillæg by hand.
    { email: 'klynge.fyn', name: 'Freja Fyn', role: Role.CLUSTER, organisation: await clusterOrg(s.id, 'Fyn') },
    { email: 'patientforening', name: 'Peter Patientforening', role: Role.ORGANISATION, organisation: await orgByName('Danske Patienter') },
    { email: 'faglig.organisation', name: 'Frida Fagforening', role: Role.ORGANISATION, organisation: await orgByName('Dansk Sygeplejeråd, Kreds Hovedstaden') },
    { email: 'kommune.gladsaxe', name: 'Karen Gladsaxe', role: Role.MUNICIPALITY, organisation: await orgByName('Gladsaxe Kommune') },
    { email: 'kommune.odense', name: 'Ole Odense', role: Role.MUNICIPALITY, organisation: await orgByName('Odense Kommune') },
    { email: 'admin', name: 'Anders Administrator', role: Role.ADMIN, organisation: await orgByName('Sundhedssamarbejdsudvalget, Region Hovedstaden') },
  ];
  for (const user of users) {
    await manager.insert(User, {
      email: `${user.email}@${DEMO_DOMAIN}`,
      name: user.name,
      role: user.role,
      organisationId: user.organisation.id,
      passwordHash: password,
    });
  }

  const agreement = manager.create(Agreement, {
    regionId: h.id,
    title: HOVEDSTADEN_TITLE,
    periodStart: 2024,
    periodEnd: 2027,
    effectiveDate: '2024-01-01',
    phase: AgreementPhase.DRAFTING,
  });
  await manager.save(agreement);
  const final = hovedstadenAgreement();
  // The draft as it stood when the hearing draft was frozen (the replay writes the rest in).
  const hearingDraft = hearingDraftOf(final);
  await insertDraft(manager, agreement.id, hearingDraft);
  await seedDemoTimeline(manager, agreement.id);
  return { users: users.length, agreement, final, hearingDraft, syddanmarkRegionId: s.id };
}

/** True when the database holds no users: a fresh installation that may get the demo. */
export async function isEmpty(manager: EntityManager): Promise<boolean> {
  return (await manager.count(User)) === 0;
}
