import type { JSONContent } from '@aftalerum/editor';
import JSZip from 'jszip';
import { acceptedDocument, compareDrafts } from '@aftalerum/editor';
import { renderComparisonDocx } from './comparison';

const p = (id: string, ...content: JSONContent[]): JSONContent => ({ type: 'paragraph', attrs: { blockId: id }, content });
const t = (text: string, ...marks: string[]): JSONContent => ({ type: 'text', text, ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}) });
const doc = (...blocks: JSONContent[]): JSONContent => ({
  type: 'doc',
  content: [{ type: 'section', attrs: { kind: 'VISION', blockId: 's' }, content: [{ type: 'heading', attrs: { blockId: 'h', level: 1 }, content: [t('Vision')] }, ...blocks] }],
});

const ole = { id: 's1', authorId: 'u1', authorName: 'Ole Odense', organisation: 'Odense Kommune', createdAt: '2026-11-30T10:15:00.000Z' };
const suggested = (text: string, type: 'insertion' | 'deletion'): JSONContent => ({ type: 'text', text, marks: [{ type, attrs: ole }] });

async function documentXml(from: JSONContent, to: JSONContent, comments: Parameters<typeof renderComparisonDocx>[0]['comments'] = []): Promise<string> {
  const data = await renderComparisonDocx({
    comments,
    title: 'Sundhedsaftale',
    regionName: 'Region Hovedstaden',
    fromLabel: 'Version 1',
    toLabel: 'Version 2',
    from,
    to,
    changes: compareDrafts(from, acceptedDocument(to)),
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

  it('writes the later side’s pending suggestions as their suggester’s tracked changes, among the comparison’s own, and open threads as comments', async () => {
    const from = doc(p('a', t('Vi tager ansvar nu.')), p('b', t('Alle hurtigt med.')));
    const to = doc(p('a', t('Vi tager '), suggested('fælles ', 'insertion'), t('ansvar i dag.')), p('b', t('Alle '), suggested('hurtigt ', 'deletion'), t('med.')));
    const xml = await documentXml(from, to, [
      { blockId: 'b', quote: 'Alle', comments: [{ authorName: 'Ole Odense', organisationName: 'Odense Kommune', text: 'Hvem er alle?', createdAt: new Date('2026-11-30T11:00:00Z') }] },
    ]);
    const suggester = 'w:author="Ole Odense \\(Odense Kommune\\)" w:date="2026-11-30T10:15:00Z"';
    expect(xml).toMatch(new RegExp(`<w:ins w:id="\\d+" ${suggester}><w:r>.*?<w:t[^>]*>fælles </w:t>`));
    expect(xml).toMatch(new RegExp(`<w:del w:id="\\d+" ${suggester}><w:r>.*?<w:delText[^>]*>hurtigt </w:delText>`));
    // The comparison's own changes stay the version's.
    expect(xml).toMatch(/<w:del w:id="\d+" w:author="Aftalerum"[^>]*><w:r>.*?<w:delText[^>]*>nu<\/w:delText>/);
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="Aftalerum"[^>]*><w:r>.*?<w:t[^>]*>i dag<\/w:t>/);
    // In the order they read.
    const order = ['>Vi tager <', '>fælles <', '>ansvar <', '>nu<', '>i dag<', '>.<', '>Alle <', '>hurtigt <', '>med.<'].map((text) => xml.indexOf(text));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    // The thread spans its paragraph.
    expect(xml).toMatch(/<w:commentRangeStart w:id="0"\/>.*?>Alle <.*?<w:commentRangeEnd w:id="0"\/><w:r><w:commentReference w:id="0"\/><\/w:r>/);
  });
});
