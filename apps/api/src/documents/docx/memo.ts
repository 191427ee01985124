import { formatDanishDateTime, formatDanishDay } from '@aftalerum/dates';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { blockChangeLabel, MemoBlockChange, MemoComment, MemoModel, OUTCOME_LABELS } from '../memo';
import { xmlSafe } from '../safe-text';

const dateTime = { format: (instant: Date) => formatDanishDateTime(instant) };
const date = { format: (instant: Date) => formatDanishDay(instant) };

const excerpt = (value: string, length = 240) => (value.length > length ? `${value.slice(0, length - 1)}…` : value);

/** What became of a commented block: a line, and for a changed block its redline (removed words struck through, added ones underlined). */
function blockChange(change: MemoBlockChange, comparedWith: string): Paragraph[] {
  const label = new Paragraph({ indent: { left: 400 }, children: [new TextRun({ text: blockChangeLabel(change, comparedWith), italics: true, color: '565E68' })] });
  if (change.kind !== 'CHANGED') return [label];
  const runs = change.words.map((w) =>
    w.kind === 'ADDED' ? new TextRun({ text: w.text, underline: {}, color: '1A7F37' }) : w.kind === 'REMOVED' ? new TextRun({ text: w.text, strike: true, color: 'B42318' }) : new TextRun(w.text),
  );
  return [label, new Paragraph({ indent: { left: 400 }, children: runs })];
}

/** The hearing memo as a Word document. */
export async function memoDocx(given: MemoModel): Promise<Buffer> {
  // People's text enters here: characters XML 1.0 does not allow would make Word call the file damaged.
  const model = xmlSafe(given);
  const children: Paragraph[] = [
    new Paragraph({ text: 'Høringsnotat', heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: model.agreementTitle, bold: true })] }),
    new Paragraph(`${model.hearingTitle} – høringsudkast: ${model.versionLabel}. Høringsperiode ${date.format(model.opensAt)} til ${date.format(model.closesAt)}.`),
    new Paragraph(`Udarbejdet ${dateTime.format(model.generatedAt)}.`),
    new Paragraph({ text: '1. Hvem har svaret', heading: HeadingLevel.HEADING_1 }),
    new Paragraph(`${model.respondents.length} høringssvar er modtaget.`),
    ...model.respondents.map(
      (r) =>
        new Paragraph({
          bullet: { level: 0 },
          children: [
            new TextRun({ text: r.organisationName, bold: true }),
            new TextRun(` (${r.kindLabel}), ${r.reference}, modtaget ${dateTime.format(r.receivedAt)}${r.late ? ', sent' : ''}; ${r.comments} kommentarer.`),
          ],
        }),
    ),
    ...(model.notAnswered.length ? [new Paragraph({ children: [new TextRun({ text: 'Ikke svaret: ', bold: true }), new TextRun(`${model.notAnswered.join(', ')}.`)] })] : []),
    new Paragraph({ text: '2. Bemærkninger og svar', heading: HeadingLevel.HEADING_1 }),
  ];
  const point = (c: MemoComment): Paragraph[] => [
    new Paragraph({ children: [new TextRun({ text: `${c.organisationName} (${c.reference})`, bold: true })] }),
    ...(c.quote ? [new Paragraph({ children: [new TextRun({ text: `»${c.quote}«`, italics: true })], indent: { left: 400 } })] : []),
    ...c.text.split(/\n+/).map((line) => new Paragraph(line)),
    new Paragraph({
      indent: { left: 400 },
      children: [new TextRun({ text: 'Sekretariatets svar: ', bold: true }), new TextRun(c.reply ?? 'Ikke besvaret endnu.')],
    }),
    ...(c.outcome ? [new Paragraph({ indent: { left: 400 }, children: [new TextRun({ text: `Udfald: ${OUTCOME_LABELS[c.outcome]}`, italics: true })] })] : []),
  ];
  for (const section of model.sections) {
    children.push(new Paragraph({ text: section.title, heading: HeadingLevel.HEADING_2 }));
    for (const block of section.blocks) {
      children.push(new Paragraph({ children: [new TextRun({ text: `Til afsnittet: »${excerpt(block.text, 160)}«`, color: '565E68' })] }));
      for (const c of block.comments) children.push(...point(c));
      children.push(...blockChange(block.change, model.comparedWith));
    }
  }
  if (model.general.length) {
    children.push(new Paragraph({ text: 'Generelle bemærkninger', heading: HeadingLevel.HEADING_2 }));
    for (const c of model.general) children.push(...point(c));
  }
  if (model.campaigns.length) {
    children.push(new Paragraph({ text: 'Kampagner', heading: HeadingLevel.HEADING_2 }));
    for (const c of model.campaigns) {
      children.push(
        new Paragraph({ children: [new TextRun({ text: `Kampagne: ${c.size} enslydende høringssvar`, bold: true })] }),
        new Paragraph({ children: [new TextRun({ text: `Afsendere: ${c.senders.join(', ')}`, color: '565E68' })] }),
        ...c.text.split(/\n+/).map((line) => new Paragraph(line)),
        new Paragraph({ indent: { left: 400 }, children: [new TextRun({ text: 'Sekretariatets svar: ', bold: true }), new TextRun(c.reply ?? 'Ikke besvaret endnu.')] }),
        ...(c.outcome ? [new Paragraph({ indent: { left: 400 }, children: [new TextRun({ text: `Udfald: ${OUTCOME_LABELS[c.outcome]}`, italics: true })] })] : []),
      );
    }
  }
  children.push(new Paragraph({ text: `3. Ændringer fra høringsudkast til ${model.comparedWith}`, heading: HeadingLevel.HEADING_1 }));
  if (model.changes.length === 0) children.push(new Paragraph('Ingen ændringer.'));
  for (const change of model.changes) {
    const label = { ADDED: 'Tilføjet', REMOVED: 'Fjernet', CHANGED: 'Ændret' }[change.change];
    children.push(
      new Paragraph({
        children: [
          new TextRun({ text: `${label}${change.sectionTitle ? ` i ${change.sectionTitle}` : ''}: `, bold: true }),
          new TextRun(change.change === 'REMOVED' ? excerpt(change.before ?? '') : excerpt(change.after ?? '')),
        ],
      }),
    );
  }
  const doc = new Document({
    creator: 'Aftalerum',
    title: `Høringsnotat – ${model.agreementTitle}`,
    styles: { default: { document: { run: { language: { value: 'da-DK' }, font: 'Calibri' } } } },
    sections: [{ properties: {}, children: [...children, new Paragraph({ alignment: AlignmentType.RIGHT, text: 'Aftalerum' })] }],
  });
  return Packer.toBuffer(doc);
}
