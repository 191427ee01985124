import { collectBlocks, collectSections, JSONContent } from '@aftalerum/editor';
import { EntityManager } from 'typeorm';

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

/**
 * The closed round in which the five clusters sent their wishes for the 2024–2027 agreement
 * by 1 February 2023, on the draft skeleton, each input submitted by the cluster's demo user.
 */
export async function seedDemoInputRound(manager: EntityManager, agreementId: string, content: JSONContent, secretariatId: string): Promise<void> {
  const sections = collectSections(content);
  const blocks = collectBlocks(content);
  const sectionById = new Map(sections.map((s) => [s.blockId, s]));
  const place = (on: string) => {
    const section = sections.find((s) => s.title === on);
    if (section) return { blockId: section.blockId, section };
    const block = blocks.find((b) => b.text === on);
    const parent = block?.sectionId ? sectionById.get(block.sectionId) : undefined;
    if (!block || !parent) throw new Error(`Demo input names "${on}", which is not in the draft`);
    return { blockId: block.blockId, section: parent };
  };

  const [{ id: roundId }] = await manager.query<Array<{ id: string }>>(
    `INSERT INTO "input_rounds" ("agreement_id", "title", "description", "deadline", "created_by", "created_at")
     VALUES ($1, $2, $3, '2023-02-01T23:59:00+01:00', $4, '2022-12-19T09:00:00+01:00') RETURNING "id"`,
    [
      agreementId,
      'Klyngernes ønsker til Sundhedsaftale 2024–2027',
      'Sundhedssamarbejdsudvalget beder de fem sundhedsklynger drøfte rammeoplægget og sende deres ønsker til aftalen, så de kan indgå i høringsudkastet.',
      secretariatId,
    ],
  );
  const [version] = await manager.query<Array<{ id: string }>>(`SELECT "id" FROM "agreement_versions" WHERE "agreement_id" = $1 AND "number" = 1`, [agreementId]);

  for (const input of INPUTS) {
    const [cluster] = await manager.query<Array<{ id: string; organisation_id: string }>>(
      `SELECT c."id", c."organisation_id" FROM "clusters" c JOIN "agreements" a ON a."region_id" = c."region_id" WHERE a."id" = $1 AND c."name" = $2`,
      [agreementId, input.cluster],
    );
    const [user] = await manager.query<Array<{ id: string; name: string }>>(`SELECT "id", "name" FROM "users" WHERE "email" = $1`, [`${input.user}@aftalerum.test`]);
    await manager.query(`INSERT INTO "input_round_participants" ("round_id", "organisation_id", "cluster_id") VALUES ($1, $2, $3)`, [roundId, cluster.organisation_id, cluster.id]);
    // Written as a draft first: a submitted input takes no more items.
    const [{ id: inputId }] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO "cluster_inputs" ("round_id", "organisation_id", "cluster_id", "meeting_date", "meeting_item", "created_at", "updated_at")
       VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING "id"`,
      [roundId, cluster.organisation_id, cluster.id, input.meeting?.[0] ?? null, input.meeting?.[1] ?? null, input.submittedAt],
    );
    for (const [index, item] of input.items.entries()) {
      const placed = item.on ? place(item.on) : null;
      const [{ id: itemId }] = await manager.query<Array<{ id: string }>>(
        `INSERT INTO "cluster_input_items" ("input_id", "position", "block_id", "section_id", "section_title", "theme", "text", "level")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING "id"`,
        [inputId, index + 1, placed?.blockId ?? null, placed?.section.blockId ?? null, placed?.section.title ?? null, item.theme, item.text, item.level ?? null],
      );
      if (item.assessed) {
        await manager.query(
          `INSERT INTO "input_item_assessments" ("item_id", "outcome", "reason", "version_id", "assessed_by", "assessed_at") VALUES ($1, $2, $3, $4, $5, '2023-05-12T08:00:00+02:00')`,
          [itemId, item.assessed[0], item.assessed[1], version?.id ?? null, secretariatId],
        );
      }
    }
    await manager.query(`UPDATE "cluster_inputs" SET "number" = 1, "submitted_at" = $2, "submitted_by" = $3, "submitted_by_name" = $4, "updated_at" = $2 WHERE "id" = $1`, [
      inputId,
      input.submittedAt,
      user.id,
      user.name,
    ]);
  }
}
