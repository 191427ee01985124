import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import { ProsemirrorBinding, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';

/** The id of the textblock (paragraph, heading) a position is in, or null. */
function textblockIdAt(doc: ProseMirrorNode, pos: number): string | null {
  if (pos < 0 || pos > doc.content.size) return null;
  const parent = doc.resolve(pos).parent;
  const id: unknown = parent.isTextblock ? parent.attrs.blockId : null;
  return typeof id === 'string' && id.length > 0 ? id : null;
}

/**
 * Keeps the local caret where Yjs says it is when someone else edits the same paragraph.
 *
 * y-tiptap 3.0.9 "recovers" the selection after every remote change whose textblock text
 * differs from before, and for blocks with distinctive attributes (all of ours: they carry a
 * blockId) puts the caret back at its old offset in the paragraph. So when another person
 * types before your caret in your paragraph, your next keystroke lands in the middle of a
 * word (ueberdosis/tiptap#7213). Yjs's relative position is exact, so when it resolves to
 * the same paragraph (same blockId) the caret was in, this puts the selection there.
 */
export const KeepCaretOnRemoteEdit = Extension.create({
  name: 'keepCaretOnRemoteEdit',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('keepCaretOnRemoteEdit'),
        appendTransaction: (transactions, oldState, newState) => {
          const remote = transactions.some((tr) => {
            const meta: unknown = tr.getMeta(ySyncPluginKey);
            return (
              tr.docChanged &&
              typeof meta === 'object' &&
              meta !== null &&
              (meta as { isChangeOrigin?: boolean }).isChangeOrigin === true &&
              (meta as { isUndoRedoOperation?: boolean }).isUndoRedoOperation !== true
            );
          });
          if (!remote) return null;
          const binding: unknown = ySyncPluginKey.getState(newState)?.binding;
          if (!(binding instanceof ProsemirrorBinding)) return null;
          const before = binding.beforeTransactionSelection;
          if (!before || before.type !== 'text' || !before.anchor || !before.head) return null;

          const anchor = relativePositionToAbsolutePosition(binding.doc, binding.type, before.anchor, binding.mapping);
          const head = relativePositionToAbsolutePosition(binding.doc, binding.type, before.head, binding.mapping);
          if (anchor === null || head === null) return null;
          // Only when Yjs keeps each end in the paragraph it was in; structural moves are left to y-tiptap.
          const sameBlock = (oldPos: number, newPos: number) => {
            const id = textblockIdAt(oldState.doc, oldPos);
            return id !== null && id === textblockIdAt(newState.doc, newPos);
          };
          if (!sameBlock(before.absAnchor, anchor) || !sameBlock(before.absHead, head)) return null;
          if (newState.selection.anchor === anchor && newState.selection.head === head) return null;
          return newState.tr.setSelection(TextSelection.create(newState.doc, anchor, head)).setMeta('addToHistory', false);
        },
      }),
    ];
  },
});
