import { collectBlocks, JSONContent } from '@aftalerum/editor';
import { DataSource } from 'typeorm';
import { AgreementPhase } from '../agreements/agreement-phase.enum';
import { TravelTo } from '../common/clock';
import { CommentOutcome } from '../hearings/hearing-comment.entity';
import { HearingsService } from '../hearings/hearings.service';
import { Organisation } from '../organisations/organisation.entity';
import { AuthUser } from '../users/auth-user';
import { Role } from '../users/role.enum';
import { User } from '../users/user.entity';

interface DemoComment {
  /** Text of the block the comment is on (first block whose text starts with it), or null for general. */
  on: string | null;
  text: string;
  reply: [string, 'INCORPORATED' | 'PARTLY_INCORPORATED' | 'NOT_INCORPORATED' | 'NOTED'];
}

type Outcome = 'INCORPORATED' | 'PARTLY_INCORPORATED' | 'NOT_INCORPORATED' | 'NOTED';

interface DemoResponse {
  organisation: string;
  /** The person who filed it for the organisation. */
  by: string;
  summary: string;
  publish: boolean;
  receivedAt: string;
  /** The secretariat's answer to the general remarks (the summary). */
  reply: [string, Outcome];
  comments: DemoComment[];
}

/** The broad hearing's responses, each from a named person, each answered in full. */
export const HEARING_RESPONSES: DemoResponse[] = [
  {
    organisation: 'Danske Patienter',
    by: 'Camilla Rasmussen',
    receivedAt: '2023-05-22T10:12:00+02:00',
    publish: true,
    summary: 'Danske Patienter støtter visionerne og ønsker, at patienter og pårørende inddrages systematisk i aftalens indsatser.',
    reply: ['Inddragelse af patienter og pårørende er styrket i visionen om samspil og i princippet om borgerne med fra start.', 'INCORPORATED'],
    comments: [
      { on: 'Mere samspil med borgeren', text: 'Pårørende bør nævnes eksplicit som en ressource og som nogen, der selv har brug for støtte.', reply: ['Pårørende er tilføjet i visionen.', 'INCORPORATED'] },
      { on: 'Borgerne med fra start', text: 'Princippet bør konkretiseres: hvordan måles det, at borgerne er med fra start?', reply: ['Konkrete mål fastlægges i arbejdsplanen for aftalen.', 'NOTED'] },
    ],
  },
  {
    organisation: 'Hjerteforeningen',
    by: 'Lars Kjærgaard',
    receivedAt: '2023-05-30T14:40:00+02:00',
    publish: true,
    summary: 'Hjerteforeningen ønsker mere fokus på rehabilitering efter hjertesygdom.',
    reply: ['Rehabilitering tæt på hjemmet er skrevet ind i målene for ældre og borgere med kronisk sygdom.', 'PARTLY_INCORPORATED'],
    comments: [
      {
        on: 'Sammen om ældre og borgere med kronisk sygdom',
        text: 'Hjerterehabilitering bør nævnes under fokusområdet, da tilbuddene er meget forskellige fra kommune til kommune.',
        reply: ['Rehabilitering er nævnt generelt; konkrete sygdomsområder prioriteres i arbejdsplanen.', 'PARTLY_INCORPORATED'],
      },
    ],
  },
  {
    organisation: 'SIND – Landsforeningen for psykisk sundhed',
    by: 'Mette Bjerregaard',
    receivedAt: '2023-06-01T09:05:00+02:00',
    publish: false,
    summary: 'SIND savner mål for ventetider i psykiatrien.',
    reply: ['Aftalen har nu et mål om at nedbringe ventetiden til udredning; de konkrete tal følger i arbejdsplanen.', 'PARTLY_INCORPORATED'],
    comments: [
      { on: 'Sammen om borgere med psykisk sygdom', text: 'Der bør være et konkret mål for ventetid til udredning for børn og unge.', reply: ['Målet om kortere ventetid til udredning er tilføjet.', 'INCORPORATED'] },
      { on: null, text: 'Generelt bør aftalen have færre og mere målbare mål.', reply: ['Målene er skrevet, så de kan følges årligt; aftalen holder fast i få mål pr. fokusområde.', 'PARTLY_INCORPORATED'] },
    ],
  },
  {
    organisation: 'Ældre Sagen',
    by: 'Bent Mortensen',
    receivedAt: '2023-06-05T11:20:00+02:00',
    publish: true,
    summary: 'Ældre Sagen bakker op om at se ældre og kronisk syge som én målgruppe og beder om fokus på udskrivelser.',
    reply: ['Trygge udskrivelser og færre genindlæggelser er nu et mål i fokusområdet.', 'INCORPORATED'],
    comments: [
      { on: 'Færre ældre genindlægges', text: 'Målet om færre genindlæggelser er godt, men bør suppleres med borgerens egen oplevelse af udskrivelsen.', reply: ['Oplevelsen indgår i den årlige evaluering af overgangene.', 'PARTLY_INCORPORATED'] },
    ],
  },
  {
    organisation: 'Dansk Sygeplejeråd, Kreds Hovedstaden',
    by: 'Rikke Holm Jakobsen',
    receivedAt: '2023-06-07T16:30:00+02:00',
    publish: true,
    summary: 'DSR peger på rekruttering og fastholdelse som afgørende for, at aftalen kan realiseres.',
    reply: ['Rekruttering og fastholdelse er skrevet ind i principperne.', 'INCORPORATED'],
    comments: [
      { on: 'Fælles kompetenceudvikling', text: 'Princippet bør også omfatte fælles rekruttering og fastholdelse af sundhedspersonale.', reply: ['Rekruttering er tilføjet i princippet.', 'INCORPORATED'] },
    ],
  },
  {
    organisation: 'Lægeforeningen',
    by: 'Henrik Dalsgaard',
    receivedAt: '2023-06-08T13:00:00+02:00',
    publish: true,
    summary: 'Lægeforeningen ønsker, at datadeling prioriteres, og at opgaver ikke flyttes uden at kapaciteten følger med.',
    reply: ['Datadeling og aftalt opgaveoverdragelse står nu tydeligt i principperne.', 'INCORPORATED'],
    comments: [
      { on: 'Klar opgave- og ansvarsfordeling', text: 'Opgaveoverdragelse bør altid ske med en beskrivelse af kapacitet og økonomi.', reply: ['Modellen for planlagt og aftalt opgaveoverdragelse er skrevet ind.', 'INCORPORATED'] },
    ],
  },
  {
    organisation: 'Danske Fysioterapeuter',
    by: 'Sanne Vestergaard',
    receivedAt: '2023-06-09T09:45:00+02:00',
    publish: true,
    summary: 'Danske Fysioterapeuter ønsker, at træning og rehabilitering nævnes i forebyggelsen.',
    reply: ['Rehabilitering er nævnt i målene; forebyggelsesafsnittet er holdt overordnet.', 'PARTLY_INCORPORATED'],
    comments: [
      { on: 'Forebyggelse på tværs af fokusområderne', text: 'Fysisk træning som forebyggelse bør nævnes eksplicit.', reply: ['Aftalen nævner ikke enkelte faggruppers tilbud; det konkretiseres i klyngerne.', 'NOT_INCORPORATED'] },
    ],
  },
  {
    organisation: 'PLO-Hovedstaden',
    by: 'Jørgen Steen Andersen',
    receivedAt: '2023-06-09T15:10:00+02:00',
    publish: true,
    summary: 'PLO-Hovedstaden støtter aftalen og understreger, at almen praksis skal have kapacitet til nye opgaver.',
    reply: ['Kapaciteten i almen praksis indgår, når opgaver overdrages efter den aftalte model.', 'NOTED'],
    comments: [
      { on: 'Borgere med svær psykisk sygdom', text: 'Systematisk opfølgning hos egen læge forudsætter, at opgaven er aftalt og finansieret.', reply: ['Opgaven aftales mellem parterne i arbejdsplanen.', 'NOTED'] },
    ],
  },
  {
    organisation: 'Rigshospitalet',
    by: 'Anette Kofoed',
    receivedAt: '2023-06-06T10:00:00+02:00',
    publish: true,
    summary: 'Rigshospitalet bakker op om fokus på overgange og foreslår fælles data om genindlæggelser.',
    reply: ['En fælles opgørelse af genindlæggelser indgår i opfølgningen.', 'INCORPORATED'],
    comments: [
      { on: 'Mere sammenhæng i borgerens forløb', text: 'Visionen bør pege på fælles data om udskrivelser og genindlæggelser.', reply: ['Fælles data er nævnt i princippet om fælles ansvar.', 'PARTLY_INCORPORATED'] },
    ],
  },
  {
    organisation: 'Region Hovedstadens Psykiatri',
    by: 'Lone Bjørklund',
    receivedAt: '2023-06-07T12:30:00+02:00',
    publish: true,
    summary: 'Psykiatrien ønsker, at borgere med både psykisk sygdom og misbrug nævnes i fokusområdet.',
    reply: ['Dobbeltbelastede borgere er nævnt i fokusområdet om psykisk sygdom.', 'INCORPORATED'],
    comments: [
      { on: 'Borgere med psykisk sygdom har ofte', text: 'Misbrug og hjemløshed bør stå sammen med psykisk sygdom.', reply: ['Det står nu i beskrivelsen af fokusområdet.', 'INCORPORATED'] },
    ],
  },
  {
    organisation: 'Gladsaxe Kommune',
    by: 'Gitte Bylov Larsen',
    receivedAt: '2023-06-08T08:50:00+02:00',
    publish: true,
    summary: 'Gladsaxe Kommune ønsker plads til lokale løsninger i klyngerne.',
    reply: ['Princippet om sammenhængskraft giver plads til lokale løsninger i klyngerne.', 'INCORPORATED'],
    comments: [
      { on: 'Sammenhængskraft', text: 'Aftalen bør sige tydeligt, at klyngerne selv prioriterer indsatser for deres befolkning.', reply: ['Det er skrevet ind i princippet.', 'INCORPORATED'] },
    ],
  },
  {
    organisation: 'Bornholms Regionskommune',
    by: 'Søren Kofoed Ipsen',
    receivedAt: '2023-06-09T11:15:00+02:00',
    publish: true,
    summary: 'Bornholms Regionskommune peger på lige adgang til regionens tilbud for øens borgere.',
    reply: ['Lige adgang uanset bopæl står i visionen om lighed i sundhed.', 'INCORPORATED'],
    comments: [
      { on: 'Mere lighed i sundhed', text: 'Lige adgang til tilbud bør gælde uanset afstand og transport.', reply: ['Visionen nævner Bornholm og lige adgang.', 'INCORPORATED'] },
    ],
  },
];

const OPENS_AT = '2023-05-15T09:00:00+02:00';
const CLOSES_AT = '2023-06-12T12:00:00+02:00';
const REPLIED_AT = '2023-06-26T10:00:00+02:00';

/** The person as the services see them when they act. */
export async function actingUser(db: DataSource, user: User): Promise<AuthUser> {
  const organisation = await db.getRepository(Organisation).findOneByOrFail({ id: user.organisationId });
  return { id: user.id, email: user.email, name: user.name, role: user.role, organisationId: user.organisationId, regionId: organisation.regionId, hearingId: user.hearingId };
}

/** `Camilla Rasmussen` → `camilla.rasmussen`, the local part of a named person's demo address. */
const localPart = (name: string) =>
  name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/ +/g, '.');

export interface DemoHearingContext {
  db: DataSource;
  hearings: HearingsService;
  travelTo: TravelTo;
  domain: string;
  passwordHash: string;
  /** Moves the agreement to a phase at the clock's moment (the whole history); absent, the phase stays. */
  setPhase?: (phase: AgreementPhase) => Promise<void>;
}

/**
 * The broad hearing on the hearing draft (version 1), open from 15 May to 12 June 2023, replayed
 * through HearingsService on the clock: the secretariat opens it, each organisation's named person
 * files its response at the moment it was received (an account bound to this hearing, as an
 * invitation link makes it), and the secretariat answers every remark and comment on 26 June.
 * Returns the hearing's id and the number of named persons' accounts.
 */
export async function seedDemoHearing(context: DemoHearingContext, agreementId: string, content: JSONContent, secretariat: AuthUser): Promise<{ hearingId: string; accounts: number }> {
  const { db, hearings, travelTo } = context;
  const [version] = await db.query<Array<{ id: string }>>(`SELECT "id" FROM "agreement_versions" WHERE "agreement_id" = $1 AND "number" = 1`, [agreementId]);
  const invited = [...new Set(['Kræftens Bekæmpelse', 'Diabetesforeningen', 'FOA', ...HEARING_RESPONSES.map((r) => r.organisation)])];
  const organisations = new Map<string, Organisation>();
  for (const name of invited) organisations.set(name, await db.getRepository(Organisation).findOneByOrFail({ name }));

  travelTo(OPENS_AT);
  const hearing = await hearings.open(
    secretariat,
    { versionId: version.id, title: 'Bred høring over Sundhedsaftale 2024–2027', opensAt: new Date(OPENS_AT), closesAt: new Date(CLOSES_AT), invitedOrganisationIds: invited.map((name) => organisations.get(name)!.id) },
    null,
  );
  await context.setPhase?.(AgreementPhase.HEARING);

  const blocks = collectBlocks(content).filter((b) => b.type === 'heading' || b.type === 'paragraph');
  const blockOf = (on: string | null) => {
    if (!on) return null;
    const block = blocks.find((b) => b.text.startsWith(on));
    if (!block) throw new Error(`demo hearing: no block "${on}"`);
    return block.blockId;
  };
  const filed: Array<{ responseId: string; response: DemoResponse }> = [];
  for (const [index, response] of HEARING_RESPONSES.entries()) {
    const organisation = organisations.get(response.organisation)!;
    // The person who answered: an account of the organisation bound to this one hearing (as an invitation link makes it).
    const account = await db.getRepository(User).save(
      db.getRepository(User).create({
        email: `${localPart(response.by)}@${context.domain}`,
        name: response.by,
        role: Role.ORGANISATION,
        organisationId: organisation.id,
        hearingId: hearing.id,
        passwordHash: context.passwordHash,
        createdAt: new Date(new Date(response.receivedAt).getTime() - 3_600_000),
      }),
    );
    travelTo(response.receivedAt);
    const receipt = await hearings.submit(
      await actingUser(db, account),
      {
        hearingId: hearing.id,
        organisationId: organisation.id,
        idempotencyKey: `demo-${index + 1}`,
        summary: response.summary,
        publish: response.publish,
        comments: response.comments.map((comment) => ({ blockId: blockOf(comment.on), text: comment.text })),
      },
      null,
    );
    filed.push({ responseId: receipt.id, response });
  }

  if (context.setPhase) {
    travelTo(CLOSES_AT);
    await context.setPhase(AgreementPhase.PROCESSING);
  }
  travelTo(REPLIED_AT);
  for (const { responseId, response } of filed) {
    await hearings.replyToResponse(secretariat, { responseId, reply: response.reply[0], outcome: response.reply[1] as CommentOutcome }, null);
    const comments = await hearings.commentsOf(responseId);
    for (const comment of comments) {
      const [reply, outcome] = response.comments[comment.position - 1].reply;
      await hearings.reply(secretariat, { commentId: comment.id, reply, outcome: outcome as CommentOutcome }, null);
    }
  }
  return { hearingId: hearing.id, accounts: filed.length };
}

/** Hovedstaden's hearing memo, published by the secretariat on 21 August 2023. */
export async function publishDemoMemo(hearings: HearingsService, travelTo: TravelTo, hearingId: string, secretariat: AuthUser): Promise<void> {
  travelTo('2023-08-21T10:00:00+02:00');
  await hearings.publishMemo(secretariat, { hearingId }, null);
}

/**
 * When version 1, the hearing draft, was frozen: the SSU's secretariat froze it the afternoon
 * before it assessed the clusters' input into it (12 May 2023), and the hearing opened on it.
 */
export const HEARING_DRAFT_AT = '2023-05-11T16:00:00+02:00';
