import { collectBlocks, documentText, JSONContent } from '@aftalerum/editor';
import { EntityManager } from 'typeorm';
import { sequenceName } from '../hearings/hearings.service';

interface DemoComment {
  /** Text of the block the comment is on (first block whose text starts with it), or null for general. */
  on: string | null;
  text: string;
  reply?: [string, 'INCORPORATED' | 'PARTLY_INCORPORATED' | 'NOT_INCORPORATED' | 'NOTED'];
}

const RESPONSES: Array<{ organisation: string; summary: string; publish: boolean; comments: DemoComment[]; receivedAt: string }> = [
  {
    organisation: 'Danske Patienter',
    receivedAt: '2023-07-03T10:12:00+02:00',
    publish: true,
    summary: 'Danske Patienter støtter visionerne og ønsker, at patienter og pårørende inddrages systematisk i aftalens indsatser.',
    comments: [
      { on: 'Mere samspil med borgeren', text: 'Pårørende bør nævnes eksplicit som en ressource og som nogen, der selv har brug for støtte.', reply: ['Pårørende er tilføjet i visionen.', 'INCORPORATED'] },
      { on: 'Borgerne med fra start', text: 'Princippet bør konkretiseres: hvordan måles det, at borgerne er med fra start?', reply: ['Konkrete mål fastlægges i arbejdsplanen for aftalen.', 'NOTED'] },
    ],
  },
  {
    organisation: 'Hjerteforeningen',
    receivedAt: '2023-07-10T14:40:00+02:00',
    publish: true,
    summary: 'Hjerteforeningen ønsker mere fokus på rehabilitering efter hjertesygdom.',
    comments: [
      { on: 'Sammen om ældre og borgere med kronisk sygdom', text: 'Hjerterehabilitering bør nævnes under fokusområdet, da tilbuddene er meget forskellige fra kommune til kommune.', reply: ['Rehabilitering er nævnt generelt; konkrete sygdomsområder prioriteres i arbejdsplanen.', 'PARTLY_INCORPORATED'] },
    ],
  },
  {
    organisation: 'SIND – Landsforeningen for psykisk sundhed',
    receivedAt: '2023-08-01T09:05:00+02:00',
    publish: false,
    summary: 'SIND savner mål for ventetider i psykiatrien.',
    comments: [
      { on: 'Sammen om borgere med psykisk sygdom', text: 'Der bør være et konkret mål for ventetid til udredning for børn og unge.' },
      { on: null, text: 'Generelt bør aftalen have færre og mere målbare mål.' },
    ],
  },
  {
    organisation: 'Dansk Sygeplejeråd, Kreds Hovedstaden',
    receivedAt: '2023-08-14T16:30:00+02:00',
    publish: true,
    summary: 'DSR peger på rekruttering og fastholdelse som afgørende for, at aftalen kan realiseres.',
    comments: [
      { on: 'Fælles kompetenceudvikling', text: 'Princippet bør også omfatte fælles rekruttering og fastholdelse af sundhedspersonale.', reply: ['Rekruttering er tilføjet i princippet.', 'INCORPORATED'] },
    ],
  },
];

/**
 * A closed hearing on the demo hearing draft (version 1), with responses from several
 * organisations, some answered.
 */
export async function seedDemoHearing(manager: EntityManager, agreementId: string, content: JSONContent, secretariatId: string): Promise<void> {
  const [{ id: versionId }] = await manager.query<Array<{ id: string }>>(
    `INSERT INTO "agreement_versions" ("agreement_id", "number", "label", "content", "text", "created_by", "created_at")
     VALUES ($1, 1, 'Høringsudkast', $2, $3, $4, '2023-06-01T09:00:00+02:00') RETURNING "id"`,
    [agreementId, JSON.stringify(content), documentText(content), secretariatId],
  );
  const [{ id: hearingId }] = await manager.query<Array<{ id: string }>>(
    `INSERT INTO "hearings" ("agreement_id", "version_id", "title", "opens_at", "closes_at", "reference_prefix", "created_by", "created_at")
     VALUES ($1, $2, 'Bred høring over Sundhedsaftale 2024–2027', '2023-06-01T09:00:00+02:00', '2023-08-15T12:00:00+02:00', 'SA24-H', $3, '2023-06-01T09:00:00+02:00')
     RETURNING "id"`,
    [agreementId, versionId, secretariatId],
  );
  await manager.query(`CREATE SEQUENCE "${sequenceName(hearingId)}" START 1`);
  const invited = ['Danske Patienter', 'Hjerteforeningen', 'Kræftens Bekæmpelse', 'Diabetesforeningen', 'SIND – Landsforeningen for psykisk sundhed', 'Ældre Sagen', 'Dansk Sygeplejeråd, Kreds Hovedstaden', 'Lægeforeningen', 'PLO-Hovedstaden'];
  for (const name of invited) {
    await manager.query(
      `INSERT INTO "hearing_invitations" ("hearing_id", "organisation_id", "token_hash") SELECT $1, "id", 'demo-' || "id" FROM "organisations" WHERE "name" = $2`,
      [hearingId, name],
    );
  }
  const blocks = collectBlocks(content).filter((b) => b.type === 'heading' || b.type === 'paragraph');
  for (const response of RESPONSES) {
    const [{ id: organisationId }] = await manager.query<Array<{ id: string }>>('SELECT "id" FROM "organisations" WHERE "name" = $1', [response.organisation]);
    const [{ n }] = await manager.query<Array<{ n: string }>>(`SELECT nextval('"${sequenceName(hearingId)}"') AS n`);
    const [{ id: responseId }] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO "hearing_responses" ("hearing_id", "organisation_id", "reference", "idempotency_key", "summary", "publish", "submitted_by", "submitted_by_name", "received_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'Demo-bruger', $8) RETURNING "id"`,
      [hearingId, organisationId, `SA24-H-${String(n).padStart(4, '0')}`, `demo-${n}`, response.summary, response.publish, secretariatId, response.receivedAt],
    );
    for (const [index, comment] of response.comments.entries()) {
      const block = comment.on ? blocks.find((b) => b.text.startsWith(comment.on as string)) : null;
      if (comment.on && !block) throw new Error(`demo hearing: no block "${comment.on}"`);
      await manager.query(
        `INSERT INTO "hearing_comments" ("response_id", "position", "block_id", "text", "reply", "outcome", "replied_by", "replied_at")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [responseId, index + 1, block?.blockId ?? null, comment.text, comment.reply?.[0] ?? null, comment.reply?.[1] ?? null, comment.reply ? secretariatId : null, comment.reply ? '2023-08-30T10:00:00+02:00' : null],
      );
    }
  }
}
