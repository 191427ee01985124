import { BLOCK_ID_ATTRIBUTE } from './schema';
import { focusAreasOf, isSectionKind, SectionKind } from './section-kind';

/** ProseMirror JSON, as Tiptap's getJSON() returns it. */
export interface JSONContent {
  type?: string;
  attrs?: Record<string, unknown>;
  content?: JSONContent[];
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  text?: string;
}

export interface DraftBlock {
  blockId: string;
  /** paragraph, heading, listItem, … */
  type: string;
  text: string;
  /** Heading level, for headings. */
  level?: number;
  /** The id of the top-level section the block is in. */
  sectionId: string | null;
}

export interface DraftSection {
  blockId: string;
  kind: SectionKind;
  title: string;
  text: string;
  /** For a goal: the block id of the focus area it belongs to (the one before it). */
  focusAreaId: string | null;
}

const TEXT_BLOCKS = new Set(['paragraph', 'heading']);
const CONTAINER_BLOCKS = new Set(['listItem', 'tableCell', 'tableHeader']);

/** The plain text of a node and everything under it, blocks separated by new lines. */
export function textOf(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  const parts = (node.content ?? []).map(textOf);
  const isBlockContainer = (node.content ?? []).some((child) => child.type !== 'text' && child.type !== 'hardBreak');
  return parts.join(isBlockContainer ? '\n' : '');
}

const blockIdOf = (node: JSONContent): string | null => {
  const id = node.attrs?.[BLOCK_ID_ATTRIBUTE];
  return typeof id === 'string' && id.length > 0 ? id : null;
};

/**
 * Every paragraph, heading and list item (and table cell) with its id and text, in document
 * order. A list item's text is its own paragraphs', so each comment anchors to one place.
 */
export function collectBlocks(doc: JSONContent): DraftBlock[] {
  const blocks: DraftBlock[] = [];
  const visit = (node: JSONContent, sectionId: string | null) => {
    const id = blockIdOf(node);
    if (node.type && TEXT_BLOCKS.has(node.type) && id) {
      const level = node.type === 'heading' ? Number(node.attrs?.level ?? 1) : undefined;
      blocks.push({ blockId: id, type: node.type, text: textOf(node), sectionId, ...(level ? { level } : {}) });
      return;
    }
    if (node.type && CONTAINER_BLOCKS.has(node.type) && id) {
      blocks.push({ blockId: id, type: node.type, text: textOf(node), sectionId });
    }
    for (const child of node.content ?? []) visit(child, sectionId);
  };
  for (const section of doc.content ?? []) visit(section, section.type === 'section' ? blockIdOf(section) : null);
  return blocks;
}

/** The top-level sections: kind, heading text as title, and the text under the heading. */
export function collectSections(doc: JSONContent): DraftSection[] {
  const sections = (doc.content ?? [])
    .filter((node) => node.type === 'section')
    .map((section) => {
      const [heading, ...rest] = section.content ?? [];
      const kind = section.attrs?.kind;
      return {
        blockId: blockIdOf(section) ?? '',
        kind: isSectionKind(kind) ? kind : 'OTHER',
        title: heading ? textOf(heading) : '',
        text: rest.map(textOf).join('\n'),
        focusAreaId: null,
      } satisfies DraftSection as DraftSection;
    });
  focusAreasOf(sections).forEach((area, i) => (sections[i].focusAreaId = area));
  return sections;
}

/** Ids used by more than one node (they must be unique before a version is frozen). */
export function duplicateBlockIds(doc: JSONContent): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  const visit = (node: JSONContent) => {
    const id = blockIdOf(node);
    if (id) {
      if (seen.has(id)) duplicates.add(id);
      seen.add(id);
    }
    for (const child of node.content ?? []) visit(child);
  };
  visit(doc);
  return [...duplicates];
}

/** The whole draft as plain text, sections separated by blank lines. */
export const documentText = (doc: JSONContent): string => (doc.content ?? []).map(textOf).join('\n\n');
