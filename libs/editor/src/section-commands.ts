import { Extension } from '@tiptap/core';
import { Fragment, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { BLOCK_ID_ATTRIBUTE } from './block-id';
import { focusAreasOf, isSectionKind, NEW_SECTION_TITLES, SectionKind } from './section-kind';

/** A random (version 4) UUID, also where crypto.randomUUID is missing (pages served without TLS). */
export function newBlockId(): string {
  const cryptoApi = globalThis.crypto;
  if (typeof cryptoApi?.randomUUID === 'function') return cryptoApi.randomUUID();
  const bytes = new Uint8Array(16);
  cryptoApi.getRandomValues(bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface TopSection {
  node: ProseMirrorNode;
  /** Position of the section node in the document. */
  pos: number;
  index: number;
  kind: SectionKind;
  blockId: string | null;
  /** The focus area a goal belongs to. */
  focusAreaId: string | null;
}

/** The document's top-level sections in order, each goal with its focus area. */
export function topSections(doc: ProseMirrorNode): TopSection[] {
  const sections: TopSection[] = [];
  doc.forEach((node, pos, index) => {
    const kind: unknown = node.attrs.kind;
    const blockId: unknown = node.attrs[BLOCK_ID_ATTRIBUTE];
    sections.push({ node, pos, index, kind: isSectionKind(kind) ? kind : 'OTHER', blockId: typeof blockId === 'string' ? blockId : null, focusAreaId: null });
  });
  focusAreasOf(sections).forEach((area, i) => (sections[i].focusAreaId = area));
  return sections;
}

/** The index of the top-level section the selection starts in, or null (e.g. an empty selection at the document's very edge). */
export function currentSectionIndex(state: EditorState): number | null {
  const { $from } = state.selection;
  if ($from.depth >= 1) return $from.index(0);
  // A node selection of a whole section sits between sections, at depth 0.
  return $from.nodeAfter ? $from.index(0) : null;
}

/** How far a section reaches when it moves or others are inserted after it: a focus area takes its goals along. */
function unitEnd(sections: TopSection[], index: number): number {
  let end = index + 1;
  if (sections[index].kind === 'FOCUS_AREA') while (end < sections.length && sections[end].kind === 'GOAL') end += 1;
  return end;
}

/** The start index of the unit (a focus area with its goals, or one section) that ends just before index. */
function unitStartBefore(sections: TopSection[], index: number): number {
  let start = index - 1;
  while (start > 0 && sections[start].kind === 'GOAL' && sections[start].focusAreaId !== null) start -= 1;
  return start;
}

/** Whether the caret is alone in an empty paragraph, where "/" opens the section commands. */
export function isSlashCommandPlace(state: EditorState): boolean {
  const { selection } = state;
  if (!selection.empty) return false;
  const parent = selection.$from.parent;
  return parent.type.name === 'paragraph' && parent.content.size === 0;
}

export interface InsertSectionOptions {
  /** The heading the new section starts with (default: "Nyt mål", "Ny vision", …). */
  title?: string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    sectionCommands: {
      /**
       * Inserts a new section of this kind after the current one (a goal right after it, any
       * other kind after the current focus area's goals), with fresh block ids, and selects
       * its heading so typing names it.
       */
      insertSection: (kind: SectionKind, options?: InsertSectionOptions) => ReturnType;
      /** Moves the current section one place up or down (a focus area with its goals). */
      moveSection: (direction: 'up' | 'down') => ReturnType;
      /** Removes the current section; the last section of a draft cannot be removed. */
      removeSection: () => ReturnType;
      /** Changes the kind of the current section. */
      setSectionKind: (kind: SectionKind) => ReturnType;
    };
  }
}

/**
 * Insert, move and remove whole sections of the draft. Every inserted block gets a new
 * block id here, so comments and input anchor to it from the first keystroke; moved
 * sections keep theirs.
 */
export const SectionCommands = Extension.create<{ generateId: () => string }>({
  name: 'sectionCommands',

  addOptions() {
    return { generateId: newBlockId };
  },

  addCommands() {
    return {
      insertSection:
        (kind, options = {}) =>
        ({ state, tr, dispatch }) => {
          const { schema } = state;
          const sections = topSections(state.doc);
          const current = currentSectionIndex(state);
          let insertAt = state.doc.content.size;
          if (current !== null) {
            const here = sections[current];
            let after: number;
            if (kind === 'GOAL' && (here.kind === 'FOCUS_AREA' || here.focusAreaId !== null)) after = current;
            else {
              // Anything but a goal goes after the whole focus area, so its goals stay with it.
              const area = here.focusAreaId !== null ? sections.findIndex((s) => s.blockId === here.focusAreaId && s.index < current) : current;
              after = unitEnd(sections, area === -1 ? current : area) - 1;
            }
            insertAt = sections[after].pos + sections[after].node.nodeSize;
          }
          const title = options.title ?? NEW_SECTION_TITLES[kind];
          const id = this.options.generateId;
          const section = schema.nodes.section.create({ kind, [BLOCK_ID_ATTRIBUTE]: id() }, [
            schema.nodes.heading.create({ level: 1, [BLOCK_ID_ATTRIBUTE]: id() }, title ? schema.text(title) : null),
            schema.nodes.paragraph.create({ [BLOCK_ID_ATTRIBUTE]: id() }),
          ]);
          if (dispatch) {
            tr.insert(insertAt, section);
            // section → heading → text: the heading's text starts two positions in.
            tr.setSelection(TextSelection.create(tr.doc, insertAt + 2, insertAt + 2 + title.length)).scrollIntoView();
          }
          return true;
        },

      moveSection:
        (direction) =>
        ({ state, tr, dispatch }) => {
          const sections = topSections(state.doc);
          const current = currentSectionIndex(state);
          if (current === null) return false;
          const section = sections[current];
          // The block that moves: a focus area with its goals, else the one section.
          const end = section.kind === 'FOCUS_AREA' ? unitEnd(sections, current) : current + 1;
          let moving: [number, number];
          let other: [number, number];
          if (direction === 'up') {
            if (current === 0) return false;
            // A goal moves past one section at a time (so it can change focus area); others past a whole unit.
            const start = section.kind === 'GOAL' ? current - 1 : unitStartBefore(sections, current);
            other = [start, current];
            moving = [current, end];
          } else {
            if (end >= sections.length) return false;
            const otherEnd = section.kind === 'GOAL' ? end + 1 : unitEnd(sections, end);
            other = [end, otherEnd];
            moving = [current, end];
          }
          if (dispatch) {
            const nodes = (range: [number, number]) => sections.slice(range[0], range[1]).map((s) => s.node);
            const first = Math.min(moving[0], other[0]);
            const last = Math.max(moving[1], other[1]) - 1;
            const from = sections[first].pos;
            const to = sections[last].pos + sections[last].node.nodeSize;
            const reordered = direction === 'up' ? [...nodes(moving), ...nodes(other)] : [...nodes(other), ...nodes(moving)];
            const offsetInSection = state.selection.from - section.pos;
            const newSectionPos = direction === 'up' ? from : from + nodes(other).reduce((size, n) => size + n.nodeSize, 0);
            tr.replaceWith(from, to, Fragment.from(reordered));
            const caret = Math.min(Math.max(newSectionPos + offsetInSection, newSectionPos + 2), newSectionPos + section.node.nodeSize - 2);
            tr.setSelection(TextSelection.near(tr.doc.resolve(caret))).scrollIntoView();
          }
          return true;
        },

      removeSection:
        () =>
        ({ state, tr, dispatch }) => {
          const sections = topSections(state.doc);
          const current = currentSectionIndex(state);
          if (current === null || sections.length < 2) return false;
          if (dispatch) {
            const { pos, node } = sections[current];
            tr.delete(pos, pos + node.nodeSize);
            // The caret goes to the heading of the section that took its place, else to the end of the one before.
            const next = current < sections.length - 1;
            tr.setSelection(next ? TextSelection.create(tr.doc, pos + 2) : TextSelection.near(tr.doc.resolve(pos), -1)).scrollIntoView();
          }
          return true;
        },

      setSectionKind:
        (kind) =>
        ({ state, tr, dispatch }) => {
          const current = currentSectionIndex(state);
          if (current === null) return false;
          if (dispatch) tr.setNodeAttribute(topSections(state.doc)[current].pos, 'kind', kind);
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    return {
      'Alt-Shift-ArrowUp': () => this.editor.commands.moveSection('up'),
      'Alt-Shift-ArrowDown': () => this.editor.commands.moveSection('down'),
    };
  },
});
