import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { resolveAnchor, SpanAnchor } from './anchors';

export interface HighlightedThread extends SpanAnchor {
  id: string;
  active: boolean;
}

interface HighlightState {
  threads: HighlightedThread[];
  decorations: DecorationSet;
}

export const commentHighlightsKey = new PluginKey<HighlightState>('draftCommentHighlights');

/**
 * Marks the text of each open comment thread in the draft. The threads come from the API
 * (`setCommentHighlights`); their places are Yjs relative positions, resolved again after every
 * change, so the marks follow the text whoever edits it. Decorations only: nothing is written
 * to the shared document.
 */
export const CommentHighlights = Extension.create({
  name: 'draftCommentHighlights',

  addProseMirrorPlugins() {
    const decorate = (state: Parameters<typeof resolveAnchor>[0], threads: HighlightedThread[]) =>
      DecorationSet.create(
        state.doc,
        threads.flatMap((thread) => {
          const span = resolveAnchor(state, thread);
          return span ? [Decoration.inline(span.from, span.to, { class: thread.active ? 'draft-comment draft-comment--active' : 'draft-comment', 'data-thread-id': thread.id })] : [];
        }),
      );
    return [
      new Plugin<HighlightState>({
        key: commentHighlightsKey,
        state: {
          init: (): HighlightState => ({ threads: [], decorations: DecorationSet.empty }),
          apply: (tr, value, _old, state): HighlightState => {
            const threads = (tr.getMeta(commentHighlightsKey) as HighlightedThread[] | undefined) ?? value.threads;
            if (threads === value.threads && !tr.docChanged) return value;
            // A remote change has reached Yjs (and y-tiptap's mapping) before this transaction: resolve
            // again. A local edit reaches Yjs only after it: map the marks through it meanwhile.
            const remote = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
            if (threads === value.threads && !remote) return { threads, decorations: value.decorations.map(tr.mapping, tr.doc) };
            return { threads, decorations: decorate(state, threads) };
          },
        },
        props: { decorations: (state) => commentHighlightsKey.getState(state)?.decorations },
      }),
    ];
  },
});
