import { formatDanishDateTime } from '@aftalerum/dates';
import { PDFDocument, PDFFont, PDFPage, rgb } from 'pdf-lib';
import { embedFonts, pdfText, textWidth } from './fonts';

export interface ReceiptModel {
  /** The receipt number (kvitteringsnummer). */
  reference: string;
  receivedAt: Date;
  /** Who sends the receipt: the SSU secretariat of the region. */
  senderName: string;
  organisationName: string;
  submittedByName: string;
  hearingTitle: string;
  agreementTitle: string;
  /** The hearing draft's version, e.g. "version 3, Høringsudkast". */
  versionLabel: string;
  summary: string | null;
  /** The comments as filed, in order; `about` names the paragraph (or "Generel bemærkning"). */
  comments: Array<{ about: string; quote: string | null; text: string }>;
  attachments: string[];
  publish: boolean;
  late: boolean;
  /** SHA-256 (hex) of the response as filed, see response-digest.ts. */
  sha256: string;
}

const dateTime = { format: (instant: Date) => formatDanishDateTime(instant, { seconds: true }) };

const A4: [number, number] = [595, 842];
const MARGIN = 60;

/** The receipt (kvittering) for a hearing response as PDF: the facts first, then the response as filed. */
export async function receiptPdf(model: ReceiptModel): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const { regular, bold } = await embedFonts(pdf, ['regular', 'bold']);
  pdf.setTitle(pdfText(`Kvittering ${model.reference}`, regular), { showInWindowTitleBar: true });
  pdf.setLanguage('da-DK');
  pdf.setCreator('Aftalerum');
  let page: PDFPage = pdf.addPage(A4);
  let y = A4[1] - MARGIN;
  /** Draws a text, wrapped to the page width (line breaks kept), on as many pages as it needs. */
  const line = (text: string, options: { font?: PDFFont; size?: number; gap?: number; indent?: number; multiline?: boolean } = {}) => {
    const size = options.size ?? 11;
    const font = options.font ?? regular;
    const indent = options.indent ?? 0;
    const width = A4[0] - 2 * MARGIN - indent;
    const draw = (value: string) => {
      if (y < MARGIN + size) {
        page = pdf.addPage(A4);
        y = A4[1] - MARGIN;
      }
      page.drawText(value, { x: MARGIN + indent, y, size, font, color: rgb(0.1, 0.12, 0.14) });
      y -= size * 1.35;
    };
    // Each field is one line of text (a line break in a name is a space); what people wrote keeps its lines.
    const cleaned = pdfText(text, font);
    for (const paragraph of options.multiline ? cleaned.split('\n') : [cleaned.replace(/\n+/g, ' ')]) {
      let current = '';
      for (const word of paragraph.split(/ +/)) {
        const candidate = current ? `${current} ${word}` : word;
        if (current && textWidth(font, candidate, size) > width) {
          draw(current);
          current = word;
        } else current = candidate;
      }
      draw(current);
    }
    y -= (options.gap ?? 18) - size * 1.35;
  };
  line('Kvittering for høringssvar', { font: bold, size: 20, gap: 34 });
  line(`Kvitteringsnummer: ${model.reference}`, { font: bold, size: 14, gap: 24 });
  line(`Afsender: ${model.senderName}`);
  line(`Modtaget: ${dateTime.format(model.receivedAt)}${model.late ? ' (registreret efter fristen)' : ''}`);
  line(`Organisation: ${model.organisationName}`);
  line(`Indsendt af: ${model.submittedByName}`);
  line(`Høring: ${model.hearingTitle}`);
  line(`Aftale: ${model.agreementTitle}`);
  line(`Høringsudkast: ${model.versionLabel}`, { gap: 28 });
  line(`Kommentarer: ${model.comments.length}`);
  line(`Bilag: ${model.attachments.length ? model.attachments.join(', ') : 'ingen'}`);
  line(`Må offentliggøres: ${model.publish ? 'ja, når høringen er afsluttet' : 'nej'}`, { gap: 28 });
  line('Høringssvaret som indsendt', { font: bold, size: 14, gap: 22 });
  if (model.summary) {
    line('Generelle bemærkninger', { font: bold });
    line(model.summary, { gap: 16, multiline: true });
  }
  model.comments.forEach((comment, index) => {
    line(`${index + 1}. ${comment.about}`, { font: bold });
    if (comment.quote) line(`»${comment.quote}«`, { indent: 14 });
    line(comment.text, { gap: 16, multiline: true });
  });
  y -= 10;
  line('SHA-256 af høringssvaret som indsendt:', { font: bold, size: 10, gap: 14 });
  line(model.sha256, { font: regular, size: 9, gap: 14 });
  line('Summen er beregnet af den kanoniske tekst (HearingResponse.filedText), så kvitteringen kan efterprøves.', { size: 9, gap: 24 });
  line('Gem kvitteringen. Oplys kvitteringsnummeret, hvis du kontakter sekretariatet om høringssvaret.', { size: 10 });
  return Buffer.from(await pdf.save());
}
