import type { JSONContent } from '@aftalerum/editor';
import JSZip from 'jszip';
import { compareDrafts } from '@aftalerum/editor';
import { renderComparisonDocx } from './comparison';

const p = (id: string, ...content: JSONContent[]): JSONContent => ({ type: 'paragraph', attrs: { blockId: id }, content });
const t = (text: string, ...marks: string[]): JSONContent => ({ type: 'text', text, ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}) });
const doc = (...blocks: JSONContent[]): JSONContent => ({
  type: 'doc',
  content: [{ type: 'section', attrs: { kind: 'VISION', blockId: 's' }, content: [{ type: 'heading', attrs: { blockId: 'h', level: 1 }, content: [t('Vision')] }, ...blocks] }],
});

async function documentXml(from: JSONContent, to: JSONContent): Promise<string> {
  const data = await renderComparisonDocx({
    title: 'Sundhedsaftale',
    regionName: 'Region Hovedstaden',
    fromLabel: 'Version 1',
    toLabel: 'Version 2',
    from,
    to,
    changes: compareDrafts(from, to),
    author: 'Aftalerum',
    changedAt: new Date('2025-03-01T10:00:00Z'),
    generatedAt: new Date('2025-03-02T10:00:00Z'),
  });
  return (await JSZip.loadAsync(data)).file('word/document.xml')!.async('string');
}

describe('renderComparisonDocx', () => {
  it('writes changed words as w:ins and w:del and keeps the formatting of unchanged words', async () => {
    const xml = await documentXml(doc(p('a', t('Vi tager '), t('fælles', 'bold'), t(' ansvar nu.'))), doc(p('a', t('Vi tager '), t('fælles', 'bold'), t(' ansvar i dag.'))));
    expect(xml).toMatch(/<w:del w:id="\d+" w:author="Aftalerum" w:date="2025-03-01T10:00:00Z"><w:r>.*?<w:delText[^>]*>nu<\/w:delText>/);
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="Aftalerum" w:date="2025-03-01T10:00:00Z"><w:r>.*?<w:t[^>]*>i dag<\/w:t>/);
    expect(xml).toMatch(/<w:b\/>.*?<w:t[^>]*>fælles<\/w:t>/);
    const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows a removed paragraph as deleted where it stood, paragraph mark included, and an added one as inserted', async () => {
    const xml = await documentXml(doc(p('a', t('Første.')), p('b', t('Fjernes.')), p('c', t('Sidste.'))), doc(p('a', t('Første.')), p('c', t('Sidste.')), p('d', t('Ny.'))));
    const body = xml.slice(xml.indexOf('Første.'));
    expect(body.indexOf('Fjernes.')).toBeLessThan(body.indexOf('Sidste.'));
    expect(xml).toMatch(/<w:pPr><w:rPr><w:del [^>]*\/><\/w:rPr><\/w:pPr><w:del [^>]*><w:r>.*?<w:delText[^>]*>Fjernes\.<\/w:delText>/);
    expect(xml).toMatch(/<w:pPr><w:rPr><w:ins [^>]*\/><\/w:rPr><\/w:pPr><w:ins [^>]*><w:r>.*?<w:t[^>]*>Ny\.<\/w:t>/);
  });
});
