import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export interface AnchorCount {
  hearingComments: number;
  clusterInputs: number;
}

export const anchorCountsKey = new PluginKey<Map<string, AnchorCount>>('anchorCounts');

/** "2 høringskommentarer · 1 input". */
export function anchorLabel(count: AnchorCount): string {
  const parts = [];
  if (count.hearingComments) parts.push(`${count.hearingComments} ${count.hearingComments === 1 ? 'høringskommentar' : 'høringskommentarer'}`);
  if (count.clusterInputs) parts.push(`${count.clusterInputs} input`);
  return parts.join(' · ');
}

/**
 * Marks each paragraph of the live draft that hearing comments or cluster inputs point to with
 * how many (a node decoration: the count is shown beside the paragraph, never part of its text).
 * The counts arrive as a transaction's meta (see setAnchorCounts).
 */
export const AnchorCounts = Extension.create({
  name: 'anchorCounts',
  addProseMirrorPlugins() {
    return [
      new Plugin<Map<string, AnchorCount>>({
        key: anchorCountsKey,
        state: {
          init: () => new Map(),
          apply: (tr, value) => (tr.getMeta(anchorCountsKey) as Map<string, AnchorCount> | undefined) ?? value,
        },
        props: {
          decorations(state) {
            const counts = anchorCountsKey.getState(state);
            if (!counts?.size) return null;
            const decorations: Decoration[] = [];
            state.doc.descendants((node, pos) => {
              const id = node.attrs?.blockId as string | undefined;
              const count = id ? counts.get(id) : undefined;
              if (count && node.isTextblock) {
                decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: 'has-anchors', 'data-anchors': anchorLabel(count) }));
              }
              return true;
            });
            return DecorationSet.create(state.doc, decorations);
          },
        },
      }),
    ];
  },
});
