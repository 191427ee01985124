import { collectBlocks, documentText, JSONContent } from '@aftalerum/editor';
import { EntityManager } from 'typeorm';
import { sequenceName } from '../hearings/hearings.service';

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

const REPLIED_AT = '2023-06-26T10:00:00+02:00';

/**
 * The broad hearing on the hearing draft (version 1), closed on 12 June 2023, with responses from
 * patient and professional organisations, PLO, hospitals and municipalities, every one answered.
 * Returns the hearing's id.
 */
export async function seedDemoHearing(manager: EntityManager, agreementId: string, content: JSONContent, secretariatId: string): Promise<string> {
  const [{ id: versionId }] = await manager.query<Array<{ id: string }>>(
    `INSERT INTO "agreement_versions" ("agreement_id", "number", "label", "content", "text", "created_by", "created_at")
     VALUES ($1, 1, 'Høringsudkast', $2, $3, $4, '2023-05-15T09:00:00+02:00') RETURNING "id"`,
    [agreementId, JSON.stringify(content), documentText(content), secretariatId],
  );
  const [{ id: hearingId }] = await manager.query<Array<{ id: string }>>(
    `INSERT INTO "hearings" ("agreement_id", "version_id", "title", "opens_at", "closes_at", "reference_prefix", "created_by", "created_at")
     VALUES ($1, $2, 'Bred høring over Sundhedsaftale 2024–2027', '2023-05-15T09:00:00+02:00', '2023-06-12T12:00:00+02:00', 'SA24-H', $3, '2023-05-15T09:00:00+02:00')
     RETURNING "id"`,
    [agreementId, versionId, secretariatId],
  );
  await manager.query(`CREATE SEQUENCE "${sequenceName(hearingId)}" START 1`);
  const invited = [...new Set(['Kræftens Bekæmpelse', 'Diabetesforeningen', 'FOA', ...HEARING_RESPONSES.map((r) => r.organisation)])];
  for (const name of invited) {
    await manager.query(
      `INSERT INTO "hearing_invitations" ("hearing_id", "organisation_id", "token_hash") SELECT $1, "id", 'demo-' || "id" FROM "organisations" WHERE "name" = $2`,
      [hearingId, name],
    );
  }
  const blocks = collectBlocks(content).filter((b) => b.type === 'heading' || b.type === 'paragraph');
  for (const response of HEARING_RESPONSES) {
    const [{ id: organisationId }] = await manager.query<Array<{ id: string }>>('SELECT "id" FROM "organisations" WHERE "name" = $1', [response.organisation]);
    const [{ n }] = await manager.query<Array<{ n: string }>>(`SELECT nextval('"${sequenceName(hearingId)}"') AS n`);
    const [{ id: responseId }] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO "hearing_responses" ("hearing_id", "organisation_id", "reference", "idempotency_key", "summary", "publish", "submitted_by", "submitted_by_name", "received_at", "reply", "outcome", "replied_by", "replied_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $7, $12) RETURNING "id"`,
      [hearingId, organisationId, `SA24-H-${String(n).padStart(4, '0')}`, `demo-${n}`, response.summary, response.publish, secretariatId, response.by, response.receivedAt, response.reply[0], response.reply[1], REPLIED_AT],
    );
    for (const [index, comment] of response.comments.entries()) {
      const block = comment.on ? blocks.find((b) => b.text.startsWith(comment.on as string)) : null;
      if (comment.on && !block) throw new Error(`demo hearing: no block "${comment.on}"`);
      await manager.query(
        `INSERT INTO "hearing_comments" ("response_id", "position", "block_id", "text", "reply", "outcome", "replied_by", "replied_at")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [responseId, index + 1, block?.blockId ?? null, comment.text, comment.reply[0], comment.reply[1], secretariatId, REPLIED_AT],
      );
    }
  }
  return hearingId;
}
