import { isSectionKind, SectionKind } from '@aftalerum/editor';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

export interface OutlineHeading {
  /** Position of the heading node in the document. */
  pos: number;
  blockId: string | null;
  title: string;
}

export interface OutlineSection {
  /** Position of the section node in the document. */
  pos: number;
  blockId: string | null;
  kind: SectionKind;
  title: string;
  /** The section's own sub-headings (level 2 and below), e.g. the four visions. */
  headings: OutlineHeading[];
}

export type OutlineGroupId = 'visions' | 'focusAreas' | 'principles' | 'other';

export interface OutlineGroup {
  id: OutlineGroupId;
  label: string;
  sections: OutlineSection[];
}

const GROUPS: Array<{ id: OutlineGroupId; label: string; kinds: SectionKind[] | null }> = [
  { id: 'visions', label: 'Visioner', kinds: ['VISION'] },
  { id: 'focusAreas', label: 'Fokusområder', kinds: ['FOCUS_AREA'] },
  { id: 'principles', label: 'Principper', kinds: ['PRINCIPLE'] },
  { id: 'other', label: 'Øvrige', kinds: null },
];

/** The top-level sections of the draft, in document order, with their sub-headings. */
export function sectionsOf(doc: ProseMirrorNode): OutlineSection[] {
  const sections: OutlineSection[] = [];
  doc.forEach((node, offset) => {
    if (node.type.name !== 'section') return;
    const kind: unknown = node.attrs.kind;
    const blockId: unknown = node.attrs.blockId;
    const section: OutlineSection = {
      pos: offset,
      blockId: typeof blockId === 'string' ? blockId : null,
      kind: isSectionKind(kind) ? kind : 'OTHER',
      title: '',
      headings: [],
    };
    node.forEach((child, childOffset, index) => {
      if (child.type.name !== 'heading') return;
      if (index === 0) section.title = child.textContent.trim();
      // +1: the children of a node start one position after the node itself.
      else {
        const headingId: unknown = child.attrs.blockId;
        section.headings.push({
          pos: offset + 1 + childOffset,
          blockId: typeof headingId === 'string' ? headingId : null,
          title: child.textContent.trim(),
        });
      }
    });
    sections.push(section);
  });
  return sections;
}

/** The sections grouped as Visioner, Fokusområder, Principper and Øvrige (empty groups left out). */
export function outlineOf(doc: ProseMirrorNode): OutlineGroup[] {
  const sections = sectionsOf(doc);
  return GROUPS.map(({ id, label, kinds }) => ({
    id,
    label,
    sections: sections.filter((s) => (kinds ? kinds.includes(s.kind) : !GROUPS.some((g) => g.kinds?.includes(s.kind)))),
  })).filter((group) => group.sections.length > 0);
}

/** The position of the top-level section the selection is in, or null. */
export function currentSectionPos(doc: ProseMirrorNode, selectionFrom: number): number | null {
  let found: number | null = null;
  doc.forEach((node, offset) => {
    if (found === null && selectionFrom > offset && selectionFrom < offset + node.nodeSize) found = offset;
  });
  return found;
}
