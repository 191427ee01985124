import { Extension } from '@tiptap/core';
import type { Mark, MarkType, Node as PMNode } from '@tiptap/pm/model';
import { EditorState, Plugin, PluginKey, TextSelection, Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { colorForUser } from '../../../lib/user-color';

/** Who is suggesting: stamped on every insertion and deletion mark they make. */
export interface SuggestionAuthor {
  id: string;
  name: string;
  organisation: string;
}

export interface SuggestChangesOptions {
  /** Whether typing becomes suggestions now (read on every key, so a toggle takes effect at once). */
  enabled: () => boolean;
  author: () => SuggestionAuthor;
}

export const suggestChangesKey = new PluginKey<DecorationSet>('aftalerum-suggest-changes');
/** Marks the transactions this plugin makes, so its own filter lets them through. */
const OWN = 'aftalerum-suggestion';

const newId = (): string => crypto.randomUUID();

/**
 * The author's own suggestion mark of `type` that touches `pos`, if any: typing on (or deleting
 * on) extends that one suggestion with the very same attributes, so it stays one mark.
 */
function adjacentOwn(doc: PMNode, pos: number, type: MarkType, authorId: string): Mark | null {
  const $pos = doc.resolve(pos);
  for (const node of [$pos.nodeBefore, $pos.nodeAfter]) {
    const mark = node?.marks.find((m) => m.type === type && m.attrs.authorId === authorId);
    if (mark) return mark;
  }
  return null;
}

function markAttrs(author: SuggestionAuthor, id: string) {
  return { id, authorId: author.id, authorName: author.name, organisation: author.organisation, createdAt: new Date().toISOString() };
}

/**
 * Turns [from, to) into a suggested deletion: the author's own suggested insertions in it are
 * removed for real (withdrawn), everything else gets a deletion mark (text already struck stays
 * as it is). Only text inside one textblock is touched; returns false for anything structural.
 */
function suggestDeletion(tr: Transaction, from: number, to: number, author: SuggestionAuthor): boolean {
  const { insertion, deletion } = tr.doc.type.schema.marks;
  const $from = tr.doc.resolve(from);
  const $to = tr.doc.resolve(to);
  if (!$from.sameParent($to) || !$from.parent.isTextblock) return false;
  const pieces: Array<{ from: number; to: number; own: boolean; struck: boolean }> = [];
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return true;
    const start = Math.max(from, pos);
    const end = Math.min(to, pos + node.nodeSize);
    const marks: readonly Mark[] = node.marks;
    pieces.push({
      from: start,
      to: end,
      own: marks.some((m) => m.type === insertion && m.attrs.authorId === author.id),
      struck: marks.some((m) => m.type === deletion),
    });
    return false;
  });
  // Another author's suggested insertion cannot be struck by a suggester: the secretariat decides it.
  const struck = adjacentOwn(tr.doc, from, deletion, author.id) ?? adjacentOwn(tr.doc, to, deletion, author.id) ?? deletion.create(markAttrs(author, newId()));
  for (const piece of [...pieces].reverse()) {
    if (piece.own) tr.delete(piece.from, piece.to);
    else if (!piece.struck && !tr.doc.rangeHasMark(piece.from, piece.to, insertion)) tr.addMark(piece.from, piece.to, struck);
  }
  return true;
}

function insertSuggested(view: EditorView, from: number, to: number, text: string, author: SuggestionAuthor): boolean {
  const { state } = view;
  const { insertion } = state.schema.marks;
  const tr = state.tr;
  if (from !== to && !suggestDeletion(tr, from, to, author)) return true;
  const at = tr.mapping.map(to, 1);
  const $at = tr.doc.resolve(at);
  if (!$at.parent.isTextblock) return true;
  const inserted = adjacentOwn(tr.doc, at, insertion, author.id) ?? insertion.create(markAttrs(author, newId()));
  const marks = $at.marks().filter((m) => m.type !== insertion && m.type.name !== 'deletion');
  tr.insert(at, state.schema.text(text, [...marks, inserted]));
  tr.setSelection(TextSelection.create(tr.doc, at + text.length));
  view.dispatch(tr.setMeta(OWN, true).scrollIntoView());
  return true;
}

function deleteSuggested(view: EditorView, forward: boolean, author: SuggestionAuthor): boolean {
  const { state } = view;
  const { selection } = state;
  let from = selection.from;
  let to = selection.to;
  if (selection.empty) {
    const $pos = selection.$from;
    // At a paragraph's edge a deletion would join blocks: that is structural, not a suggestion.
    if (forward ? $pos.parentOffset >= $pos.parent.content.size : $pos.parentOffset === 0) return true;
    if (forward) to = from + 1;
    else from = to - 1;
  }
  const tr = state.tr;
  if (!suggestDeletion(tr, from, to, author)) return true;
  const caret = forward ? tr.mapping.map(to) : tr.mapping.map(from, -1);
  tr.setSelection(TextSelection.create(tr.doc, caret));
  view.dispatch(tr.setMeta(OWN, true).scrollIntoView());
  return true;
}

/** Colour, name and an accessible title on every suggested insertion and deletion, in its author's colour. */
function decorations(doc: PMNode): DecorationSet {
  const found: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (mark.type.name !== 'insertion' && mark.type.name !== 'deletion') continue;
      const what = mark.type.name === 'insertion' ? 'Foreslået indsat' : 'Foreslået slettet';
      const organisation = mark.attrs.organisation ? ` (${String(mark.attrs.organisation)})` : '';
      found.push(
        Decoration.inline(pos, pos + node.nodeSize, {
          class: `suggestion-mark suggestion-mark--${mark.type.name}`,
          style: `--suggestion-color: ${colorForUser(String(mark.attrs.authorId))}`,
          title: `${what} af ${String(mark.attrs.authorName) || 'ukendt'}${organisation}`,
          'data-suggestion-author': String(mark.attrs.authorName),
        }),
      );
    }
    return false;
  });
  return DecorationSet.create(doc, found);
}

/** Whether a transaction may pass while suggesting: its own, remote edits (y-sync) and anything that changes no text. */
const passes = (tr: Transaction): boolean => !tr.docChanged || Boolean(tr.getMeta(OWN)) || Boolean(tr.getMeta(ySyncPluginKey));

/**
 * "Foreslå ændringer": while enabled, typing becomes suggested insertions and deleting becomes
 * suggested deletions, stamped with the author (the marks of libs/editor/src/suggestions.ts);
 * the author's own suggestions are simply edited or withdrawn. Anything else that would change
 * the document — a new paragraph, joining paragraphs, formatting, a section command, a drop —
 * is held back here, as the server refuses it from someone who may only suggest.
 *
 * A small plugin of our own rather than @handlewithcare/prosemirror-suggest-changes: that
 * library brings its own marks (numeric ids, no author, a third `modification` mark and
 * block-level marks on nodes) and wraps dispatchTransaction outside Tiptap, while the draft's
 * marks, their attributes and the server's check are fixed by libs/editor.
 */
export const SuggestChanges = Extension.create<SuggestChangesOptions>({
  name: 'suggestChanges',

  addOptions() {
    return { enabled: () => false, author: () => ({ id: '', name: '', organisation: '' }) };
  },

  addProseMirrorPlugins() {
    const { enabled, author } = this.options;
    return [
      new Plugin<DecorationSet>({
        key: suggestChangesKey,
        state: {
          init: (_, state: EditorState) => decorations(state.doc),
          apply: (tr, previous) => (tr.docChanged ? decorations(tr.doc) : previous),
        },
        filterTransaction: (tr) => !enabled() || passes(tr),
        props: {
          decorations: (state) => suggestChangesKey.getState(state),
          handleTextInput: (view, from, to, text) => (enabled() ? insertSuggested(view, from, to, text, author()) : false),
          handleKeyDown: (view, event) => {
            if (!enabled()) return false;
            if (event.key === 'Backspace' || event.key === 'Delete') {
              event.preventDefault();
              return deleteSuggested(view, event.key === 'Delete', author());
            }
            return false;
          },
          handlePaste: (view, event) => {
            if (!enabled()) return false;
            const text = (event.clipboardData?.getData('text/plain') ?? '').replace(/\s*\n\s*/g, ' ');
            event.preventDefault();
            if (text) insertSuggested(view, view.state.selection.from, view.state.selection.to, text, author());
            return true;
          },
          handleDrop: () => enabled(),
        },
      }),
    ];
  },
});
