import { collectBlocks, collectSections, JSONContent } from '@aftalerum/editor';
import { DataSource } from 'typeorm';
import { Agreement } from '../agreements/agreement.entity';
import { TravelTo } from '../common/clock';
import { InputLevel } from '../input-rounds/cluster-input-item.entity';
import { InputOutcome } from '../input-rounds/input-item-assessment.entity';
import { InputRoundsService } from '../input-rounds/input-rounds.service';
import { Cluster } from '../organisations/cluster.entity';
import { AuthUser } from '../users/auth-user';
import { User } from '../users/user.entity';
import { actingUser } from './demo-hearing';

type Level = 'POLITICAL' | 'PROFESSIONAL';
type Outcome = 'INCORPORATED' | 'PARTLY_INCORPORATED' | 'NOT_INCORPORATED' | 'NOTED';

interface DemoItem {
  theme: string;
  text: string;
  /** The section title or block text of the draft the item names, or null for a general item. */
  on: string | null;
  level?: Level;
  /** The secretariat's assessment, worked into the hearing draft (version 1). */
  assessed?: [Outcome, string];
}

interface DemoInput {
  cluster: string;
  user: string;
  submittedAt: string;
  meeting?: [date: string, item: string];
  items: DemoItem[];
}

/**
 * Each Hovedstaden cluster's input for the 2024–2027 agreement (seed 001, with Midt's
 * meeting and levels from its minutes, seed 002), tied to the sections the text names.
 */
const INPUTS: DemoInput[] = [
  {
    cluster: 'Nord',
    user: 'klynge.nord',
    submittedAt: '2023-01-30T14:05:00+01:00',
    items: [
      { theme: 'Fælles populationsansvar', text: 'Det fælles populationsansvar mellem hospital, kommune og almen praksis.', on: 'Fælles populationsansvar' },
      { theme: 'Prioritering af ressourcer', text: 'Prioritering af de fælles knappe ressourcer på tværs af sektorer.', on: 'Effektiv ressourceudnyttelse' },
      { theme: 'Rekruttering og personalemangel', text: 'Personalemangel og rekrutteringsudfordringer i sundhedsvæsenet.', on: null, assessed: ['NOTED', 'Rekruttering og fastholdelse indgår som tema på tværs af aftalen.'] },
      { theme: 'Forebyggelse af genindlæggelser', text: 'Forebyggelse af genindlæggelser.', on: null },
      {
        theme: 'Teknologi og digitale løsninger',
        text: 'Sundhedsteknologiske og digitale løsninger til at understøtte den bedst mulige udnyttelse af ressourcerne, bl.a. ved at gøre borgere og patienter mere selvhjulpne.',
        on: null,
      },
      {
        theme: 'Opgaveglidning',
        text: 'Opmærksomhed på, at strukturelle ændringer hos en part (hospital, kommune eller almen praksis) kan have betydning for de øvrige parter.',
        on: 'Klar opgave- og ansvarsfordeling',
      },
      { theme: 'Sundhedshuse', text: 'Udbredelse af erfaringerne med etablering og samarbejde fra de to sundhedshuse i Nord.', on: null },
    ],
  },
  {
    cluster: 'Midt',
    user: 'klynge.midt',
    submittedAt: '2023-01-27T10:30:00+01:00',
    meeting: ['2022-12-19', 'Punkt 2: Ønsker til Sundhedsaftale 2024-2027 (Politisk Sundhedsklynge Midt)'],
    items: [
      {
        theme: 'Data på tværs',
        text: 'Data på tværs skal forbedre overgange mellem sektorer og aktører. Manglende adgang til information hæmmer plejen og behandlingen i forbindelse med overgange.',
        on: 'Mere sammenhæng i borgerens forløb',
        level: 'POLITICAL',
        assessed: ['PARTLY_INCORPORATED', 'Datadeling er skrevet ind i principperne; konkrete løsninger aftales i arbejdsplanen.'],
      },
      {
        theme: 'Opgaveoverdragelse',
        text: 'Opgaver skal løbende skifte hænder efter, hvad der vurderes bedst for borgere og patienter. Aftalen skal afspejle det og samtidig være retningsgivende for parterne.',
        on: 'Klar opgave- og ansvarsfordeling',
        level: 'PROFESSIONAL',
      },
      {
        theme: 'Forebyggelse',
        text: 'Forebyggelse skal prioriteres inden for alle tre fokusområder med fokus på nye samarbejdsformer mellem kommuner, region og almen praksis.',
        on: null,
        level: 'PROFESSIONAL',
        assessed: ['INCORPORATED', 'Forebyggelse er omdrejningspunkt i alle tre fokusområder.'],
      },
      {
        theme: 'Ældre og borgere med kronisk sygdom',
        text: 'Fokusområdet behandler ældre og borgere med kronisk sygdom som to adskilte målgrupper. De ældre er også komplekse og har ofte flere kroniske sygdomme, så indsatsen skal hænge sammen.',
        on: 'Sammen om ældre og borgere med kronisk sygdom',
        level: 'PROFESSIONAL',
      },
      { theme: 'Tilgængelighed', text: 'Sundhedsvæsenet skal være let tilgængeligt for borgerne.', on: null, level: 'POLITICAL' },
      { theme: 'Fælles forskningsindsats', text: 'Fælles forskningsindsats mellem region, kommuner og almen praksis.', on: null, level: 'PROFESSIONAL' },
    ],
  },
  {
    cluster: 'Syd',
    user: 'klynge.syd',
    submittedAt: '2023-02-01T09:15:00+01:00',
    items: [
      {
        theme: 'Borgere med komplekse sociale udfordringer',
        text: 'Borgere med komplekse sociale udfordringer, herunder fokus på hjemløse, misbrugere og borgere med diagnoser på tværs af psykiatri og somatik.',
        on: 'Sammen om borgere med psykisk sygdom',
      },
    ],
  },
  {
    cluster: 'Byen',
    user: 'klynge.byen',
    submittedAt: '2023-01-31T15:40:00+01:00',
    items: [
      { theme: 'Fleksibilitet', text: 'Det er vigtigt, at sundhedsaftalen er fleksibel.', on: null },
      { theme: 'Lighed i sundhed', text: 'Ulighed i sundhed og socialt udsatte borgere.', on: 'Mere lighed i sundhed' },
      {
        theme: 'Børn og unges mentale trivsel',
        text: 'Børn og unges mentale trivsel.',
        on: 'Sammen om børn og unges sundhed',
        assessed: ['INCORPORATED', 'Fokusområdet om børn og unge målrettes særligt børn og unge i mental mistrivsel.'],
      },
      { theme: 'Datadeling', text: 'Datadeling som princip.', on: null, assessed: ['INCORPORATED', 'Principperne er justeret, så datadeling står tydeligt.'] },
      { theme: 'Rekruttering og fastholdelse', text: 'Rekruttering og fastholdelse.', on: null },
      { theme: 'Forebyggelse', text: 'Forebyggelse og populationsansvar som gennemgående tema.', on: 'Fælles populationsansvar' },
      { theme: 'Den sidste tid', text: 'Fokus på den sidste tid.', on: null },
    ],
  },
  {
    cluster: 'Bornholm',
    user: 'klynge.bornholm',
    submittedAt: '2023-01-25T11:00:00+01:00',
    items: [
      { theme: 'Populationsansvar og forebyggelse', text: 'Populationsansvar og forebyggelse.', on: 'Fælles populationsansvar' },
      {
        theme: 'Lighed i sundhed',
        text: 'Lighed i sundhed fremhæves som et særligt opmærksomhedspunkt set i forhold til klyngens ø-status og for at sikre lige adgang til regionens tilbud.',
        on: 'Mere lighed i sundhed',
      },
    ],
  },
];

export interface DemoInputRoundContext {
  db: DataSource;
  rounds: InputRoundsService;
  travelTo: TravelTo;
  /** The demo accounts' mail domain. */
  domain: string;
}

/** When the secretariat opened the round, its deadline, and when it assessed the input into the hearing draft. */
const OPENED_AT = '2022-12-19T09:00:00+01:00';
const DEADLINE = '2023-02-01T23:59:00+01:00';
const ASSESSED_AT = '2023-05-12T08:00:00+02:00';

/**
 * The closed round in which the five clusters sent their wishes for the 2024–2027 agreement by
 * 1 February 2023, replayed through InputRoundsService on the clock: the secretariat opens it on
 * 19 December 2022, each cluster's demo user submits its items (tied to the sections of the draft)
 * at the moment the input arrived, in that order, and on 12 May 2023 the secretariat assesses the
 * items it worked into the hearing draft (version 1). Each fact has its audit row at its moment.
 */
export async function seedDemoInputRound(
  context: DemoInputRoundContext,
  agreementId: string,
  content: JSONContent,
  secretariat: AuthUser,
  /** Freezes the hearing draft (version 1), between the input and its assessment. */
  freezeHearingDraft: () => Promise<void>,
): Promise<void> {
  const { db, rounds, travelTo, domain } = context;
  const sections = collectSections(content);
  const blocks = collectBlocks(content);
  const place = (on: string): string => {
    const section = sections.find((s) => s.title === on);
    if (section) return section.blockId;
    const block = blocks.find((b) => b.text === on);
    if (!block) throw new Error(`Demo input names "${on}", which is not in the draft`);
    return block.blockId;
  };
  const agreement = await db.getRepository(Agreement).findOneByOrFail({ id: agreementId });
  const clusters = new Map((await db.getRepository(Cluster).findBy({ regionId: agreement.regionId })).map((c) => [c.name, c]));
  const clusterOf = (name: string) => {
    const cluster = clusters.get(name);
    if (!cluster) throw new Error(`The demo cluster ${name} is missing`);
    return cluster;
  };

  travelTo(OPENED_AT);
  const round = await rounds.open(
    secretariat,
    {
      agreementId,
      title: 'Klyngernes ønsker til Sundhedsaftale 2024–2027',
      description: 'Sundhedssamarbejdsudvalget beder de fem sundhedsklynger drøfte rammeoplægget og sende deres ønsker til aftalen, så de kan indgå i høringsudkastet.',
      deadline: new Date(DEADLINE),
      clusterIds: INPUTS.map((input) => clusterOf(input.cluster).id),
    },
    null,
  );

  const assessments: Array<[itemId: string, assessed: [Outcome, string]]> = [];
  for (const input of [...INPUTS].sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt))) {
    const user = await actingUser(db, await db.getRepository(User).findOneByOrFail({ email: `${input.user}@${domain}` }));
    travelTo(input.submittedAt);
    const submitted = await rounds.submit(
      user,
      {
        roundId: round.id,
        clusterId: clusterOf(input.cluster).id,
        meetingDate: input.meeting?.[0] ?? null,
        meetingItem: input.meeting?.[1] ?? null,
        items: input.items.map((item) => ({ theme: item.theme, text: item.text, blockId: item.on ? place(item.on) : null, level: item.level ? (item.level as InputLevel) : null })),
      },
      null,
    );
    const items = await rounds.itemsOf(submitted);
    input.items.forEach((item, index) => {
      if (item.assessed) assessments.push([items[index].id, item.assessed]);
    });
  }

  await freezeHearingDraft();
  const [version] = await db.query<Array<{ id: string }>>(`SELECT "id" FROM "agreement_versions" WHERE "agreement_id" = $1 AND "number" = 1`, [agreementId]);
  travelTo(ASSESSED_AT);
  for (const [itemId, [outcome, reason]] of assessments) {
    await rounds.assess(secretariat, { itemId, outcome: outcome as InputOutcome, reason, versionId: version?.id ?? null }, null);
  }
}
