import { getSchema } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import type { JSONContent } from './document';
import { draftExtensions } from './schema';
import { acceptedDocument, decideSuggestions, pendingSuggestions, withoutSuggestionsOf } from './suggestions';

const by = (id: string, authorId: string) => ({ id, authorId, authorName: `Navn ${authorId}`, organisation: 'Gladsaxe Kommune', createdAt: '2026-12-01T10:00:00.000Z' });

const doc = (...content: JSONContent[]): JSONContent => ({
  type: 'doc',
  content: [{ type: 'section', attrs: { kind: 'VISION', blockId: 's1' }, content: [{ type: 'heading', attrs: { level: 1, blockId: 'h1' }, content: [{ type: 'text', text: 'Vision' }] }, { type: 'paragraph', attrs: { blockId: 'p1' }, content }] }],
});

const mixed = doc(
  { type: 'text', text: 'Vi vil ' },
  { type: 'text', text: 'gerne ', marks: [{ type: 'insertion', attrs: by('a', 'u1') }] },
  { type: 'text', text: 'altid ', marks: [{ type: 'deletion', attrs: by('b', 'u2') }] },
  { type: 'text', text: 'samarbejde.' },
);

const paragraphOf = (d: JSONContent) => d.content?.[0].content?.[1];

describe('suggestions', () => {
  it('are valid marks of the draft schema', () => {
    expect(() => Node.fromJSON(getSchema(draftExtensions()), mixed).check()).not.toThrow();
  });

  it('the accepted text leaves insertions out and keeps deletions as plain text, merged', () => {
    expect(paragraphOf(acceptedDocument(mixed))?.content).toEqual([{ type: 'text', text: 'Vi vil altid samarbejde.' }]);
  });

  it('accepting keeps inserted text and drops deleted text', () => {
    expect(paragraphOf(decideSuggestions(mixed, () => true, true))?.content).toEqual([{ type: 'text', text: 'Vi vil gerne samarbejde.' }]);
  });

  it('one author’s suggestions can be taken out while another’s stay', () => {
    const content = paragraphOf(withoutSuggestionsOf(mixed, 'u1'))?.content;
    expect(content?.map((n) => n.text).join('')).toBe('Vi vil altid samarbejde.');
    expect(content?.some((n) => n.marks?.[0]?.type === 'deletion')).toBe(true);
  });

  it('lists pending suggestions with their block and text', () => {
    expect(pendingSuggestions(mixed).map(({ id, authorId, blockId, inserted, deleted }) => ({ id, authorId, blockId, inserted, deleted }))).toEqual([
      { id: 'a', authorId: 'u1', blockId: 'p1', inserted: 'gerne ', deleted: '' },
      { id: 'b', authorId: 'u2', blockId: 'p1', inserted: '', deleted: 'altid ' },
    ]);
  });
});
