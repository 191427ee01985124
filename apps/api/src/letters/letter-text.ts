import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { badInput } from '../common/domain-error';

/** What the worker reads: the bytes and what they were found to be. */
export interface LetterFile {
  bytes: Uint8Array;
  kind: 'PDF' | 'DOCX';
}

export const ENCRYPTED_PDF = 'PDF-filen er beskyttet med en adgangskode eller krypteret, så teksten kan ikke læses. Gem brevet som PDF uden beskyttelse (eller som Word), og prøv igen.';
export const DAMAGED_PDF = 'PDF-filen er beskadiget og kan ikke læses. Gem brevet som PDF igen, og prøv igen.';
export const DAMAGED_DOCX = 'Word-dokumentet er beskadiget og kan ikke læses. Åbn det i Word, gem det igen som .docx, og prøv igen.';

/**
 * The text of a letter: a PDF's text by pdf.js (through unpdf), page after page; a Word
 * document's paragraphs by mammoth, one a line with blank lines between. Runs in the worker of
 * readLetter, on bytes already checked to be a PDF or a Word package within the zip limits.
 */
export async function letterText(file: LetterFile): Promise<string> {
  const data = new Uint8Array(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
  if (file.kind === 'DOCX') {
    try {
      return (await mammoth.extractRawText({ buffer: Buffer.from(data) })).value;
    } catch {
      throw badInput(DAMAGED_DOCX);
    }
  }
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(data);
  } catch (error) {
    if ((error as Error)?.name === 'PasswordException') throw badInput(ENCRYPTED_PDF);
    throw badInput(DAMAGED_PDF);
  }
  const { text } = await extractText(pdf, { mergePages: false });
  return text.join('\n\n');
}
