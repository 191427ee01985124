import { Extensions, getSchema, mergeAttributes, Node } from '@tiptap/core';
import Document from '@tiptap/extension-document';
import { TableKit } from '@tiptap/extension-table';
import UniqueID from '@tiptap/extension-unique-id';
import type { Schema } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { SectionCommands } from './section-commands';
import { isSectionKind, SectionKind } from './section-kind';
import { Deletion, Insertion } from './suggestions';

import { BLOCK_ID_ATTRIBUTE } from './block-id';

export { BLOCK_ID_ATTRIBUTE };

/** Node types that carry a block id: comments and input anchor to these. */
export const BLOCK_TYPES = ['section', 'heading', 'paragraph', 'listItem', 'tableCell', 'tableHeader'] as const;

/** The Yjs XML fragment that holds the draft. */
export const DRAFT_FRAGMENT = 'default';

/** A top-level part of the agreement: a heading and its blocks, of one kind. */
export const Section = Node.create({
  name: 'section',
  group: 'section',
  content: 'heading block*',
  defining: true,
  isolating: true,
  addAttributes() {
    return {
      kind: {
        default: 'OTHER' satisfies SectionKind,
        parseHTML: (element) => {
          const kind = element.getAttribute('data-kind');
          return isSectionKind(kind) ? kind : 'OTHER';
        },
        renderHTML: (attributes) => ({ 'data-kind': attributes.kind }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'section[data-kind]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['section', mergeAttributes({ class: 'draft-section' }, HTMLAttributes), 0];
  },
});

const DraftDocument = Document.extend({ content: 'section+' });

/**
 * The extensions of the agreement draft's schema. The web app adds collaboration on top;
 * the server uses exactly these to turn Yjs state into JSON and text.
 */
export function draftExtensions(): Extensions {
  return [
    DraftDocument,
    // Undo comes from Yjs (per user), never from ProseMirror's own history.
    StarterKit.configure({ document: false, undoRedo: false, link: { openOnClick: false, autolink: true } }),
    TableKit.configure({ table: { resizable: false } }),
    Section,
    UniqueID.configure({ types: [...BLOCK_TYPES], attributeName: BLOCK_ID_ATTRIBUTE }),
    SectionCommands,
    // Suggested changes (Foreslå ændringer): marks naming the suggestion and its author.
    Insertion,
    Deletion,
  ];
}

let cached: Schema | null = null;

/** The ProseMirror schema of the draft (built once). */
export function draftSchema(): Schema {
  cached ??= getSchema(draftExtensions());
  return cached;
}
