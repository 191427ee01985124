import { Mark, mergeAttributes } from '@tiptap/core';
import type { JSONContent } from './document';

/**
 * Suggested changes, as Word's tracked changes: text a suggester typed carries an `insertion`
 * mark, text they struck out a `deletion` mark. Both name the suggestion and its author, so the
 * server can tell whose suggestion a change touches, and exports can carry the author.
 *
 * The accepted text of a draft is its text with every suggestion rejected: insertions left out,
 * deletions kept as plain text.
 */
export const SUGGESTION_MARKS = ['insertion', 'deletion'] as const;
export type SuggestionMarkName = (typeof SUGGESTION_MARKS)[number];

export interface SuggestionAttributes {
  /** One suggestion: the marks typed together share it (uuid). */
  id: string;
  /** The suggester's user id. */
  authorId: string;
  authorName: string;
  /** The suggester's organisation's name, for the margin and for Word's w:author. */
  organisation: string;
  /** ISO 8601. */
  createdAt: string;
}

const suggestionAttributes = () => ({
  id: { default: '' },
  authorId: { default: '', parseHTML: (element: HTMLElement) => element.getAttribute('data-author-id') ?? '', renderHTML: (a: Record<string, string>) => ({ 'data-author-id': a.authorId }) },
  authorName: { default: '', parseHTML: (element: HTMLElement) => element.getAttribute('data-author') ?? '', renderHTML: (a: Record<string, string>) => ({ 'data-author': a.authorName }) },
  organisation: { default: '', parseHTML: (element: HTMLElement) => element.getAttribute('data-organisation') ?? '', renderHTML: (a: Record<string, string>) => ({ 'data-organisation': a.organisation }) },
  createdAt: { default: '', parseHTML: (element: HTMLElement) => element.getAttribute('data-created-at') ?? '', renderHTML: (a: Record<string, string>) => ({ 'data-created-at': a.createdAt }) },
});

/** Suggested inserted text (`<ins>`). */
export const Insertion = Mark.create({
  name: 'insertion',
  inclusive: false,
  excludes: 'deletion',
  addAttributes: () => ({ ...suggestionAttributes(), id: { default: '', parseHTML: (e: HTMLElement) => e.getAttribute('data-suggestion') ?? '', renderHTML: (a: Record<string, string>) => ({ 'data-suggestion': a.id }) } }),
  parseHTML: () => [{ tag: 'ins[data-suggestion]' }],
  renderHTML: ({ HTMLAttributes }) => ['ins', mergeAttributes({ class: 'suggestion suggestion-insertion' }, HTMLAttributes), 0],
});

/** Suggested deleted text (`<del>`), kept until the suggestion is accepted. */
export const Deletion = Mark.create({
  name: 'deletion',
  inclusive: false,
  excludes: 'insertion',
  addAttributes: () => ({ ...suggestionAttributes(), id: { default: '', parseHTML: (e: HTMLElement) => e.getAttribute('data-suggestion') ?? '', renderHTML: (a: Record<string, string>) => ({ 'data-suggestion': a.id }) } }),
  parseHTML: () => [{ tag: 'del[data-suggestion]' }],
  renderHTML: ({ HTMLAttributes }) => ['del', mergeAttributes({ class: 'suggestion suggestion-deletion' }, HTMLAttributes), 0],
});

const isSuggestionMark = (type: string): type is SuggestionMarkName => (SUGGESTION_MARKS as readonly string[]).includes(type);

/** Which suggestions a decision applies to. */
export type SuggestionSelector = (attributes: SuggestionAttributes, mark: SuggestionMarkName) => boolean;

const attributesOf = (attrs: Record<string, unknown> | undefined): SuggestionAttributes => ({
  id: String(attrs?.id ?? ''),
  authorId: String(attrs?.authorId ?? ''),
  authorName: String(attrs?.authorName ?? ''),
  organisation: String(attrs?.organisation ?? ''),
  createdAt: String(attrs?.createdAt ?? ''),
});

/**
 * The document with the selected suggestions decided: `accept` keeps their inserted text and
 * drops their deleted text; otherwise they are rejected (inserted text dropped, deleted text
 * kept). Suggestions not selected stay as they are. Adjacent text nodes with the same marks are
 * merged, so two documents that read the same compare equal.
 */
export function decideSuggestions(doc: JSONContent, select: SuggestionSelector, accept: boolean): JSONContent {
  const visit = (node: JSONContent): JSONContent[] => {
    if (node.type === 'text') {
      const marks = node.marks ?? [];
      const decided = marks.find((m) => isSuggestionMark(m.type) && select(attributesOf(m.attrs), m.type as SuggestionMarkName));
      if (!decided) return [node];
      const keep = decided.type === 'insertion' ? accept : !accept;
      if (!keep) return [];
      const rest = marks.filter((m) => m !== decided);
      return [{ ...node, ...(rest.length ? { marks: rest } : { marks: undefined }) }].map(stripUndefinedMarks);
    }
    if (!node.content) return [node];
    return [{ ...node, content: mergeText(node.content.flatMap(visit)) }];
  };
  return visit(doc)[0] ?? { ...doc, content: [] };
}

const stripUndefinedMarks = (node: JSONContent): JSONContent => {
  if (node.marks !== undefined) return node;
  const { marks: _marks, ...rest } = node;
  return rest;
};

const sameMarks = (a: JSONContent, b: JSONContent) => JSON.stringify(a.marks ?? []) === JSON.stringify(b.marks ?? []);

const mergeText = (nodes: JSONContent[]): JSONContent[] =>
  nodes.reduce<JSONContent[]>((out, node) => {
    const last = out[out.length - 1];
    if (last?.type === 'text' && node.type === 'text' && sameMarks(last, node)) out[out.length - 1] = { ...last, text: (last.text ?? '') + (node.text ?? '') };
    else if (node.type !== 'text' || (node.text ?? '') !== '') out.push(node);
    return out;
  }, []);

/** The accepted text: every suggestion rejected. A locked version holds this. */
export const acceptedDocument = (doc: JSONContent): JSONContent => decideSuggestions(doc, () => true, false);

/** The document with one author's suggestions rejected (everyone else's as they are). */
export const withoutSuggestionsOf = (doc: JSONContent, authorId: string): JSONContent => decideSuggestions(doc, (a) => a.authorId === authorId, false);

/** A pending suggestion, gathered from the marks that share its id. */
export interface PendingSuggestion extends SuggestionAttributes {
  /** The block (paragraph, heading, …) the suggestion starts in. */
  blockId: string | null;
  inserted: string;
  deleted: string;
}

/** Every pending suggestion of a document, in document order. */
export function pendingSuggestions(doc: JSONContent): PendingSuggestion[] {
  const byId = new Map<string, PendingSuggestion>();
  const visit = (node: JSONContent, blockId: string | null) => {
    const own = typeof node.attrs?.blockId === 'string' ? (node.attrs.blockId as string) : null;
    const here = node.type === 'text' ? blockId : (own ?? blockId);
    if (node.type === 'text') {
      for (const mark of node.marks ?? []) {
        if (!isSuggestionMark(mark.type)) continue;
        const attributes = attributesOf(mark.attrs);
        const entry = byId.get(attributes.id) ?? { ...attributes, blockId: here, inserted: '', deleted: '' };
        if (mark.type === 'insertion') entry.inserted += node.text ?? '';
        else entry.deleted += node.text ?? '';
        byId.set(attributes.id, entry);
      }
    }
    for (const child of node.content ?? []) visit(child, here);
  };
  visit(doc, null);
  return [...byId.values()];
}
