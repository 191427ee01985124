import { collectBlocks, collectSections, draftSchema, JSONContent } from '@aftalerum/editor';
import { Node } from '@tiptap/pm/model';
import { ImportedDocx, ImportedHeading } from './docx-reader';
import { buildDraft, suggestKinds } from './section-mapping';

const heading = (text: string, level: number, declaredKind: ImportedHeading['declaredKind'] = null) => ({ text, level, declaredKind });
const headings = (...list: Array<ReturnType<typeof heading>>): ImportedHeading[] =>
  list.map((h, index) => ({ ...h, index, blockIndex: index, excerpt: '' }));

const h = (text: string, level: number): JSONContent => ({ type: 'heading', attrs: { blockId: text, level }, content: [{ type: 'text', text }] });
const p = (text: string): JSONContent => ({ type: 'paragraph', attrs: { blockId: `p-${text}` }, content: [{ type: 'text', text }] });

/** An imported document whose headings are found where they stand among the blocks. */
function imported(...blocks: JSONContent[]): ImportedDocx {
  const found: ImportedHeading[] = [];
  blocks.forEach((block, blockIndex) => {
    if (block.type === 'heading') {
      found.push({ index: found.length, blockIndex, text: block.content?.[0].text ?? '', level: Number(block.attrs?.level), declaredKind: null, excerpt: '' });
    }
  });
  return { blocks, headings: found, warnings: [] };
}

describe('suggestKinds', () => {
  it('guesses top-level kinds from the words and keeps deeper headings as subheadings', () => {
    expect(
      suggestKinds(
        headings(
          heading('Indledning', 1),
          heading('Fælles populationsansvar', 1),
          heading('Mere lighed i sundhed', 2),
          heading('3. Fokusområder', 1),
          heading('Sammen om børn og unges sundhed', 2),
          heading('Principper for samarbejdet', 1),
          heading('Helhedssyn', 2),
          heading('Mål for 2027', 1),
          heading('Økonomi', 1),
        ),
      ),
    ).toEqual(['PREAMBLE', 'VISION', 'SUBHEADING', 'FOCUS_AREA', 'FOCUS_AREA', 'PRINCIPLE', 'PRINCIPLE', 'GOAL', 'OTHER']);
  });

  it('takes the first heading as the introduction when nothing else fits, relative to the top level used', () => {
    expect(suggestKinds(headings(heading('Udkast', 2), heading('Noget andet', 2), heading('Detalje', 3)))).toEqual(['PREAMBLE', 'OTHER', 'SUBHEADING']);
  });

  it('follows the kinds an Aftalerum export declares', () => {
    expect(suggestKinds(headings(heading('Økonomi', 1, 'GOAL'), heading('Indledning', 2), heading('Helhedssyn', 1, 'PRINCIPLE')))).toEqual([
      'GOAL',
      'SUBHEADING',
      'PRINCIPLE',
    ]);
  });
});

describe('buildDraft', () => {
  it('starts a section at each chosen heading, as level 1, with subheadings below it relative to it', () => {
    const doc = imported(h('Visioner', 2), p('a'), h('Lighed', 3), p('b'), h('Detalje', 4), h('Helhedssyn', 2), p('c'));
    const draft = buildDraft(doc, ['VISION', 'SUBHEADING', 'SUBHEADING', 'PRINCIPLE'], 'Titel');
    Node.fromJSON(draftSchema(), draft).check();
    expect(collectSections(draft).map(({ kind, title }) => ({ kind, title }))).toEqual([
      { kind: 'VISION', title: 'Visioner' },
      { kind: 'PRINCIPLE', title: 'Helhedssyn' },
    ]);
    expect(collectBlocks(draft).filter((b) => b.type === 'heading').map((b) => [b.text, b.level])).toEqual([
      ['Visioner', 1],
      ['Lighed', 2],
      ['Detalje', 3],
      ['Helhedssyn', 1],
    ]);
  });

  it('puts text before the first section into an introduction named after the agreement', () => {
    const draft = buildDraft(imported(p('Forord'), h('Helhedssyn', 1), p('c')), ['PRINCIPLE'], 'Sundhedsaftale 2028–2031');
    expect(collectSections(draft).map((s) => [s.kind, s.title, s.text])).toEqual([
      ['PREAMBLE', 'Sundhedsaftale 2028–2031', 'Forord'],
      ['PRINCIPLE', 'Helhedssyn', 'c'],
    ]);
    const ids = collectBlocks(draft).map((b) => b.blockId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses a mapping that does not fit the document', () => {
    expect(() => buildDraft(imported(h('A', 1), h('B', 1)), ['VISION'], 'T')).toThrow(/passer ikke/);
  });
});
