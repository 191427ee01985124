import { Document, ExternalHyperlink, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
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
});
