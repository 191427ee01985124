import type { EditorState } from '@tiptap/pm/state';
import { absolutePositionToRelativePosition, ProsemirrorBinding, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/** A thread's place in the draft: two encoded Yjs relative positions. */
export interface SpanAnchor {
  anchorStart: string;
  anchorEnd: string;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

function bindingOf(state: EditorState): ProsemirrorBinding | null {
  const binding: unknown = ySyncPluginKey.getState(state)?.binding;
  return binding instanceof ProsemirrorBinding ? binding : null;
}

/**
 * A span's end as a Yjs relative position. y-tiptap gives a caret's position, which sticks to
 * the character before it; a span's start sticks to the character after it instead, so text
 * someone types right before the span stays outside it, and text typed inside it stays inside.
 */
function spanEdge(binding: ProsemirrorBinding, pos: number, edge: 'start' | 'end'): Y.RelativePosition {
  const caret = absolutePositionToRelativePosition(pos, binding.type, binding.mapping) as Y.RelativePosition;
  if (edge === 'end') return caret;
  const at = Y.createAbsolutePositionFromRelativePosition(caret, binding.doc);
  return at && at.type instanceof Y.XmlText ? Y.createRelativePositionFromTypeIndex(at.type, at.index, 0) : caret;
}

/** The current selection as a thread's anchor, its text and the block it starts in; null for an empty selection. */
export function anchorSelection(state: EditorState): (SpanAnchor & { quote: string; blockId: string | null }) | null {
  const binding = bindingOf(state);
  const { from, to, empty } = state.selection;
  if (!binding || empty) return null;
  const quote = state.doc.textBetween(from, to, ' ').trim();
  if (!quote) return null;
  const blockId: unknown = state.doc.resolve(from).parent.attrs.blockId;
  return {
    anchorStart: toBase64(Y.encodeRelativePosition(spanEdge(binding, from, 'start'))),
    anchorEnd: toBase64(Y.encodeRelativePosition(spanEdge(binding, to, 'end'))),
    quote,
    blockId: typeof blockId === 'string' ? blockId : null,
  };
}

/** Where a thread's text is in the draft now; null when it was deleted (the thread is orphaned). */
export function resolveAnchor(state: EditorState, anchor: SpanAnchor): { from: number; to: number } | null {
  const binding = bindingOf(state);
  if (!binding) return null;
  try {
    const from = relativePositionToAbsolutePosition(binding.doc, binding.type, Y.decodeRelativePosition(fromBase64(anchor.anchorStart)), binding.mapping);
    const to = relativePositionToAbsolutePosition(binding.doc, binding.type, Y.decodeRelativePosition(fromBase64(anchor.anchorEnd)), binding.mapping);
    if (from === null || to === null || to <= from || to > state.doc.content.size) return null;
    // Only whitespace or structure left between the ends: the text itself is gone.
    return state.doc.textBetween(from, to, '').trim() ? { from, to } : null;
  } catch {
    return null;
  }
}

/** The title of the section a position is in (its first heading), or null outside every section. */
export function sectionTitleAt(state: EditorState, pos: number): string | null {
  const $pos = state.doc.resolve(Math.min(pos, state.doc.content.size));
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    if (node.type.name === 'section') {
      const heading = node.firstChild;
      return heading && heading.type.name === 'heading' ? heading.textContent.trim() || 'Afsnit uden titel' : 'Afsnit uden titel';
    }
  }
  return null;
}
