import { EntityManager } from 'typeorm';

export type DemoMilestone = [date: string, kind: string, phase: string | null, title: string, description: string | null];

/** Hovedstaden's road to the 2024–2027 agreement, from the meeting papers (seeds 000–002). */
const MILESTONES: DemoMilestone[] = [
  ['2022-09-21', 'MEETING', 'PREPARATION', 'Politisk Sundhedsklynge Midt drøfter klyngens fokus', null],
  ['2022-11-23', 'MEETING', 'INPUT_ROUND', 'Faglig Sundhedsklynge Midt drøfter rammeoplægget', null],
  ['2022-12-19', 'MEETING', 'INPUT_ROUND', 'Rammeoplæg for Sundhedsaftale 2024–2027 til drøftelse i klyngerne', 'Klyngerne sender deres ønsker til SSU-sekretariatet.'],
  ['2023-02-01', 'DEADLINE', 'INPUT_ROUND', 'Frist for klyngernes input til sekretariatet for SSU', null],
  ['2023-04-26', 'MEETING', 'DRAFTING', 'Møde i Politisk Sundhedsklynge Midt', null],
  ['2023-05-03', 'MEETING', 'DRAFTING', 'Kommunalpolitisk dialogmøde om sundhedsaftalen', 'KKR og Embedsmandsudvalget for Sundhed.'],
  ['2023-08-21', 'MEETING', 'PROCESSING', 'Høringsnotatet offentliggøres', 'Alle høringssvar er besvaret.'],
  ['2023-09-14', 'DECISION', 'APPROVAL', 'SSU godkender det endelige udkast', 'Møde i september 2023.'],
  ['2023-10-24', 'DECISION', 'APPROVAL', 'Regionsrådet godkender aftalen', null],
  ['2023-12-01', 'DEADLINE', 'APPROVAL', 'Regionsrådet og alle 29 kommuner har godkendt aftalen', null],
  ['2023-12-15', 'SUBMISSION', 'SUBMITTED', 'Aftalen sendes til Sundhedsstyrelsen', 'December 2023.'],
  ['2024-01-01', 'DECISION', 'IN_FORCE', 'Sundhedsaftale 2024–2027 træder i kraft', null],
];

export async function seedMilestones(manager: EntityManager, agreementId: string, milestones: DemoMilestone[]): Promise<void> {
  for (const [date, kind, phase, title, description] of milestones) {
    await manager.query(
      `INSERT INTO "milestones" ("agreement_id", "title", "kind", "date", "phase", "description", "done") VALUES ($1, $2, $3, $4, $5, $6, $4::date < current_date)`,
      [agreementId, title, kind, date, phase, description],
    );
  }
}

export async function seedDemoTimeline(manager: EntityManager, agreementId: string): Promise<void> {
  await seedMilestones(manager, agreementId, MILESTONES);
}
