import { diffWords } from 'diff';
import { collectBlocks, collectSections, DraftBlock, JSONContent } from './document';

/** How a block differs between two drafts. */
export const BlockChangeKind = { ADDED: 'ADDED', REMOVED: 'REMOVED', CHANGED: 'CHANGED' } as const;
export type BlockChangeKind = (typeof BlockChangeKind)[keyof typeof BlockChangeKind];

/** How a run of words differs within a changed block. */
export const WordChangeKind = { SAME: 'SAME', ADDED: 'ADDED', REMOVED: 'REMOVED' } as const;
export type WordChangeKind = (typeof WordChangeKind)[keyof typeof WordChangeKind];

export interface WordChange {
  kind: WordChangeKind;
  text: string;
}

/** One block that was added, removed or changed, with its word-level changes. */
export interface BlockChange {
  blockId: string;
  change: BlockChangeKind;
  type: string;
  before: string | null;
  after: string | null;
  sectionTitle: string | null;
  words: WordChange[];
}

// Only text blocks are compared: a list item's text is its paragraphs' text, so comparing both
// would report every list edit twice.
const COMPARED = new Set(['paragraph', 'heading']);

/** Word-level changes from one text to another. */
export function wordChanges(before: string, after: string): WordChange[] {
  return diffWords(before, after).map((part) => ({
    kind: part.added ? WordChangeKind.ADDED : part.removed ? WordChangeKind.REMOVED : WordChangeKind.SAME,
    text: part.value,
  }));
}

/**
 * Compares two drafts block by block, matching blocks by their stable id (not by position),
 * and word-diffs the blocks whose text changed. Changes come in the order of the newer
 * draft, removed blocks where they stood.
 */
export function compareDrafts(from: JSONContent, to: JSONContent): BlockChange[] {
  const fromBlocks = collectBlocks(from).filter((b) => COMPARED.has(b.type));
  const toBlocks = collectBlocks(to).filter((b) => COMPARED.has(b.type));
  const fromById = new Map(fromBlocks.map((b) => [b.blockId, b]));
  const toById = new Map(toBlocks.map((b) => [b.blockId, b]));
  const titles = new Map([...collectSections(from), ...collectSections(to)].map((s) => [s.blockId, s.title]));
  const titleOf = (block: DraftBlock) => (block.sectionId ? (titles.get(block.sectionId) ?? null) : null);

  const changes: BlockChange[] = [];
  // Removed blocks that precede any kept block come first; the rest follow the kept block before them.
  const removedAfter = new Map<string | null, DraftBlock[]>();
  let previousKept: string | null = null;
  for (const block of fromBlocks) {
    if (toById.has(block.blockId)) previousKept = block.blockId;
    else removedAfter.set(previousKept, [...(removedAfter.get(previousKept) ?? []), block]);
  }
  const pushRemoved = (anchor: string | null) => {
    for (const block of removedAfter.get(anchor) ?? []) {
      changes.push({
        blockId: block.blockId,
        change: BlockChangeKind.REMOVED,
        type: block.type,
        before: block.text,
        after: null,
        sectionTitle: titleOf(block),
        words: [{ kind: WordChangeKind.REMOVED, text: block.text }],
      });
    }
  };

  pushRemoved(null);
  for (const block of toBlocks) {
    const old = fromById.get(block.blockId);
    if (!old) {
      changes.push({
        blockId: block.blockId,
        change: BlockChangeKind.ADDED,
        type: block.type,
        before: null,
        after: block.text,
        sectionTitle: titleOf(block),
        words: [{ kind: WordChangeKind.ADDED, text: block.text }],
      });
    } else {
      if (old.text !== block.text) {
        changes.push({
          blockId: block.blockId,
          change: BlockChangeKind.CHANGED,
          type: block.type,
          before: old.text,
          after: block.text,
          sectionTitle: titleOf(block),
          words: wordChanges(old.text, block.text),
        });
      }
      pushRemoved(block.blockId);
    }
  }
  return changes;
}
