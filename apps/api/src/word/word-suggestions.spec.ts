import type { JSONContent } from '@aftalerum/editor';
import { applySuggestions, planSuggestions } from './word-suggestions';
import type { WordChanges } from './word-changes-reader';

const other = { id: 'o1', authorId: 'u-other', authorName: 'Klara Klynge', organisation: 'Sundhedsklynge Fyn', createdAt: '2026-11-01T09:00:00.000Z' };
const me = { authorId: 'u-me', authorName: 'Ole Odense', organisation: 'Odense Kommune' };
const t = (text: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'text', text, ...(marks ? { marks } : {}) });
const draft = (...blocks: JSONContent[]): JSONContent => ({
  type: 'doc',
  content: [{ type: 'section', attrs: { kind: 'VISION', blockId: 's1' }, content: [{ type: 'heading', attrs: { blockId: 'h1', level: 1 }, content: [t('Mere lighed i sundhed')] }, ...blocks] }],
});
const paragraph = (blockId: string, ...content: JSONContent[]): JSONContent => ({ type: 'paragraph', attrs: { blockId }, content });
const piece = (kind: 'text' | 'ins' | 'del', text: string) => ({ kind, text, author: kind === 'text' ? '' : 'Word-bruger', date: kind === 'text' ? '' : '2026-11-30T10:00:00Z' });

describe('placing Word’s tracked changes in the draft', () => {
  it('finds a heading by its text past the number the export put before it, and the deleted word in it', () => {
    const changes: WordChanges = { ignored: 0, comments: [], paragraphs: [{ index: 3, blockIds: [], pieces: [piece('text', '1 Mere '), piece('del', 'lighed'), piece('ins', 'ulighed'), piece('text', ' i sundhed')] }] };
    const plan = planSuggestions(changes, draft(paragraph('p1', t('Vi tager ansvar.'))));
    expect(plan.warnings).toEqual([]);
    expect(plan.suggestions).toEqual([
      expect.objectContaining({ blockId: 'h1', matchedBy: 'TEXT', kind: 'deletion', from: 5, to: 11, text: 'lighed' }),
      expect.objectContaining({ blockId: 'h1', matchedBy: 'TEXT', kind: 'insertion', from: 11, to: 11, text: 'ulighed' }),
    ]);
  });

  it('leaves out, with a warning, a paragraph the draft does not have and a deletion of text that is no longer there', () => {
    const changes: WordChanges = {
      ignored: 0,
      comments: [],
      paragraphs: [
        { index: 1, blockIds: [], pieces: [piece('text', 'Et helt andet afsnit om '), piece('ins', 'noget')] },
        { index: 2, blockIds: ['p1'], pieces: [piece('text', 'Vi tager '), piece('del', 'fælles'), piece('text', ' ansvar.')] },
      ],
    };
    const plan = planSuggestions(changes, draft(paragraph('p1', t('Vi tager ansvar.'))));
    expect(plan.suggestions).toEqual([]);
    expect(plan.warnings).toHaveLength(2);
    expect(plan.warnings[0]).toContain('Et helt andet afsnit');
    expect(plan.warnings[1]).toContain('fælles');
  });

  it('marks the uploader’s changes beside another author’s pending insertion, without touching it', () => {
    const content = draft(paragraph('p1', t('Vi tager '), t('fælles ', [{ type: 'insertion', attrs: other }]), t('ansvar.')));
    const changes: WordChanges = { ignored: 0, comments: [], paragraphs: [{ index: 2, blockIds: ['p1'], pieces: [piece('text', 'Vi tager '), piece('ins', 'det fulde '), piece('del', 'ansvar'), piece('text', '.')] }] };
    const plan = planSuggestions(changes, content);
    const { content: result, applied } = applySuggestions(content, plan.suggestions, me, new Date('2026-12-01T12:00:00Z'));
    expect(applied).toHaveLength(2);
    const nodes = (result.content?.[0].content?.[1].content ?? []).map((n) => [n.text, n.marks?.map((m) => `${m.type}:${m.attrs?.authorName}`).join(',') ?? '']);
    expect(nodes).toEqual([
      ['Vi tager ', ''],
      ['fælles ', 'insertion:Klara Klynge'],
      ['det fulde ', 'insertion:Ole Odense'],
      ['ansvar', 'deletion:Ole Odense'],
      ['.', ''],
    ]);
    const mark = result.content?.[0].content?.[1].content?.[2].marks?.[0];
    expect(mark?.attrs).toMatchObject({ authorId: 'u-me', organisation: 'Odense Kommune', createdAt: '2026-11-30T10:00:00.000Z' });
  });
});
