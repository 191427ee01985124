import { canonicalJson, deriveDraft } from '../drafts/draft-codec';
import { JSONContent, pendingSuggestions, withoutSuggestionsOf } from '@aftalerum/editor';
import * as Y from 'yjs';
import type { AuthUser } from '../users/auth-user';

/** Why a suggesting socket's update was refused (logged; the editor is told in words of its own). */
export type SuggestionRefusal = 'not-only-suggestions' | 'foreign-author' | 'depends-on-refused' | 'invalid';

/** The draft as seen without one author's suggestions, cached per document state (the same state is compared for every keystroke). */
const cache = new WeakMap<Y.Doc, { vector: string; authorId: string; view: string }>();

function viewWithout(doc: Y.Doc, content: JSONContent | null, authorId: string): string {
  return canonicalJson(withoutSuggestionsOf(content ?? deriveDraft(doc).content, authorId));
}

function currentView(doc: Y.Doc, authorId: string): string {
  const vector = Buffer.from(Y.encodeStateVector(doc)).toString('base64');
  const cached = cache.get(doc);
  if (cached && cached.vector === vector && cached.authorId === authorId) return cached.view;
  const view = viewWithout(doc, null, authorId);
  cache.set(doc, { vector, authorId, view });
  return view;
}

/**
 * Whether `update` from a user who may only suggest changes nothing but their own suggestions:
 * it is applied to a copy of the live document, and the draft with the user's suggestions
 * rejected must read exactly as before. So their own insertions and deletions may come, change
 * and go; any plain edit, structural edit (a new paragraph, a section), accepting their own
 * suggestion (its text would stay) or touching another author's suggestion changes that view
 * and is refused. A new mark must name the user with their own name. Returns null when the
 * update may be applied, else why not.
 */
export function refuseSuggestionUpdate(live: Y.Doc, update: Uint8Array, user: AuthUser): SuggestionRefusal | null {
  const copy = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
    const pendingBefore = copy.store.pendingStructs !== null || copy.store.pendingDs !== null;
    Y.applyUpdate(copy, update);
    // An update built on a change the server refused cannot be integrated: refused as well, so
    // the editor starts again from the server's draft.
    if (!pendingBefore && (copy.store.pendingStructs !== null || copy.store.pendingDs !== null)) return 'depends-on-refused';
    let after: JSONContent;
    try {
      after = deriveDraft(copy).content;
    } catch {
      return 'invalid';
    }
    const afterView = viewWithout(copy, after, user.id);
    if (afterView !== currentView(live, user.id)) return 'not-only-suggestions';
    // Their own marks must carry their own name (the id is theirs, or the comparison above differed).
    if (pendingSuggestions(after).some((s) => s.authorId === user.id && s.authorName !== user.name)) return 'foreign-author';
    // The live document is about to be this copy: its view is known for the next keystroke (keyed
    // by the state vector, so it is used only if nothing else arrived in between).
    cache.set(live, { vector: Buffer.from(Y.encodeStateVector(copy)).toString('base64'), authorId: user.id, view: afterView });
    return null;
  } finally {
    copy.destroy();
  }
}
