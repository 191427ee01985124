import type { JSONContent } from './document';
import { compareDrafts, wordChanges } from './compare';

const p = (blockId: string, text: string): JSONContent => ({ type: 'paragraph', attrs: { blockId }, content: [{ type: 'text', text }] });
const doc = (...blocks: JSONContent[]): JSONContent => ({
  type: 'doc',
  content: [{ type: 'section', attrs: { kind: 'VISION', blockId: 's' }, content: [{ type: 'heading', attrs: { blockId: 'h', level: 1 }, content: [{ type: 'text', text: 'Mere lighed i sundhed' }] }, ...blocks] }],
});

describe('compareDrafts', () => {
  it('matches blocks by id, not position, and reports added, removed and changed blocks', () => {
    const from = doc(p('a', 'Første afsnit.'), p('b', 'Andet afsnit om lighed.'), p('c', 'Tredje afsnit.'));
    const to = doc(p('b', 'Andet afsnit om social lighed.'), p('a', 'Første afsnit.'), p('d', 'Nyt afsnit.'));
    const changes = compareDrafts(from, to);
    expect(changes.map((c) => [c.blockId, c.change])).toEqual([
      ['b', 'CHANGED'],
      // c followed b in the old draft, so its removal is shown after b.
      ['c', 'REMOVED'],
      ['d', 'ADDED'],
    ]);
    const changed = changes[0];
    expect(changed.before).toBe('Andet afsnit om lighed.');
    expect(changed.after).toBe('Andet afsnit om social lighed.');
    expect(changed.sectionTitle).toBe('Mere lighed i sundhed');
    expect(changed.words.filter((w) => w.kind !== 'SAME').map((w) => [w.kind, w.text.trim()])).toEqual([['ADDED', 'social']]);
  });

  it('reports nothing for equal drafts', () => {
    const same = doc(p('a', 'Tekst.'));
    expect(compareDrafts(same, same)).toEqual([]);
  });

  it('keeps a removed first block at the top', () => {
    const changes = compareDrafts(doc(p('x', 'Væk.'), p('a', 'Bliver.')), doc(p('a', 'Bliver.')));
    expect(changes).toEqual([expect.objectContaining({ blockId: 'x', change: 'REMOVED', before: 'Væk.', after: null })]);
  });
});

describe('wordChanges', () => {
  it('splits a sentence into kept, removed and added words', () => {
    const words = wordChanges('Borgeren skal have hjælp', 'Borgeren skal altid have hurtig hjælp');
    expect(words.map((w) => w.kind)).toContain('ADDED');
    expect(words.filter((w) => w.kind !== 'REMOVED').map((w) => w.text).join('')).toBe('Borgeren skal altid have hurtig hjælp');
    expect(words.filter((w) => w.kind !== 'ADDED').map((w) => w.text).join('')).toBe('Borgeren skal have hjælp');
  });
});
