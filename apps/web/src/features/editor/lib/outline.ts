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
  /** A focus area's goals (mål): the goal sections that follow it. */
  goals: OutlineSection[];
}

export interface OutlineGroup {
  /** Unique within the outline: the kind and the position of the group's first section. */
  id: string;
  label: string;
  sections: OutlineSection[];
}

/** The part headings of the outline, by kind. */
const PART_LABELS: Record<SectionKind, string> = {
  PREAMBLE: 'Indledning',
  VISION: 'Visioner',
  FOCUS_AREA: 'Fokusområder',
  GOAL: 'Mål',
  PRINCIPLE: 'Principper',
  ANNEX: 'Tillæg',
  OTHER: 'Øvrige',
};

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
      goals: [],
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

/**
 * The outline in the document's order: each run of sections of one kind under its part heading
 * (Indledning, Visioner, Fokusområder, Principper, …), each goal under the focus area before it
 * (as Agreement.sections' focusAreaId). A goal with no focus area before it stands on its own, under "Mål".
 */
export function outlineOf(doc: ProseMirrorNode): OutlineGroup[] {
  const groups: OutlineGroup[] = [];
  let area: OutlineSection | null = null;
  for (const section of sectionsOf(doc)) {
    if (section.kind === 'GOAL' && area) {
      area.goals.push(section);
      continue;
    }
    area = section.kind === 'FOCUS_AREA' ? section : null;
    const last = groups.at(-1);
    if (last && last.sections[0].kind === section.kind) last.sections.push(section);
    else groups.push({ id: `${section.kind}-${section.blockId ?? section.pos}`, label: PART_LABELS[section.kind], sections: [section] });
  }
  return groups;
}

/** The position of the top-level section the selection is in, or null. */
export function currentSectionPos(doc: ProseMirrorNode, selectionFrom: number): number | null {
  let found: number | null = null;
  doc.forEach((node, offset) => {
    if (found === null && selectionFrom > offset && selectionFrom < offset + node.nodeSize) found = offset;
  });
  return found;
}
