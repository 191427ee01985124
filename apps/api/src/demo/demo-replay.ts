import { JSONContent } from '@aftalerum/editor';
import { DataSource, EntityManager } from 'typeorm';
import { TravelTo } from '../common/clock';
import { InputRoundsService } from '../input-rounds/input-rounds.service';
import { Cluster } from '../organisations/cluster.entity';
import { TimelineService } from '../timeline/timeline.service';
import { ApprovalDecision } from '../timeline/timeline-types';
import { AuthUser } from '../users/auth-user';
import { AgreementPhase } from '../agreements/agreement-phase.enum';
import { Agreement } from '../agreements/agreement.entity';
import { VersionsService } from '../agreements/versions.service';
import { replaceDraftContent } from '../drafts/draft-codec';
import { insertDraft } from '../drafts/draft-store.service';
import { LiveDrafts } from '../drafts/live-drafts';
import { OrganisationKind } from '../organisations/organisation-kind.enum';
import { Organisation } from '../organisations/organisation.entity';
import { syddanmarkAgreement, SYDDANMARK_TITLE } from './demo-content';
import { seedMilestones } from './demo-timeline';

/** The services a replay of the agreements' drafts and versions goes through. */
export interface DemoDrafts {
  versions: VersionsService;
  live: LiveDrafts;
  travelTo: TravelTo;
}

/** The secretariat freezes the live draft as the agreement's next version through VersionsService, at the moment `at`. */
export async function freezeVersion(context: DemoDrafts, secretariat: AuthUser, agreementId: string, label: string, at: string): Promise<string> {
  context.travelTo(at);
  return (await context.versions.create(secretariat, agreementId, label, null)).id;
}

/** The draft's next state after a freeze, written into the live document as an edit (as a restore writes it). */
export function writeDraft(context: DemoDrafts, agreementId: string, content: JSONContent): Promise<void> {
  return context.live.editDraft(agreementId, (doc) => replaceDraftContent(doc, content, 'demo-history'));
}

/** The parties whose decisions the agreement needs (as TimelineService.requiredParties orders them). */
async function parties(manager: EntityManager, regionId: string): Promise<Organisation[]> {
  const orgs = await manager.find(Organisation, { where: { regionId } });
  const ssu = orgs.filter((o) => o.kind === OrganisationKind.COMMITTEE && o.name.startsWith('Sundhedssamarbejdsudvalget'));
  const council = orgs.filter((o) => o.kind === OrganisationKind.REGION);
  const municipalities = orgs.filter((o) => o.kind === OrganisationKind.MUNICIPALITY).sort((a, b) => a.name.localeCompare(b.name, 'da'));
  return [...ssu, ...council, ...municipalities];
}

/** A date between `from` and `to` (inclusive, YYYY-MM-DD), spread by the party's place in the list. */
function spread(from: string, to: string, index: number, count: number): string {
  const start = Date.parse(`${from}T12:00:00Z`);
  const span = Date.parse(`${to}T12:00:00Z`) - start;
  const day = new Date(start + Math.round((span * index) / Math.max(1, count - 1) / 86_400_000) * 86_400_000);
  // Municipal councils meet on weekdays.
  if (day.getUTCDay() === 0) day.setUTCDate(day.getUTCDate() + 1);
  if (day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/** When the secretariat records a decision: two days after the meeting, at 10 o'clock. */
const recordedAt = (decidedAt: string) => new Date(Date.parse(`${decidedAt}T10:00:00Z`) + 2 * DAY);

export interface DemoTimelineContext extends DemoDrafts {
  db: DataSource;
  timeline: TimelineService;
}

export interface SyddanmarkContext extends DemoTimelineContext {
  rounds: InputRoundsService;
}

/**
 * Hovedstaden's final version, frozen from the live draft through VersionsService on 28 August
 * 2023, and its approval replayed through TimelineService on the clock: the secretariat moves the
 * agreement to Godkendelse and locks the final version on 14 September, then records the SSU's, the regional council's and the 29 municipalities'
 * decisions that autumn, each at the moment it was recorded, in that order. The last one makes
 * the agreement SUBMITTED (in force from 1 January 2024) and closes its draft for good, by the
 * service's own rule.
 */
export async function seedHovedstadenApprovals(context: DemoTimelineContext, agreement: Agreement, secretariat: AuthUser): Promise<void> {
  const { db, timeline, travelTo } = context;
  const finalId = await freezeVersion(context, secretariat, agreement.id, 'Endelig version til godkendelse', '2023-08-28T09:00:00+02:00');
  travelTo('2023-09-14T14:00:00+02:00');
  await timeline.setPhase(secretariat, agreement.id, AgreementPhase.APPROVAL, null);
  travelTo('2023-09-14T15:00:00+02:00');
  await timeline.lockFinalVersion(secretariat, { agreementId: agreement.id, versionId: finalId }, null);
  const [ssu, council, ...municipalities] = await parties(db.manager, agreement.regionId);
  const decisions: Array<[Organisation, string, string]> = [
    [ssu, '2023-09-14', 'SSU-møde 14. september 2023, punkt 3'],
    [council, '2023-10-24', 'Regionsrådets møde 24. oktober 2023'],
    ...municipalities.map((m, index): [Organisation, string, string] => [m, spread('2023-09-25', '2023-11-29', index, municipalities.length), 'Kommunalbestyrelsens møde']),
  ];
  await recordDecisions(timeline, travelTo, agreement.id, secretariat, decisions);
}

/** Records each decision through the service at its recorded moment, in the order they were recorded. */
async function recordDecisions(timeline: TimelineService, travelTo: TravelTo, agreementId: string, secretariat: AuthUser, decisions: Array<[Organisation, string, string]>): Promise<void> {
  const inOrder = [...decisions].sort((a, b) => recordedAt(a[1]).getTime() - recordedAt(b[1]).getTime());
  for (const [organisation, decidedAt, meetingReference] of inOrder) {
    travelTo(recordedAt(decidedAt));
    await timeline.recordApproval(secretariat, { agreementId, organisationId: organisation.id, decision: ApprovalDecision.APPROVED, decidedAt, meetingReference }, null);
  }
}

/**
 * Syddanmark's road to 2024–2027 (seed 003), and the administrative annex after it. The political
 * part's hearing and approvals of 2023 carry no phase: the agreement's phase follows the annex now
 * (an input round), and a deadline of a later phase would otherwise read as overdue by years.
 */
const SYDDANMARK_MILESTONES: Array<[date: string, kind: string, phase: string | null, title: string, description: string | null]> = [
  ['2022-09-09', 'MEETING', 'PREPARATION', 'Politisk kick-off på Sundhedsaftalen 2024–2027', null],
  ['2023-01-25', 'MEETING', 'INPUT_ROUND', 'Sundhedsdirektørkredsen orienteres om status for sundhedsaftalen', 'Udkast til visioner og grundprincipper for samarbejdet.'],
  ['2023-02-06', 'MEETING', 'INPUT_ROUND', 'SSU samler klyngernes drøftelser af sundhedsaftalen', null],
  ['2023-05-08', 'MEETING', null, 'SSU behandler høringsudkastet', null],
  ['2023-05-31', 'MEETING', null, 'Politisk årsmøde drøfter høringsudkastet', null],
  ['2023-06-01', 'DEADLINE', null, 'Bred høring over sundhedsaftalens politiske del', 'Foråret 2023.'],
  ['2023-09-28', 'DECISION', null, 'SSU godkender sundhedsaftalens politiske del', null],
  ['2023-11-30', 'DEADLINE', null, 'De 22 kommunalbestyrelser har godkendt den politiske del', null],
];

const DAY = 86_400_000;

/** Syddanmark's steps through the phases up to Godkendelse of the political part, in 2023. */
const SYDDANMARK_PHASES: Array<[at: string, phase: AgreementPhase]> = [
  ['2023-01-09T09:00:00+01:00', AgreementPhase.INPUT_ROUND],
  ['2023-02-07T09:00:00+01:00', AgreementPhase.DRAFTING],
  ['2023-05-09T09:30:00+02:00', AgreementPhase.HEARING],
  ['2023-06-02T09:00:00+02:00', AgreementPhase.PROCESSING],
  ['2023-09-01T09:30:00+02:00', AgreementPhase.APPROVAL],
];

/** The political part's versions: the hearing draft, and the final version before Godkendelse. */
const SYDDANMARK_VERSIONS: Array<[at: string, label: string]> = [
  ['2023-05-09T09:00:00+02:00', 'Høringsudkast'],
  ['2023-09-01T09:00:00+02:00', 'Politisk del, endelig'],
];

/**
 * Region Syddanmark's agreement: the political part approved by the SSU and the 22 municipalities in
 * autumn 2023 on a locked final version; the regional council decides when Det Administrative Tillæg
 * is in place. The annex is being drafted now: an input round to the four clusters closes in two
 * weeks, and the hearing on the annex opens after it (dates relative to today).
 *
 * The agreement and its draft of the political part are written first (in the preparation phase
 * of September 2022); then the secretariat takes it through the phases to Godkendelse, freezing
 * the hearing draft and the political part's final version through VersionsService on the way,
 * writes the annex into the draft after them, locks the political part's final version and
 * records the decisions through TimelineService, each at its moment; three days ago it took the agreement back to the input round for the annex, as the
 * service allows while not every party has approved, and opened the round to the four clusters
 * through InputRoundsService. The milestones follow.
 */
export async function seedSyddanmark(context: SyddanmarkContext, regionId: string, secretariat: AuthUser, finish: (manager: EntityManager) => Promise<void>): Promise<string> {
  const { db, timeline, travelTo, rounds } = context;
  const now = new Date();
  // The versions were frozen from the draft before the annex was written into it: the same
  // paragraphs with the same blockIds, so what was said to the hearing draft finds its paragraph
  // in the live draft (rather than standing as said to a deleted one).
  const draft = syddanmarkAgreement(true);
  const political: JSONContent = { ...draft, content: (draft.content ?? []).filter((node) => node.attrs?.kind !== 'ANNEX') };
  const agreementId = await db.transaction(async (manager) => {
    const agreement = manager.create(Agreement, {
      regionId,
      title: SYDDANMARK_TITLE,
      periodStart: 2024,
      periodEnd: 2027,
      effectiveDate: '2024-01-01',
      phase: AgreementPhase.PREPARATION,
    });
    await manager.save(agreement);
    await insertDraft(manager, agreement.id, political);
    return agreement.id;
  });
  const versions = new Map<string, string>();
  for (const [at, phase] of SYDDANMARK_PHASES) {
    for (const [frozenAt, label] of SYDDANMARK_VERSIONS) {
      if (!versions.has(label) && Date.parse(frozenAt) < Date.parse(at)) versions.set(label, await freezeVersion(context, secretariat, agreementId, label, frozenAt));
    }
    travelTo(at);
    await timeline.setPhase(secretariat, agreementId, phase, null);
  }
  const finalId = versions.get(SYDDANMARK_VERSIONS[1][1]);
  if (!finalId) throw new Error('The political part was not frozen before Godkendelse');
  // The draft now holds the annex as a later section.
  await writeDraft(context, agreementId, draft);
  travelTo('2023-09-28T15:00:00+02:00');
  await timeline.lockFinalVersion(secretariat, { agreementId, versionId: finalId }, null);
  const [ssu, , ...municipalities] = await parties(db.manager, regionId);
  await recordDecisions(timeline, travelTo, agreementId, secretariat, [
    [ssu, '2023-09-28', 'SSU-møde 28. september 2023'],
    ...municipalities.map((m, index): [Organisation, string, string] => [m, spread('2023-10-02', '2023-11-30', index, municipalities.length), 'Byrådets møde']),
  ]);
  travelTo(new Date(now.getTime() - 3 * DAY));
  await timeline.setPhase(secretariat, agreementId, AgreementPhase.INPUT_ROUND, null);
  const deadline = new Date(now.getTime() + 14 * DAY);
  deadline.setUTCHours(21, 59, 0, 0);
  const clusters = await db.getRepository(Cluster).findBy({ regionId });
  await rounds.open(
    secretariat,
    {
      agreementId,
      title: 'Klyngernes input til Det Administrative Tillæg',
      description:
        'Sundhedssamarbejdsudvalget beder de fire sundhedsklynger om input til Det Administrative Tillæg: organiseringen af samarbejdet, godkendelsen af samarbejdsaftaler og opfølgningen på aftalens mål.',
      deadline,
      clusterIds: clusters.map((c) => c.id),
    },
    null,
  );

  await db.transaction(async (manager) => {
    await seedSyddanmarkMilestones(manager, agreementId, now);
    await finish(manager);
  });
  return agreementId;
}

/** Syddanmark's milestones, around `now`. */
async function seedSyddanmarkMilestones(manager: EntityManager, agreementId: string, now: Date): Promise<void> {
  const agreement = { id: agreementId };
  const iso = (offset: number) => new Date(now.getTime() + offset * DAY).toISOString().slice(0, 10);
  await seedMilestones(manager, agreement.id, [
    ...SYDDANMARK_MILESTONES,
    [iso(14), 'DEADLINE', 'INPUT_ROUND', 'Frist for klyngernes input til Det Administrative Tillæg', null],
    [iso(21), 'MEETING', 'HEARING', 'Høring over Det Administrative Tillæg åbner', 'Høringsudkastet sendes til patientforeninger, faglige organisationer og kommunerne.'],
    [iso(56), 'DEADLINE', 'HEARING', 'Høringsfrist for Det Administrative Tillæg', null],
    [iso(90), 'DECISION', 'APPROVAL', 'Regionsrådet godkender sundhedsaftalen med Det Administrative Tillæg', null],
  ]);
}
