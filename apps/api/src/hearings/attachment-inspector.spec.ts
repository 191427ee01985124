import { Document, Packer, Paragraph } from 'docx';
import { docxWith, manyEntriesDocx, withDeclaredSize, wordBomb } from '../../test/zip-bombs';
import { DOCX, inspectAttachment, PDF } from './attachment-inspector';

const MB = 1024 * 1024;

describe('inspectAttachment', () => {
  it('accepts a PDF and a real Word document', async () => {
    await expect(inspectAttachment(Buffer.from('%PDF-1.7\n'))).resolves.toEqual({ ok: true, contentType: PDF });
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Høringssvar fra Gentofte Kommune')] }] }));
    await expect(inspectAttachment(docx)).resolves.toEqual({ ok: true, contentType: DOCX });
  });

  it('refuses a Word zip bomb, and one whose declared size lies, before anyone opens it', async () => {
    await expect(inspectAttachment(await wordBomb(50))).resolves.toEqual({
      ok: false,
      reason: 'Filen er for stor eller pakket unormalt (50 MB udpakket). Gem den igen i Word, eller del den op.',
    });
    const lying = withDeclaredSize(await wordBomb(50), 'word/document.xml', 4 * MB);
    await expect(inspectAttachment(lying)).resolves.toMatchObject({ ok: false, reason: expect.stringMatching(/^Filen er for stor eller pakket unormalt \(over 4 MB udpakket\)/) });
  });

  it('refuses a package of thousands of parts and a damaged one', async () => {
    await expect(inspectAttachment(await manyEntriesDocx(5_000))).resolves.toMatchObject({ ok: false, reason: expect.stringMatching(/unormalt mange dele/) });
    const data = await docxWith({ 'word/document.xml': '<w:document/>' });
    await expect(inspectAttachment(data.subarray(0, data.length - 30))).resolves.toMatchObject({ ok: false, reason: expect.stringMatching(/beskadiget/) });
  });
});
