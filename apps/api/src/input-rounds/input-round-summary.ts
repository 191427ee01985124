import { formatDanishDate, formatDanishDateTime } from '@aftalerum/dates';
import { collectBlocks, collectSections, DraftSection, JSONContent, SECTION_KIND_LABELS, SectionKind } from '@aftalerum/editor';
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { xmlSafe } from '../documents/safe-text';
import { InputLevel, ItemSection } from './cluster-input-item.entity';
import { InputOutcome } from './input-item-assessment.entity';

export const OUTCOME_LABELS: Record<InputOutcome, string> = {
  INCORPORATED: 'Indarbejdet',
  PARTLY_INCORPORATED: 'Delvist indarbejdet',
  NOT_INCORPORATED: 'Ikke indarbejdet',
  NOTED: 'Noteret',
};

export const LEVEL_LABELS: Record<InputLevel, string> = {
  POLITICAL: 'Politisk klynge',
  PROFESSIONAL: 'Faglig klynge',
};

/** The column for items that are not tied to a section of the draft. */
export const NO_SECTION_TITLE = 'Generelt (intet afsnit)';

/** Where each block of a draft sits: the section itself for a section id, else its section. */
export function sectionIndex(content: JSONContent): Map<string, DraftSection> {
  const sections = collectSections(content);
  const byId = new Map(sections.map((s) => [s.blockId, s]));
  const index = new Map<string, DraftSection>(byId);
  for (const block of collectBlocks(content)) {
    const section = block.sectionId ? byId.get(block.sectionId) : undefined;
    if (section) index.set(block.blockId, section);
  }
  return index;
}

/**
 * The section an item concerns in the live draft. Block ids are stable across versions, so
 * the block is looked up first; a block since removed falls back to the section it was in.
 */
export function locateItem(
  item: { blockId: string | null; storedSectionId: string | null; storedSectionTitle: string | null },
  live: Map<string, DraftSection>,
): ItemSection | null {
  if (!item.blockId) return null;
  const current = live.get(item.blockId);
  if (current) return { id: current.blockId, title: current.title, kind: current.kind, live: true };
  const former = item.storedSectionId ? live.get(item.storedSectionId) : undefined;
  if (former) return { id: former.blockId, title: former.title, kind: former.kind, live: false };
  if (item.storedSectionId) return { id: item.storedSectionId, title: item.storedSectionTitle ?? 'Udgået afsnit', kind: 'OTHER', live: false };
  return null;
}

export interface MatrixParticipant {
  name: string;
  organisationId: string;
  clusterId: string | null;
  submitted: boolean;
}

export interface MatrixItem {
  organisationId: string;
  theme: string;
  section: ItemSection | null;
}

/** Themes are grouped regardless of case and spacing ("Forebyggelse" = "forebyggelse "). */
export const themeKey = (theme: string) => theme.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');

/**
 * The secretariat's overview: participants × the live draft's sections (in document order,
 * then a column for items tied to no section), with item counts, and the themes raised
 * across participants, most raised first.
 */
export function buildMatrix(sections: DraftSection[], participants: MatrixParticipant[], items: MatrixItem[]) {
  const columns = [
    ...sections.map((s) => ({ sectionId: s.blockId as string | null, title: s.title, kind: s.kind as SectionKind | null, total: 0 })),
    { sectionId: null, title: NO_SECTION_TITLE, kind: null, total: 0 },
  ];
  const columnOf = new Map(sections.map((s, i) => [s.blockId, i]));
  const general = columns.length - 1;
  const rows = participants.map((p) => ({ name: p.name, organisationId: p.organisationId, clusterId: p.clusterId, submitted: p.submitted, counts: columns.map(() => 0), total: 0 }));
  const rowOf = new Map(rows.map((r, i) => [r.organisationId, i]));
  const themes = new Map<string, { theme: string; count: number; participants: Set<string> }>();
  for (const item of items) {
    const row = rowOf.get(item.organisationId);
    if (row === undefined) continue;
    const column = item.section ? (columnOf.get(item.section.id) ?? general) : general;
    rows[row].counts[column]++;
    rows[row].total++;
    columns[column].total++;
    const key = themeKey(item.theme);
    const theme = themes.get(key) ?? { theme: item.theme.trim(), count: 0, participants: new Set<string>() };
    theme.count++;
    theme.participants.add(rows[row].name);
    themes.set(key, theme);
  }
  return {
    sections: columns,
    rows,
    themes: [...themes.values()]
      .map((t) => ({ theme: t.theme, count: t.count, participants: [...t.participants].sort((a, b) => a.localeCompare(b, 'da')) }))
      .sort((a, b) => b.participants.length - a.participants.length || b.count - a.count || a.theme.localeCompare(b.theme, 'da')),
    total: items.filter((i) => rowOf.has(i.organisationId)).length,
  };
}

export interface SummaryItem {
  participantName: string;
  theme: string;
  text: string;
  level: InputLevel | null;
  section: ItemSection | null;
  assessment: { outcome: InputOutcome; reason: string; versionLabel: string | null } | null;
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
