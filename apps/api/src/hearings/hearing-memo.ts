import { collectBlocks, collectSections, JSONContent } from '@aftalerum/editor';
import type { MemoComment } from '../documents/memo';

/** Groups the comments by the section and block of the hearing draft they concern. */
export function memoSections(content: JSONContent, comments: Array<MemoComment & { blockId: string | null }>) {
  const bySection = collectSections(content).map((section) => ({ id: section.blockId, title: section.title, blocks: [] as Array<{ text: string; comments: MemoComment[] }> }));
  const sectionIndex = new Map(bySection.map((s, i) => [s.id, i]));
  for (const block of collectBlocks(content)) {
    if (block.type === 'listItem' || block.type === 'tableCell' || block.type === 'tableHeader') continue;
    const onBlock = comments.filter((c) => c.blockId === block.blockId);
    const index = block.sectionId ? sectionIndex.get(block.sectionId) : undefined;
    if (onBlock.length && index !== undefined) bySection[index].blocks.push({ text: block.text, comments: onBlock });
  }
  return bySection.filter((s) => s.blocks.length > 0).map(({ title, blocks }) => ({ title, blocks }));
}
