import { collectBlocks, collectSections, DraftSection, JSONContent } from '@aftalerum/editor';
import { ItemSection } from './cluster-input-item.entity';

/** Where each block of a draft sits: the section itself for a section id, else its section. */
export function sectionIndex(content: JSONContent): Map<string, DraftSection> {
  const sections = collectSections(content);
  const byId = new Map(sections.map((s) => [s.blockId, s]));
  const index = new Map<string, DraftSection>(byId);
  for (const block of collectBlocks(content)) {
    const section = block.sectionId ? byId.get(block.sectionId) : undefined;
    if (section) index.set(block.blockId, section);
  }
  return index;
}

/**
 * The section an item concerns in the live draft. Block ids are stable across versions, so
 * the block is looked up first; a block since removed falls back to the section it was in.
 */
export function locateItem(
  item: { blockId: string | null; storedSectionId: string | null; storedSectionTitle: string | null },
  live: Map<string, DraftSection>,
): ItemSection | null {
  if (!item.blockId) return null;
  const current = live.get(item.blockId);
  if (current) return { id: current.blockId, title: current.title, kind: current.kind, live: true };
  const former = item.storedSectionId ? live.get(item.storedSectionId) : undefined;
  if (former) return { id: former.blockId, title: former.title, kind: former.kind, live: false };
  if (item.storedSectionId) return { id: item.storedSectionId, title: item.storedSectionTitle ?? 'Udgået afsnit', kind: 'OTHER', live: false };
  return null;
}
