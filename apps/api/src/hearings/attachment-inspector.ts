import { MAX_UPLOAD_BYTES } from '../common/uploads';
import { inspectZip, OFFICE_ZIP_LIMITS, UnsafeZipError, unpackedSize, ZipInventory } from '../documents/untrusted-zip';

export const MAX_ATTACHMENT_BYTES = MAX_UPLOAD_BYTES;
export const PDF = 'application/pdf';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export type AttachmentVerdict = { ok: true; contentType: typeof PDF | typeof DOCX } | { ok: false; reason: string };

function zipRefusal(error: UnsafeZipError): string {
  switch (error.reason) {
    case 'CORRUPT':
    case 'BAD_NAME':
      return 'Filen ligner et Word-dokument, men den er beskadiget. Gem den igen i Word, og prøv igen.';
    case 'TOO_MANY_ENTRIES':
      return `Filen består af unormalt mange dele (over ${OFFICE_ZIP_LIMITS.maxEntries.toLocaleString('da-DK')}). Gem den igen i Word, eller del den op.`;
    case 'TOO_LARGE':
    case 'ENTRY_TOO_LARGE':
    case 'SIZE_MISMATCH':
      return `Filen er for stor eller pakket unormalt (${unpackedSize(error)} udpakket). Gem den igen i Word, eller del den op.`;
  }
}

const startsWith = (data: Buffer, bytes: number[]) => bytes.every((byte, i) => data[i] === byte);

/**
 * Decides what a file is from its bytes, never its name: a PDF starts with `%PDF-`; a Word
 * document is a ZIP package holding `word/document.xml`, checked within the limits of
 * untrusted zips (it is kept and downloaded, so a bomb is refused here, not in a reader's
 * Word). Anything else is refused, with the reason a person can act on.
 */
export async function inspectAttachment(data: Buffer): Promise<AttachmentVerdict> {
  if (data.length === 0) return { ok: false, reason: 'Filen er tom.' };
  if (data.length > MAX_ATTACHMENT_BYTES) return { ok: false, reason: 'Filen er større end 20 MB. Gør den mindre, eller del den op.' };
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { ok: true, contentType: PDF };
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) {
    let zip: ZipInventory;
    try {
      zip = await inspectZip(data, OFFICE_ZIP_LIMITS);
    } catch (error) {
      if (!(error instanceof UnsafeZipError)) throw error;
      return { ok: false, reason: zipRefusal(error) };
    }
    if (zip.has('word/document.xml') && zip.has('[Content_Types].xml')) return { ok: true, contentType: DOCX };
    return { ok: false, reason: 'Filen er en ZIP-fil, ikke et Word-dokument. Vedhæft PDF eller Word (.docx).' };
  }
  if (startsWith(data, [0x4d, 0x5a]) || startsWith(data, [0x7f, 0x45, 0x4c, 0x46])) {
    return { ok: false, reason: 'Filen er et program, ikke et dokument, og kan ikke vedhæftes. Vedhæft PDF eller Word (.docx).' };
  }
  return { ok: false, reason: 'Kun PDF og Word (.docx) kan vedhæftes. Gem filen som PDF, og prøv igen.' };
}
