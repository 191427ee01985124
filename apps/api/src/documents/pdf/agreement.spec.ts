import type { JSONContent } from '@aftalerum/editor';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, decodePDFRawStream } from 'pdf-lib';
import { agreementSkeleton } from '../../agreements/draft-template';
import { renderAgreementPdf } from './agreement';

const text = (value: string, ...marks: string[]): JSONContent => ({ type: 'text', text: value, ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}) });
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', attrs: { blockId: 'p' }, content });
const li = (value: string): JSONContent => ({ type: 'listItem', attrs: { blockId: 'l' }, content: [p(text(value))] });
const cell = (type: string, value: string): JSONContent => ({ type, attrs: { blockId: 'c', colspan: 1, rowspan: 1 }, content: [p(text(value))] });

function fixture(): JSONContent {
  const doc = agreementSkeleton('Sundhedsaftale 2024–2027');
  const vision = doc.content![1];
  vision.content!.push(
    { type: 'bulletList', content: [li('Tidlig opsporing'), li('Lige adgang')] },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('tableHeader', 'Mål'), cell('tableHeader', 'Ansvar')] },
        { type: 'tableRow', content: [cell('tableCell', 'Færre genindlæggelser'), cell('tableCell', 'Kommunerne')] },
      ],
    },
    // Long enough to run over a page break.
    ...Array.from({ length: 40 }, (_, i) => p(text(`Afsnit ${i}: `, 'bold'), text('Vi arbejder sammen om borgerens forløb på tværs af sektorer, så ingen falder mellem to stole. '.repeat(3)))),
  );
  return doc;
}

describe('renderAgreementPdf', () => {
  let pdf: PDFDocument;

  beforeAll(async () => {
    const data = await renderAgreementPdf({
      title: 'Sundhedsaftale 2024–2027',
      regionName: 'Region Hovedstaden',
      periodStart: 2024,
      periodEnd: 2027,
      effectiveDate: '2024-01-01',
      versionLabel: 'Version 3 – Endelig',
      generatedAt: new Date('2025-03-01T10:00:00Z'),
      doc: fixture(),
    });
    pdf = await PDFDocument.load(data);
  });

  const lookup = <T>(value: unknown): T => (value instanceof PDFRef ? pdf.context.lookup(value) : value) as T;
  const roles = (node: PDFDict, out: string[] = []): string[] => {
    const role = node.get(PDFName.of('S'));
    if (role instanceof PDFName) out.push(role.decodeText());
    const kids = lookup<PDFArray | PDFDict | undefined>(node.get(PDFName.of('K')));
    const list = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : [];
    for (const kid of list) {
      const dict = lookup<PDFDict>(kid);
      if (dict instanceof PDFDict && dict.get(PDFName.of('Type'))?.toString() !== '/MCR') roles(dict, out);
    }
    return out;
  };

  it('is tagged, in Danish, with its title shown and its parts and sections as bookmarks', () => {
    const catalog = pdf.catalog;
    expect(catalog.get(PDFName.of('Lang'))?.toString()).toMatch(/da-DK/);
    expect(lookup<PDFDict>(catalog.get(PDFName.of('MarkInfo'))).get(PDFName.of('Marked'))?.toString()).toBe('true');
    expect(lookup<PDFDict>(catalog.get(PDFName.of('ViewerPreferences'))).get(PDFName.of('DisplayDocTitle'))?.toString()).toBe('true');
    expect(pdf.getTitle()).toBe('Sundhedsaftale 2024–2027');
    const outlines = lookup<PDFDict>(catalog.get(PDFName.of('Outlines')));
    expect(lookup<PDFNumber>(outlines.get(PDFName.of('Count'))).asNumber()).toBe(16); // the introduction, 3 part headings and 12 numbered sections
  });

  it('has a structure tree with headings, lists and a table with column headers', () => {
    const root = lookup<PDFDict>(pdf.catalog.get(PDFName.of('StructTreeRoot')));
    const document = lookup<PDFDict>(root.get(PDFName.of('K')));
    const all = roles(document);
    expect(all[0]).toBe('Document');
    // The title, the table of contents, the introduction and the 3 part headings; the 12 numbered sections; the 4 visions.
    expect(all.filter((r) => r === 'H1')).toHaveLength(6);
    expect(all.filter((r) => r === 'H2')).toHaveLength(12);
    expect(all.filter((r) => r === 'H3')).toHaveLength(4);
    expect(all.filter((r) => r === 'Part')).toHaveLength(3);
    expect(all.filter((r) => r === 'TOCI')).toHaveLength(20);
    expect(all).toEqual(expect.arrayContaining(['Sect', 'TOC', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'P']));
  });

  it('ties every marked content on every page to its structure element', () => {
    const root = lookup<PDFDict>(pdf.catalog.get(PDFName.of('StructTreeRoot')));
    const nums = lookup<PDFDict>(root.get(PDFName.of('ParentTree'))).get(PDFName.of('Nums')) as PDFArray;
    const pages = pdf.getPages();
    expect(pages.length).toBeGreaterThan(3);
    expect(nums.size()).toBe(pages.length * 2);
    pages.forEach((page, index) => {
      expect(lookup<PDFNumber>(page.node.get(PDFName.of('StructParents'))).asNumber()).toBe(index);
      const contents = page.node.Contents();
      const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => lookup<PDFRawStream>(ref)) : [contents as unknown as PDFRawStream];
      const ops = streams.map((stream) => Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1')).join('\n');
      const mcids = [...ops.matchAll(/<<\/MCID (\d+)>> BDC/g)].map((m) => Number(m[1]));
      const owners = lookup<PDFArray>(nums.get(index * 2 + 1));
      expect(mcids).toEqual(mcids.map((_, i) => i));
      expect(owners.size()).toBe(mcids.length);
      for (const owner of owners.asArray()) expect(owner).toBeInstanceOf(PDFRef);
      // Marked content is balanced: every BDC and BMC has its EMC.
      expect((ops.match(/ BDC\b/g) ?? []).length + (ops.match(/ BMC\b/g) ?? []).length).toBe((ops.match(/\bEMC\b/g) ?? []).length);
    });
  });
});
