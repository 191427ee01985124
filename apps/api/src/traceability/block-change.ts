import { collectBlocks, JSONContent, wordChanges } from '@aftalerum/editor';
import { TracedChangeKind } from '../agreements/dtos/draft-types';
import type { BlockChange } from '../agreements/dtos/draft-types';

/** The text of each block of a draft by its id, and the section title it stands in. */
export interface BlockTexts {
  texts: Map<string, { text: string; type: string; sectionId: string | null }>;
  titles: Map<string, string>;
}

export function blockTexts(content: JSONContent): BlockTexts {
  const texts = new Map<string, { text: string; type: string; sectionId: string | null }>();
  const titles = new Map<string, string>();
  for (const block of collectBlocks(content)) {
    texts.set(block.blockId, { text: block.text, type: block.type, sectionId: block.sectionId });
    if (block.type === 'heading' && block.sectionId && !titles.has(block.sectionId)) titles.set(block.sectionId, block.text);
  }
  return { texts, titles };
}

/**
 * What became of one block from one draft to another: UNCHANGED (same text), CHANGED (with
 * before, after and the word changes), REMOVED (only before) or ADDED (only after). A block in
 * neither is REMOVED with no text: its anchor is orphaned.
 */
export function blockChange(blockId: string, from: BlockTexts | null, to: BlockTexts): BlockChange {
  const before = from?.texts.get(blockId) ?? null;
  const after = to.texts.get(blockId) ?? null;
  const sectionId = after?.sectionId ?? before?.sectionId ?? null;
  const sectionTitle = sectionId ? (to.titles.get(sectionId) ?? from?.titles.get(sectionId) ?? null) : null;
  const type = after?.type ?? before?.type ?? 'paragraph';
  const base = { blockId, type, sectionTitle, before: before?.text ?? null, after: after?.text ?? null };
  if (before && after) {
    return before.text === after.text
      ? { ...base, change: TracedChangeKind.UNCHANGED, words: [] }
      : { ...base, change: TracedChangeKind.CHANGED, words: wordChanges(before.text, after.text) };
  }
  if (after) return { ...base, change: TracedChangeKind.ADDED, words: [] };
  return { ...base, change: TracedChangeKind.REMOVED, words: [] };
}
