import { Document, ExternalHyperlink, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { docxWith, wordBomb } from '../../test/zip-bombs';
import { readDocx } from './docx-reader';

// A 1×1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

const docx = (children: Paragraph[]) => Packer.toBuffer(new Document({ sections: [{ children }] }));

describe('readDocx', () => {
  it('keeps safe links, drops script links and counts images it leaves out', async () => {
    const result = await readDocx(
      await docx([
        new Paragraph({ text: 'Vision', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({
          children: [
            new ExternalHyperlink({ link: 'https://www.regionh.dk/', children: [new TextRun('Regionen')] }),
            new TextRun(' og '),
            new ExternalHyperlink({ link: 'javascript:alert(1)', children: [new TextRun('farligt')] }),
          ],
        }),
        new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 10, height: 10 } })] }),
      ]),
    );
    const json = JSON.stringify(result.blocks);
    expect(json).toContain('"href":"https://www.regionh.dk/"');
    expect(json).not.toContain('javascript');
    expect(json).toContain('farligt');
    expect(result.warnings).toEqual(['Dokumentet har 1 billede. Udkastet kan ikke rumme billeder, så det kommer ikke med.']);
  });

  it('warns when the document has no headings', async () => {
    const result = await readDocx(await docx([new Paragraph('Bare tekst.')]));
    expect(result.headings).toEqual([]);
    expect(result.warnings[0]).toMatch(/ingen overskrifter/);
  });

  it('refuses the old .doc format and a ZIP without a Word document', async () => {
    const doc = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(readDocx(doc)).rejects.toThrow(/gamle Word-format \(\.doc\)/);
    const zip = new JSZip();
    zip.file('hej.txt', 'hej');
    await expect(readDocx(await zip.generateAsync({ type: 'nodebuffer' }))).rejects.toThrow('Filen er ikke et Word-dokument (.docx). Gem den som .docx i Word, og prøv igen.');
  });

  it('refuses a zip bomb before parsing it, with a message that says what to do', async () => {
    await expect(readDocx(await wordBomb(50))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'Word-filen er for stor eller pakket unormalt (50 MB udpakket). Gem den igen i Word, eller del den op.',
    });
  });

  it('refuses a document that takes the parsing worker past its memory or its time', async () => {
    // Within the zip limits (varied text compresses ~10 times), but far beyond a 48 MB heap.
    const paragraphs = Array.from({ length: 40_000 }, (_, i) => `<w:p><w:r><w:t>Punkt ${i} om ${(i * 7919).toString(36)}</w:t></w:r></w:p>`);
    const data = await docxWith({ 'word/document.xml': `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.join('')}</w:body></w:document>` });
    const small = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8, timeoutMs: 60_000 };
    // The worker itself fits: an ordinary document is read under the same limits.
    await expect(readDocx(await docx([new Paragraph('Bare tekst.')]), small)).resolves.toMatchObject({ blocks: [expect.anything()] });
    await expect(readDocx(data, small)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'Word-filen er for stor eller for indviklet til at blive læst (den kræver over 48 MB hukommelse). Gem den igen i Word, eller del den op.',
    });
    await expect(readDocx(data, { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 32, timeoutMs: 100 })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'Det tog for lang tid at læse Word-filen (over 0,1 sekunder). Gem den igen i Word, eller del den op.',
    });
  });
});
