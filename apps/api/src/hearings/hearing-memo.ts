import { BlockChange, collectBlocks, collectSections, JSONContent } from '@aftalerum/editor';
import type { MemoBlockChange, MemoComment } from '../documents/memo';

/** What became of a block, from the comparison of the hearing draft with the version compared with. */
function changeOf(blockId: string, text: string, changes: Map<string, BlockChange>): MemoBlockChange {
  const change = changes.get(blockId);
  if (change?.change === 'CHANGED') return { kind: 'CHANGED', after: change.after, words: change.words };
  if (change?.change === 'REMOVED') return { kind: 'REMOVED', after: null, words: [] };
  return { kind: 'UNCHANGED', after: text, words: [] };
}

/** Groups the comments by the section and block of the hearing draft they concern, each block with what became of it. */
export function memoSections(content: JSONContent, comments: Array<MemoComment & { blockId: string | null }>, changes: BlockChange[] = []) {
  const byBlock = new Map(changes.map((c) => [c.blockId, c]));
  const bySection = collectSections(content).map((section) => ({ id: section.blockId, title: section.title, blocks: [] as Array<{ text: string; comments: MemoComment[]; change: MemoBlockChange }> }));
  const sectionIndex = new Map(bySection.map((s, i) => [s.id, i]));
  for (const block of collectBlocks(content)) {
    if (block.type === 'listItem' || block.type === 'tableCell' || block.type === 'tableHeader') continue;
    const onBlock = comments.filter((c) => c.blockId === block.blockId);
    const index = block.sectionId ? sectionIndex.get(block.sectionId) : undefined;
    if (onBlock.length && index !== undefined) bySection[index].blocks.push({ text: block.text, comments: onBlock, change: changeOf(block.blockId, block.text, byBlock) });
  }
  return bySection.filter((s) => s.blocks.length > 0).map(({ title, blocks }) => ({ title, blocks }));
}
