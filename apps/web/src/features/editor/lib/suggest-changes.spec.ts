// @vitest-environment happy-dom
import { DRAFT_FRAGMENT, documentText, draftExtensions, draftSchema, pendingSuggestions, withoutSuggestionsOf, type JSONContent } from '@aftalerum/editor';
import { Editor } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SuggestChanges } from './suggest-changes';

const DRAFT: JSONContent = {
  type: 'doc',
  content: [
    {
      type: 'section',
      attrs: { kind: 'VISION', blockId: 's1' },
      content: [
        { type: 'heading', attrs: { level: 2, blockId: 'h1' }, content: [{ type: 'text', text: 'Vision' }] },
        { type: 'paragraph', attrs: { blockId: 'p1' }, content: [{ type: 'text', text: 'Vi samarbejder om borgeren' }] },
      ],
    },
  ],
};

const ODENSE = { id: 'u-odense', name: 'Odense Kommune', organisation: 'Odense Kommune' };
const editors: Editor[] = [];

/** An editor on a Yjs document, as in the live draft, in suggestion mode while `on.enabled`. */
function suggestingEditor(on = { enabled: true }) {
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(draftSchema(), DRAFT, doc.getXmlFragment(DRAFT_FRAGMENT));
  const element = window.document.createElement('div');
  window.document.body.append(element);
  const editor = new Editor({
    element,
    extensions: [...draftExtensions(), Collaboration.configure({ document: doc, field: DRAFT_FRAGMENT }), SuggestChanges.configure({ enabled: () => on.enabled, author: () => ODENSE })],
  });
  editors.push(editor);
  /** What the server receives: the Yjs document's draft. */
  const shared = () => yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DRAFT_FRAGMENT), draftSchema()).toJSON() as JSONContent;
  return { editor, shared, on };
}

/** The position of `text`'s first character in the document. */
function positionOf(editor: Editor, text: string): number {
  let found = -1;
  editor.state.doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text?.includes(text)) found = pos + node.text.indexOf(text);
    return found < 0;
  });
  if (found < 0) throw new Error(`no "${text}"`);
  return found;
}

const type = (editor: Editor, at: number, text: string) => {
  editor.commands.setTextSelection(at);
  const { view } = editor;
  const handled = view.someProp('handleTextInput', (f) => f(view, at, at, text, () => view.state.tr));
  if (!handled) editor.commands.insertContentAt(at, text);
};
const press = (editor: Editor, key: string) => {
  const { view } = editor;
  return view.someProp('handleKeyDown', (f) => f(view, new KeyboardEvent('keydown', { key })));
};

/** The server's rule (apps/api/src/collaboration/suggestion-check.ts): without the author's suggestions, the draft reads as before. */
const onlySuggestions = (before: JSONContent, after: JSONContent) => JSON.stringify(withoutSuggestionsOf(after, ODENSE.id)) === JSON.stringify(withoutSuggestionsOf(before, ODENSE.id));

afterEach(() => {
  while (editors.length) editors.pop()?.destroy();
});

describe('suggestion mode ("Foreslå ændringer")', () => {
  it('turns typing into one suggested insertion stamped with the author, in the shared document', () => {
    const { editor, shared } = suggestingEditor();
    const before = shared();
    const at = positionOf(editor, 'borgeren');
    type(editor, at, 'h');
    type(editor, at + 1, 'ele ');
    const pending = pendingSuggestions(shared());
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ authorId: ODENSE.id, authorName: ODENSE.name, organisation: ODENSE.organisation, inserted: 'hele ', deleted: '', blockId: 'p1' });
    expect(onlySuggestions(before, shared())).toBe(true);
    // One mark, so one <ins> in the page.
    expect(editor.view.dom.querySelectorAll('ins.suggestion')).toHaveLength(1);
  });

  it('turns Backspace and Delete into suggested deletions, and withdraws the author’s own inserted text for real', () => {
    const { editor, shared } = suggestingEditor();
    const before = shared();
    editor.commands.setTextSelection(positionOf(editor, ' om'));
    press(editor, 'Backspace');
    press(editor, 'Backspace');
    const struck = pendingSuggestions(shared());
    expect(struck.map((s) => s.deleted).join('')).toBe('er');
    expect(documentText(shared())).toContain('samarbejder');

    const at = positionOf(editor, 'borgeren');
    type(editor, at, 'x');
    expect(pendingSuggestions(shared()).some((s) => s.inserted === 'x')).toBe(true);
    editor.commands.setTextSelection(at + 1);
    press(editor, 'Backspace');
    expect(pendingSuggestions(shared()).some((s) => s.inserted.includes('x'))).toBe(false);
    expect(documentText(shared())).not.toContain('xborgeren');
    expect(onlySuggestions(before, shared())).toBe(true);
  });

  it('holds back what is not a suggestion: a new paragraph, formatting, joining paragraphs', () => {
    const { editor, shared } = suggestingEditor();
    const before = shared();
    editor.commands.setTextSelection(positionOf(editor, 'om borgeren'));
    editor.commands.splitBlock();
    editor.commands.setTextSelection({ from: positionOf(editor, 'Vi'), to: positionOf(editor, 'Vi') + 2 });
    editor.commands.toggleBold();
    editor.commands.setTextSelection(positionOf(editor, 'Vi'));
    press(editor, 'Backspace');
    expect(shared()).toEqual(before);
  });

  it('edits directly when switched off (the secretariat’s choice)', () => {
    const { editor, shared, on } = suggestingEditor({ enabled: false });
    type(editor, positionOf(editor, 'borgeren'), 'hele ');
    expect(pendingSuggestions(shared())).toEqual([]);
    expect(documentText(shared())).toContain('hele borgeren');
    on.enabled = true;
    type(editor, positionOf(editor, 'borgeren'), 'alle ');
    expect(pendingSuggestions(shared()).map((s) => s.inserted)).toEqual(['alle ']);
  });
});
