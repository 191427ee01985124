// @vitest-environment happy-dom
import { DRAFT_FRAGMENT, draftExtensions, draftSchema, type JSONContent } from '@aftalerum/editor';
import { Editor, type AnyExtension } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { KeepCaretOnRemoteEdit } from './keep-caret-on-remote-edit';

const paragraph = (blockId: string, text: string): JSONContent => ({ type: 'paragraph', attrs: { blockId }, content: [{ type: 'text', text }] });

const DRAFT: JSONContent = {
  type: 'doc',
  content: [
    {
      type: 'section',
      attrs: { kind: 'VISION', blockId: 's1' },
      content: [{ type: 'heading', attrs: { level: 2, blockId: 'h1' }, content: [{ type: 'text', text: 'Vision' }] }, paragraph('p1', 'Vi samarbejder'), paragraph('p2', 'Om borgeren')],
    },
  ],
};

const REMOTE = 'remote';
const editors: Editor[] = [];

/** Two people's editors on two Yjs documents that exchange every update, as through the server. */
function twoEditors(withWorkaround: boolean): [Editor, Editor] {
  const docs = [new Y.Doc(), new Y.Doc()];
  prosemirrorJSONToYXmlFragment(draftSchema(), DRAFT, docs[0].getXmlFragment(DRAFT_FRAGMENT));
  Y.applyUpdate(docs[1], Y.encodeStateAsUpdate(docs[0]));
  docs.forEach((doc, i) =>
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) Y.applyUpdate(docs[1 - i], update, REMOTE);
    }),
  );
  const made = docs.map((document) => {
    const extensions: AnyExtension[] = [...draftExtensions(), Collaboration.configure({ document, field: DRAFT_FRAGMENT })];
    if (withWorkaround) extensions.push(KeepCaretOnRemoteEdit);
    const element = window.document.createElement('div');
    window.document.body.append(element);
    return new Editor({ element, extensions });
  });
  editors.push(...made);
  return [made[0], made[1]];
}

/** The position just inside the start of the textblock with this id, and its text. */
function block(editor: Editor, blockId: string): { start: number; text: string } {
  let found: { start: number; text: string } | null = null;
  editor.state.doc.descendants((node, pos) => {
    if (found || !node.isTextblock || node.attrs.blockId !== blockId) return !found;
    found = { start: pos + 1, text: node.textContent };
    return false;
  });
  if (!found) throw new Error(`no block ${blockId}`);
  return found;
}

afterEach(() => {
  editors.splice(0).forEach((editor) => editor.destroy());
  document.body.innerHTML = '';
});

describe('KeepCaretOnRemoteEdit', () => {
  it('keeps my caret after the word I typed when someone types before it in my paragraph', () => {
    const [mine, theirs] = twoEditors(true);
    const p1 = block(mine, 'p1');
    const end = p1.start + p1.text.length;
    mine.commands.setTextSelection(end);

    theirs.commands.insertContentAt(block(theirs, 'p1').start, 'Sammen: ');

    expect(block(mine, 'p1').text).toBe('Sammen: Vi samarbejder');
    expect(mine.state.selection.from).toBe(end + 'Sammen: '.length);
    expect(mine.state.selection.empty).toBe(true);
  });

  it('keeps a selection over the same words', () => {
    const [mine, theirs] = twoEditors(true);
    const p1 = block(mine, 'p1');
    const from = p1.start + 'Vi '.length;
    mine.commands.setTextSelection({ from, to: from + 'samarbejder'.length });

    theirs.commands.insertContentAt(block(theirs, 'p1').start, 'Og ');

    const { from: newFrom, to: newTo } = mine.state.selection;
    expect(mine.state.doc.textBetween(newFrom, newTo)).toBe('samarbejder');
  });

  it('leaves my caret alone when the edit is in another paragraph', () => {
    const [mine, theirs] = twoEditors(true);
    const p2 = block(mine, 'p2');
    const at = p2.start + 'Om '.length;
    mine.commands.setTextSelection(at);

    const theirP1 = block(theirs, 'p1');
    theirs.commands.insertContentAt(theirP1.start + theirP1.text.length, ' og lytter');

    // p1 grew before p2, so the same place in p2 is further on.
    expect(block(mine, 'p1').text).toBe('Vi samarbejder og lytter');
    expect(mine.state.selection.from).toBe(block(mine, 'p2').start + 'Om '.length);
  });

  it('is needed: without it the caret keeps its old offset in the paragraph (ueberdosis/tiptap#7213)', () => {
    const [mine, theirs] = twoEditors(false);
    const p1 = block(mine, 'p1');
    const end = p1.start + p1.text.length;
    mine.commands.setTextSelection(end);

    theirs.commands.insertContentAt(block(theirs, 'p1').start, 'Sammen: ');

    // When this starts to fail, y-tiptap keeps the caret itself and the workaround can go.
    expect(mine.state.selection.from).toBe(end);
  });
});
