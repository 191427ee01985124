import { documentText, DRAFT_FRAGMENT, draftSchema, JSONContent } from '@aftalerum/editor';
import { prosemirrorJSONToYDoc, updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { Node } from '@tiptap/pm/model';
import { createHash } from 'node:crypto';
import * as Y from 'yjs';

/** Key order fixed, so equal content always has equal text and hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface DerivedDraft {
  content: JSONContent;
  text: string;
  contentHash: string;
}

/** The ProseMirror JSON, plain text and content hash of a Yjs draft document. */
export function deriveDraft(doc: Y.Doc): DerivedDraft {
  const node = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DRAFT_FRAGMENT), draftSchema());
  const content = node.toJSON() as JSONContent;
  return { content, text: documentText(content), contentHash: createHash('sha256').update(canonicalJson(content)).digest('hex') };
}

/** A new Yjs document holding the given draft JSON (used once, to seed a new draft). */
export function yDocFromJson(content: JSONContent): Y.Doc {
  // Validate against the schema first: a bad template must fail loudly, not be half-stored.
  Node.fromJSON(draftSchema(), content).check();
  return prosemirrorJSONToYDoc(draftSchema(), content, DRAFT_FRAGMENT);
}

/**
 * Makes the live document's draft equal to `content` as an ordinary Yjs edit, so connected
 * editors receive it like anyone's typing (used by restore).
 */
export function replaceDraftContent(doc: Y.Doc, content: JSONContent, origin: unknown): void {
  const node = Node.fromJSON(draftSchema(), content);
  node.check();
  doc.transact(() => {
    updateYFragment(doc, doc.getXmlFragment(DRAFT_FRAGMENT), node, { mapping: new Map(), isOMark: new Map() });
  }, origin);
}
