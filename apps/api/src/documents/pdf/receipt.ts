import { formatDanishDateTime } from '@aftalerum/dates';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { xmlSafeText } from '../safe-text';

export interface ReceiptModel {
  reference: string;
  receivedAt: Date;
  organisationName: string;
  submittedByName: string;
  hearingTitle: string;
  agreementTitle: string;
  comments: number;
  attachments: string[];
  publish: boolean;
  late: boolean;
}

const dateTime = { format: (instant: Date) => formatDanishDateTime(instant, { seconds: true }) };

/** Every text drawn passes here: the cleaning of every writer, then what the standard PDF fonts cover (WinAnsi). */
const winAnsi = (text: string) =>
  xmlSafeText(text)
    // Each line of the receipt is one field: a line break or tab in a name is a space.
    .replace(/[\t\r\n]+/g, ' ')
    .replace(/[–—]/g, '-')
    .replace(/[“”„]/g, '"')
    .replace(/[^\x20-\x7E\xA0-\xFF]/g, '?');

/** The receipt (kvittering) for a hearing response as a one-page PDF. */
export async function receiptPdf(model: ReceiptModel): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(winAnsi(`Kvittering ${model.reference}`));
  pdf.setLanguage('da-DK');
  pdf.setCreator('Aftalerum');
  const page = pdf.addPage([595, 842]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let y = 780;
  const line = (text: string, options: { font?: typeof regular; size?: number; gap?: number } = {}) => {
    page.drawText(winAnsi(text), { x: 60, y, size: options.size ?? 11, font: options.font ?? regular, color: rgb(0.1, 0.12, 0.14), maxWidth: 475 });
    y -= options.gap ?? 18;
  };
  line('Kvittering for høringssvar', { font: bold, size: 20, gap: 34 });
  line(`Journalnummer: ${model.reference}`, { font: bold, size: 14, gap: 24 });
  line(`Modtaget: ${dateTime.format(model.receivedAt)}${model.late ? ' (registreret efter fristen)' : ''}`);
  line(`Organisation: ${model.organisationName}`);
  line(`Indsendt af: ${model.submittedByName}`);
  line(`Høring: ${model.hearingTitle}`);
  line(`Aftale: ${model.agreementTitle}`, { gap: 28 });
  line(`Kommentarer: ${model.comments}`);
  line(`Bilag: ${model.attachments.length ? model.attachments.join(', ') : 'ingen'}`);
  line(`Må offentliggøres: ${model.publish ? 'ja, når høringen er afsluttet' : 'nej'}`, { gap: 34 });
  line('Gem kvitteringen. Oplys journalnummeret, hvis du kontakter sekretariatet om høringssvaret.', { size: 10 });
  return Buffer.from(await pdf.save());
}
