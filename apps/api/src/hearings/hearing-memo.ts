import { formatDanishDateTime, formatDanishDay } from '@aftalerum/dates';
import { collectBlocks, collectSections, JSONContent } from '@aftalerum/editor';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { BlockChange } from '../agreements/dtos/draft-types';
import { xmlSafe } from '../documents/safe-text';
import { CommentOutcome } from './hearing-comment.entity';

export const OUTCOME_LABELS: Record<CommentOutcome, string> = {
  INCORPORATED: 'Indarbejdet',
  PARTLY_INCORPORATED: 'Delvist indarbejdet',
  NOT_INCORPORATED: 'Ikke indarbejdet',
  NOTED: 'Noteret',
};

export interface MemoComment {
  organisationName: string;
  reference: string;
  quote: string | null;
  text: string;
  reply: string | null;
  outcome: CommentOutcome | null;
}

export interface MemoRespondent {
  organisationName: string;
  kindLabel: string;
  reference: string;
  receivedAt: Date;
  late: boolean;
  summary: string | null;
  comments: number;
}

export interface MemoModel {
  agreementTitle: string;
  hearingTitle: string;
  versionLabel: string;
  opensAt: Date;
  closesAt: Date;
  generatedAt: Date;
  respondents: MemoRespondent[];
  /** The invited organisations that did not answer, by name. */
  notAnswered: string[];
  /** In the order of the hearing draft: each section with the comments on its blocks. */
  sections: Array<{ title: string; blocks: Array<{ text: string; comments: MemoComment[] }> }>;
  general: MemoComment[];
  /** What changed from the hearing draft to the version compared with. */
  changes: BlockChange[];
  comparedWith: string;
  /** The version compared with; null: the live draft. */
  comparedVersionId: string | null;
}

const dateTime = { format: (instant: Date) => formatDanishDateTime(instant) };
const date = { format: (instant: Date) => formatDanishDay(instant) };

/** Groups the comments by the section and block of the hearing draft they concern. */
export function memoSections(content: JSONContent, comments: Array<MemoComment & { blockId: string | null }>) {
  const bySection = collectSections(content).map((section) => ({ id: section.blockId, title: section.title, blocks: [] as Array<{ text: string; comments: MemoComment[] }> }));
  const sectionIndex = new Map(bySection.map((s, i) => [s.id, i]));
  for (const block of collectBlocks(content)) {
    if (block.type === 'listItem' || block.type === 'tableCell' || block.type === 'tableHeader') continue;
    const onBlock = comments.filter((c) => c.blockId === block.blockId);
    const index = block.sectionId ? sectionIndex.get(block.sectionId) : undefined;
    if (onBlock.length && index !== undefined) bySection[index].blocks.push({ text: block.text, comments: onBlock });
  }
  return bySection.filter((s) => s.blocks.length > 0).map(({ title, blocks }) => ({ title, blocks }));
}

const escape = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const paragraphs = (value: string) => value.split(/\n+/).map((line) => `<p>${escape(line)}</p>`).join('');
const excerpt = (value: string, length = 240) => (value.length > length ? `${value.slice(0, length - 1)}…` : value);

/** The hearing memo as a complete HTML page; every text is escaped. */
export function memoHtml(given: MemoModel): string {
  // People's text enters here: no control characters in the page (they are parse errors in HTML).
  const model = xmlSafe(given);
  const comment = (c: MemoComment) => `
      <article class="point">
        <h4>${escape(c.organisationName)} <span class="ref">(${escape(c.reference)})</span></h4>
        ${c.quote ? `<blockquote>${escape(c.quote)}</blockquote>` : ''}
        <div class="said">${paragraphs(c.text)}</div>
        <div class="reply"><strong>Sekretariatets svar:</strong> ${c.reply ? paragraphs(c.reply) : '<em>Ikke besvaret endnu.</em>'}
        ${c.outcome ? `<p class="outcome">Udfald: ${escape(OUTCOME_LABELS[c.outcome])}</p>` : ''}</div>
      </article>`;
  const changeRow = (c: BlockChange) =>
    `<tr><td>${escape(c.sectionTitle ?? '')}</td><td>${escape({ ADDED: 'Tilføjet', REMOVED: 'Fjernet', CHANGED: 'Ændret' }[c.change])}</td><td>${escape(excerpt(c.before ?? ''))}</td><td>${escape(excerpt(c.after ?? ''))}</td></tr>`;
  return `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>Høringsnotat – ${escape(model.agreementTitle)}</title>
<style>
  @page { size: A4; margin: 2.2cm; }
  body { font-family: Georgia, 'Times New Roman', serif; color: #1b1f24; line-height: 1.5; max-width: 48rem; margin: 0 auto; padding: 1rem; }
  h1, h2, h3, h4 { font-family: system-ui, sans-serif; }
  .ref { color: #565e68; font-weight: normal; }
  blockquote { border-left: 3px solid #1d4f91; margin: .5rem 0; padding-left: .75rem; color: #333; }
  .reply { background: #f1f5fb; padding: .5rem .75rem; border-radius: 4px; }
  table { border-collapse: collapse; width: 100%; font-size: .9rem; }
  th, td { border: 1px solid #c5ccd4; padding: .3rem .5rem; text-align: left; vertical-align: top; }
  .point { break-inside: avoid; margin-bottom: 1rem; }
</style></head>
<body>
<header>
  <h1>Høringsnotat</h1>
  <p><strong>${escape(model.agreementTitle)}</strong></p>
  <p>${escape(model.hearingTitle)} – høringsudkast: ${escape(model.versionLabel)}. Høringsperiode ${escape(date.format(model.opensAt))} til ${escape(date.format(model.closesAt))}.</p>
  <p>Udarbejdet ${escape(dateTime.format(model.generatedAt))}.</p>
</header>
<section><h2>1. Hvem har svaret</h2>
  <p>${model.respondents.length} høringssvar er modtaget.</p>
  <table><thead><tr><th>Organisation</th><th>Type</th><th>Kvitteringsnummer</th><th>Modtaget</th><th>Kommentarer</th></tr></thead><tbody>
  ${model.respondents
    .map((r) => `<tr><td>${escape(r.organisationName)}</td><td>${escape(r.kindLabel)}</td><td>${escape(r.reference)}</td><td>${escape(dateTime.format(r.receivedAt))}${r.late ? ' (sent)' : ''}</td><td>${r.comments}</td></tr>`)
    .join('')}
  </tbody></table>
  ${model.notAnswered.length ? `<p class="not-answered"><strong>Ikke svaret:</strong> ${model.notAnswered.map(escape).join(', ')}.</p>` : ''}
</section>
<section><h2>2. Bemærkninger og svar, ordnet efter aftalens opbygning</h2>
${model.sections
  .map(
    (s) => `<section><h3>${escape(s.title)}</h3>${s.blocks
      .map((b) => `<p class="ref">Til afsnittet: »${escape(excerpt(b.text, 160))}«</p>${b.comments.map(comment).join('')}`)
      .join('')}</section>`,
  )
  .join('')}
${model.general.length ? `<section><h3>Generelle bemærkninger</h3>${model.general.map(comment).join('')}</section>` : ''}
</section>
<section><h2>3. Ændringer fra høringsudkast til ${escape(model.comparedWith)}</h2>
${model.changes.length ? `<table><thead><tr><th>Afsnit</th><th>Ændring</th><th>Før</th><th>Efter</th></tr></thead><tbody>${model.changes.map(changeRow).join('')}</tbody></table>` : '<p>Ingen ændringer.</p>'}
</section>
</body></html>`;
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
    }
  }
  if (model.general.length) {
    children.push(new Paragraph({ text: 'Generelle bemærkninger', heading: HeadingLevel.HEADING_2 }));
    for (const c of model.general) children.push(...point(c));
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
