import { formatDanishDateTime, formatDanishDay } from '@aftalerum/dates';
import { PDFDocument, PDFFont, PDFPage, rgb } from 'pdf-lib';
import { embedFonts, pdfText, textWidth } from './fonts';
import { blockChangeLabel, MemoComment, MemoModel, OUTCOME_LABELS } from '../memo';

const A4: [number, number] = [595, 842];
const MARGIN = 56;
const dateTime = { format: (instant: Date) => formatDanishDateTime(instant) };
const date = { format: (instant: Date) => formatDanishDay(instant) };

/** A small flowing-text writer: wraps lines to the page width and starts new pages. */
class Writer {
  private page: PDFPage;
  private y: number;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.page = pdf.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  text(value: string, options: { size?: number; bold?: boolean; indent?: number; gapAfter?: number; grey?: boolean } = {}): void {
    const size = options.size ?? 10.5;
    const font = options.bold ? this.bold : this.regular;
    const width = A4[0] - 2 * MARGIN - (options.indent ?? 0);
    for (const paragraph of pdfText(value, font).split('\n')) {
      let line = '';
      const flush = () => {
        if (this.y < MARGIN + size) {
          this.page = this.pdf.addPage(A4);
          this.y = A4[1] - MARGIN;
        }
        this.page.drawText(line, { x: MARGIN + (options.indent ?? 0), y: this.y, size, font, color: options.grey ? rgb(0.34, 0.37, 0.41) : rgb(0.1, 0.12, 0.14) });
        this.y -= size * 1.35;
        line = '';
      };
      for (const word of paragraph.split(/\s+/)) {
        const candidate = line ? `${line} ${word}` : word;
        if (textWidth(font, candidate, size) > width && line) {
          flush();
          line = word;
        } else line = candidate;
      }
      if (line) flush();
    }
    this.y -= options.gapAfter ?? 4;
  }
}

/** The hearing memo as PDF (for those who print or file it); the same content as HTML and DOCX. */
export async function memoPdf(model: MemoModel): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const fonts = await embedFonts(pdf, ['regular', 'bold']);
  pdf.setTitle(pdfText(`Høringsnotat – ${model.agreementTitle}`, fonts.regular), { showInWindowTitleBar: true });
  pdf.setLanguage('da-DK');
  pdf.setCreator('Aftalerum');
  const w = new Writer(pdf, fonts.regular, fonts.bold);
  w.text('Høringsnotat', { size: 22, bold: true, gapAfter: 10 });
  w.text(model.agreementTitle, { size: 13, bold: true });
  w.text(`${model.hearingTitle} – høringsudkast: ${model.versionLabel}. Høringsperiode ${date.format(model.opensAt)} til ${date.format(model.closesAt)}.`);
  w.text(`Udarbejdet ${dateTime.format(model.generatedAt)}.`, { grey: true, gapAfter: 14 });
  w.text('1. Hvem har svaret', { size: 15, bold: true, gapAfter: 6 });
  w.text(`${model.respondents.length} høringssvar er modtaget.`);
  for (const r of model.respondents) {
    w.text(`• ${r.organisationName} (${r.kindLabel}), ${r.reference}, modtaget ${dateTime.format(r.receivedAt)}${r.late ? ', sent' : ''}; ${r.comments} kommentarer.`, { indent: 10 });
  }
  if (model.notAnswered.length) w.text(`Ikke svaret: ${model.notAnswered.join(', ')}.`, { gapAfter: 8 });
  w.text('2. Bemærkninger og svar', { size: 15, bold: true, gapAfter: 6 });
  const point = (c: MemoComment) => {
    w.text(`${c.organisationName} (${c.reference})`, { bold: true, gapAfter: 1 });
    if (c.quote) w.text(`»${c.quote}«`, { indent: 14, grey: true, gapAfter: 1 });
    w.text(c.text, { gapAfter: 1 });
    w.text(`Sekretariatets svar: ${c.reply ?? 'Ikke besvaret endnu.'}${c.outcome ? ` (${OUTCOME_LABELS[c.outcome]})` : ''}`, { indent: 14, gapAfter: 8 });
  };
  for (const section of model.sections) {
    w.text(section.title, { size: 12.5, bold: true, gapAfter: 4 });
    for (const block of section.blocks) {
      w.text(`Til afsnittet: »${block.text.slice(0, 160)}«`, { grey: true, gapAfter: 2 });
      block.comments.forEach(point);
      const change = blockChangeLabel(block.change, model.comparedWith);
      w.text(block.change.kind === 'CHANGED' ? `${change} »${block.change.after ?? ''}«` : change, { indent: 14, grey: true, gapAfter: 8 });
    }
  }
  if (model.general.length) {
    w.text('Generelle bemærkninger', { size: 12.5, bold: true, gapAfter: 4 });
    model.general.forEach(point);
  }
  if (model.campaigns.length) {
    w.text('Kampagner', { size: 12.5, bold: true, gapAfter: 4 });
    for (const c of model.campaigns) {
      w.text(`Kampagne: ${c.size} enslydende høringssvar`, { bold: true, gapAfter: 1 });
      w.text(`Afsendere: ${c.senders.join(', ')}`, { grey: true, gapAfter: 1 });
      w.text(c.text, { gapAfter: 1 });
      w.text(`Sekretariatets svar: ${c.reply ?? 'Ikke besvaret endnu.'}${c.outcome ? ` (${OUTCOME_LABELS[c.outcome]})` : ''}`, { indent: 14, gapAfter: 8 });
    }
  }
  w.text(`3. Ændringer fra høringsudkast til ${model.comparedWith}`, { size: 15, bold: true, gapAfter: 6 });
  if (model.changes.length === 0) w.text('Ingen ændringer.');
  for (const change of model.changes) {
    const label = { ADDED: 'Tilføjet', REMOVED: 'Fjernet', CHANGED: 'Ændret' }[change.change];
    w.text(`${label}${change.sectionTitle ? ` i ${change.sectionTitle}` : ''}: ${(change.change === 'REMOVED' ? change.before : change.after) ?? ''}`.slice(0, 600));
  }
  return Buffer.from(await pdf.save());
}
