import { Node } from '@tiptap/pm/model';
import { collectBlocks, collectSections, documentText, duplicateBlockIds, JSONContent } from './document';
import { draftSchema } from './schema';

const p = (blockId: string, text: string): JSONContent => ({ type: 'paragraph', attrs: { blockId }, content: [{ type: 'text', text }] });
const h = (blockId: string, text: string, level = 2): JSONContent => ({
  type: 'heading',
  attrs: { blockId, level },
  content: [{ type: 'text', text }],
});

const doc: JSONContent = {
  type: 'doc',
  content: [
    { type: 'section', attrs: { kind: 'VISION', blockId: 's1' }, content: [h('h1', 'Mere lighed i sundhed'), p('p1', 'Alle borgere skal have lige adgang.')] },
    {
      type: 'section',
      attrs: { kind: 'PRINCIPLE', blockId: 's2' },
      content: [
        h('h2', 'Helhedssyn'),
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', attrs: { blockId: 'li1' }, content: [p('p2', 'Borgeren i centrum')] },
            { type: 'listItem', attrs: { blockId: 'li2' }, content: [p('p3', 'Sammenhæng')] },
          ],
        },
      ],
    },
  ],
};

describe('draft schema and document helpers', () => {
  it('accepts a draft of sections, headings and lists', () => {
    const node = Node.fromJSON(draftSchema(), doc);
    expect(() => node.check()).not.toThrow();
    expect(node.childCount).toBe(2);
    expect(node.child(0).attrs.kind).toBe('VISION');
    expect(node.child(0).attrs.blockId).toBe('s1');
  });

  it('refuses a paragraph outside a section', () => {
    const bad = { type: 'doc', content: [p('x', 'løs tekst')] };
    expect(() => Node.fromJSON(draftSchema(), bad).check()).toThrow();
  });

  it('lists sections with kind, title and text', () => {
    expect(collectSections(doc)).toEqual([
      { blockId: 's1', kind: 'VISION', title: 'Mere lighed i sundhed', text: 'Alle borgere skal have lige adgang.', focusAreaId: null },
      { blockId: 's2', kind: 'PRINCIPLE', title: 'Helhedssyn', text: 'Borgeren i centrum\nSammenhæng', focusAreaId: null },
    ]);
  });

  it('lists every block in order with its section', () => {
    expect(collectBlocks(doc).map((b) => [b.blockId, b.type, b.text, b.sectionId])).toEqual([
      ['h1', 'heading', 'Mere lighed i sundhed', 's1'],
      ['p1', 'paragraph', 'Alle borgere skal have lige adgang.', 's1'],
      ['h2', 'heading', 'Helhedssyn', 's2'],
      ['li1', 'listItem', 'Borgeren i centrum', 's2'],
      ['p2', 'paragraph', 'Borgeren i centrum', 's2'],
      ['li2', 'listItem', 'Sammenhæng', 's2'],
      ['p3', 'paragraph', 'Sammenhæng', 's2'],
    ]);
  });

  it('finds duplicated block ids', () => {
    expect(duplicateBlockIds(doc)).toEqual([]);
    const copy: JSONContent = { ...doc, content: [...(doc.content ?? []), { type: 'section', attrs: { kind: 'OTHER', blockId: 's1' }, content: [h('h1', 'Kopi')] }] };
    expect(duplicateBlockIds(copy).sort()).toEqual(['h1', 's1']);
  });

  it('renders the whole draft as text', () => {
    expect(documentText(doc)).toBe('Mere lighed i sundhed\nAlle borgere skal have lige adgang.\n\nHelhedssyn\nBorgeren i centrum\nSammenhæng');
  });
});
