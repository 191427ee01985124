import { formatDanishDate, formatDanishDateTime } from '@aftalerum/dates';
import { DraftSection, SECTION_KIND_LABELS, SectionKind } from '@aftalerum/editor';
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { buildMatrix, NO_SECTION_TITLE } from '../input-matrix';
import { xmlSafe } from '../safe-text';

/*
 * The input summary (sammenfatning af input) the SSU discusses, as a Word document, fed plain
 * data the input rounds feature builds.
 */

/** Which cluster gave an input item. */
export type SummaryLevel = 'POLITICAL' | 'PROFESSIONAL';
/** What the secretariat decided about an input item. */
export type SummaryOutcome = 'INCORPORATED' | 'PARTLY_INCORPORATED' | 'NOT_INCORPORATED' | 'NOTED';

export const OUTCOME_LABELS: Record<SummaryOutcome, string> = {
  INCORPORATED: 'Indarbejdet',
  PARTLY_INCORPORATED: 'Delvist indarbejdet',
  NOT_INCORPORATED: 'Ikke indarbejdet',
  NOTED: 'Noteret',
};

export const LEVEL_LABELS: Record<SummaryLevel, string> = {
  POLITICAL: 'Politisk klynge',
  PROFESSIONAL: 'Faglig klynge',
};


export interface SummaryItem {
  participantName: string;
  theme: string;
  text: string;
  level: SummaryLevel | null;
  section: { id: string; title: string; kind: string; live: boolean } | null;
  assessment: { outcome: SummaryOutcome; reason: string; versionLabel: string | null } | null;
}

export interface SummaryParticipant {
  name: string;
  deadline: Date;
  submittedAt: Date | null;
  number: number | null;
  meetingDate: string | null;
  meetingItem: string | null;
  items: number;
}

export interface InputSummaryModel {
  agreementTitle: string;
  roundTitle: string;
  description: string | null;
  askedAbout: string;
  deadline: Date;
  generatedAt: Date;
  participants: SummaryParticipant[];
  sections: DraftSection[];
  items: SummaryItem[];
}



/** '2023-02-01T…' → '1. februar 2023 kl. 00.00', in Danish time. */
export const formatDeadline = (value: Date) => formatDanishDateTime(value);
const formatIsoDate = (value: string) => formatDanishDate(value);

/** The items in the order of the live draft's sections, then the general ones. */
export function itemsBySection(sections: DraftSection[], items: SummaryItem[]): Array<{ title: string; kind: SectionKind | null; items: SummaryItem[] }> {
  const groups = sections.map((s) => ({ id: s.blockId as string | null, title: s.title, kind: s.kind as SectionKind | null, items: [] as SummaryItem[] }));
  const general = { id: null, title: NO_SECTION_TITLE, kind: null, items: [] as SummaryItem[] };
  const groupOf = new Map(groups.map((g) => [g.id, g]));
  for (const item of items) (item.section ? (groupOf.get(item.section.id) ?? general) : general).items.push(item);
  return [...groups, general].filter((g) => g.items.length > 0).map(({ title, kind, items: list }) => ({ title, kind, items: list }));
}

const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })], margins: { top: 40, bottom: 40, left: 80, right: 80 } });

/** The input summary the SSU discusses, as a Word document. */
export async function inputSummaryDocx(given: InputSummaryModel): Promise<Buffer> {
  // People's text enters here: characters XML 1.0 does not allow would make Word call the file damaged.
  const model = xmlSafe(given);
  const submitted = model.participants.filter((p) => p.submittedAt);
  const missing = model.participants.filter((p) => !p.submittedAt);
  const children: Array<Paragraph | Table> = [
    new Paragraph({ text: 'Sammenfatning af input', heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: model.agreementTitle, bold: true })] }),
    new Paragraph(`${model.roundTitle} – om ${model.askedAbout}. Frist ${formatDeadline(model.deadline)}.`),
    ...(model.description ? [new Paragraph({ children: [new TextRun({ text: model.description, italics: true })] })] : []),
    new Paragraph(`Udarbejdet ${formatDeadline(model.generatedAt)}.`),
    new Paragraph({ text: '1. Hvem har givet input', heading: HeadingLevel.HEADING_1 }),
    new Paragraph(`${submitted.length} af ${model.participants.length} har indsendt input.`),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: {
        top: { style: BorderStyle.SINGLE, size: 4, color: 'C5CCD4' },
        bottom: { style: BorderStyle.SINGLE, size: 4, color: 'C5CCD4' },
        left: { style: BorderStyle.SINGLE, size: 4, color: 'C5CCD4' },
        right: { style: BorderStyle.SINGLE, size: 4, color: 'C5CCD4' },
        insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: 'C5CCD4' },
        insideVertical: { style: BorderStyle.SINGLE, size: 4, color: 'C5CCD4' },
      },
      rows: [
        new TableRow({ tableHeader: true, children: ['Klynge / organisation', 'Indsendt', 'Besluttet på møde', 'Punkter'].map((h) => cell(h, true)) }),
        ...model.participants.map(
          (p) =>
            new TableRow({
              children: [
                cell(p.name),
                cell(p.submittedAt ? `${formatDeadline(p.submittedAt)}${p.number && p.number > 1 ? ` (indsendelse ${p.number})` : ''}` : 'Ikke indsendt'),
                cell([p.meetingDate ? formatIsoDate(p.meetingDate) : '', p.meetingItem ?? ''].filter(Boolean).join(', ') || '–'),
                cell(String(p.items)),
              ],
            }),
        ),
      ],
    }),
    ...(missing.length ? [new Paragraph(`Mangler: ${missing.map((p) => p.name).join(', ')}.`)] : []),
    new Paragraph({ text: '2. Input ordnet efter aftalens opbygning', heading: HeadingLevel.HEADING_1 }),
  ];
  const sections = itemsBySection(model.sections, model.items);
  if (sections.length === 0) children.push(new Paragraph('Der er ikke indsendt input endnu.'));
  for (const section of sections) {
    children.push(new Paragraph({ text: section.kind ? `${SECTION_KIND_LABELS[section.kind]}: ${section.title}` : section.title, heading: HeadingLevel.HEADING_2 }));
    for (const item of section.items) {
      children.push(
        new Paragraph({
          children: [
            new TextRun({ text: `${item.participantName} – ${item.theme}`, bold: true }),
            ...(item.level ? [new TextRun({ text: ` (${LEVEL_LABELS[item.level]})`, color: '565E68' })] : []),
          ],
        }),
        ...item.text.split(/\n+/).map((line) => new Paragraph({ text: line, indent: { left: 400 } })),
        new Paragraph({
          indent: { left: 400 },
          children: item.assessment
            ? [
                new TextRun({ text: `${OUTCOME_LABELS[item.assessment.outcome]}: `, bold: true }),
                new TextRun(item.assessment.reason),
                ...(item.assessment.versionLabel ? [new TextRun({ text: ` (${item.assessment.versionLabel})`, italics: true })] : []),
              ]
            : [new TextRun({ text: 'Ikke vurderet endnu.', italics: true })],
        }),
      );
    }
  }
  const themes = buildMatrix(
    model.sections,
    [...new Set(model.items.map((i) => i.participantName))].map((name) => ({ name, organisationId: name, clusterId: null, submitted: true })),
    model.items.map((i) => ({ organisationId: i.participantName, theme: i.theme, section: i.section })),
  ).themes;
  children.push(new Paragraph({ text: '3. Temaer på tværs', heading: HeadingLevel.HEADING_1 }));
  if (themes.length === 0) children.push(new Paragraph('Ingen temaer endnu.'));
  for (const theme of themes) {
    children.push(
      new Paragraph({
        bullet: { level: 0 },
        children: [new TextRun({ text: theme.theme, bold: true }), new TextRun(`: ${theme.count} ${theme.count === 1 ? 'punkt' : 'punkter'} fra ${theme.participants.join(', ')}.`)],
      }),
    );
  }
  const doc = new Document({
    creator: 'Aftalerum',
    title: `Sammenfatning af input – ${model.roundTitle}`,
    styles: { default: { document: { run: { language: { value: 'da-DK' }, font: 'Calibri' } } } },
    sections: [{ properties: {}, children: [...children, new Paragraph({ alignment: AlignmentType.RIGHT, text: 'Aftalerum' })] }],
  });
  return Packer.toBuffer(doc);
}
