import { formatDanishDateTime } from '@aftalerum/dates';
import type { WordChange } from '@aftalerum/editor';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { xmlSafe } from '../safe-text';

/*
 * "What we said — what changed" (hvad vi sagde – hvad der blev ændret) for one organisation's
 * hearing response or one cluster's input, as a Word document, fed plain data the traceability
 * feature builds.
 */

export interface TraceEntryModel {
  /** What the organisation or cluster said. */
  said: string;
  /** The paragraph it was about, as it stood then; null: a general remark. */
  paragraph: string | null;
  reply: string | null;
  outcomeLabel: string | null;
  change: { kind: 'ADDED' | 'REMOVED' | 'CHANGED' | 'UNCHANGED'; after: string | null; words: WordChange[] } | null;
}

export interface TraceModel {
  /** "Høringssvar fra Danske Patienter" or "Input fra Sundhedsklynge Nord". */
  title: string;
  agreementTitle: string;
  /** The hearing or the input round. */
  about: string;
  comparedWith: string;
  generatedAt: Date;
  entries: TraceEntryModel[];
}

export const CHANGE_LABELS = {
  ADDED: 'Tilføjet',
  REMOVED: 'Afsnittet er fjernet',
  CHANGED: 'Afsnittet er ændret',
  UNCHANGED: 'Afsnittet er uændret',
} as const;

export async function traceDocx(given: TraceModel): Promise<Buffer> {
  const model = xmlSafe(given);
  const children: Paragraph[] = [
    new Paragraph({ text: 'Hvad vi sagde – hvad der blev ændret', heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: model.title, bold: true })] }),
    new Paragraph(`${model.agreementTitle} – ${model.about}. Sammenlignet med ${model.comparedWith}. Udarbejdet ${formatDanishDateTime(model.generatedAt)}.`),
  ];
  if (model.entries.length === 0) children.push(new Paragraph('Ingen bemærkninger.'));
  model.entries.forEach((entry, i) => {
    children.push(new Paragraph({ text: `${i + 1}. ${entry.paragraph ? `Til afsnittet »${entry.paragraph.length > 120 ? `${entry.paragraph.slice(0, 119)}…` : entry.paragraph}«` : 'Generel bemærkning'}`, heading: HeadingLevel.HEADING_2 }));
    children.push(new Paragraph({ children: [new TextRun({ text: 'Det sagde vi: ', bold: true }), new TextRun(entry.said)] }));
    children.push(new Paragraph({ children: [new TextRun({ text: 'Svar: ', bold: true }), new TextRun(entry.reply ?? 'Ikke besvaret endnu.'), ...(entry.outcomeLabel ? [new TextRun({ text: ` (${entry.outcomeLabel})`, italics: true })] : [])] }));
    if (!entry.change) return;
    children.push(new Paragraph({ children: [new TextRun({ text: 'Det blev ændret: ', bold: true }), new TextRun(`${CHANGE_LABELS[entry.change.kind]}.`)] }));
    if (entry.change.kind === 'CHANGED') {
      children.push(
        new Paragraph({
          indent: { left: 400 },
          children: entry.change.words.map((w) =>
            w.kind === 'ADDED' ? new TextRun({ text: w.text, underline: {}, color: '1A7F37' }) : w.kind === 'REMOVED' ? new TextRun({ text: w.text, strike: true, color: 'B42318' }) : new TextRun(w.text),
          ),
        }),
      );
    }
  });
  return Packer.toBuffer(new Document({ creator: 'Aftalerum', title: model.title, sections: [{ children }] }));
}
