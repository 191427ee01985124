import { draftSchema, JSONContent } from '@aftalerum/editor';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { Node } from '@tiptap/pm/model';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';

// Hocuspocus's sync-status message: the server's answer to each update (1 applied, 0 refused).
const MESSAGE_SYNC_STATUS = 8;

export interface CollabClient {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  /** Resolves when every local change has been acknowledged by the server. */
  settled(timeoutMs?: number): Promise<void>;
  /** How many updates the server acknowledged as applied, and refused (read-only), so far. */
  syncStatuses: { applied: number; refused: number };
  /** Every stateless message the server sent, in order. */
  stateless: string[];
  /** Every close of the WebSocket, with the server's code and reason, in order. */
  closes: Array<{ code: number; reason: string }>;
  destroy(): void;
}

export async function waitFor(condition: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Like waitFor, for a condition that needs a query (the database, /health). */
export async function waitForAsync(condition: () => Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  if (!(await pollUntil(condition, (met) => met, timeoutMs))) throw new Error(`Timed out waiting for ${what}`);
}

/**
 * Reads until `done` holds for what was read, or the time is up; returns the last reading either
 * way, so the test's own assertion on it says what was seen instead of a bare time-out.
 */
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A real Hocuspocus provider over a real WebSocket to the server's /collab. Resolves once
 * synced, or rejects with the server's reason when authentication fails.
 */
export function connectCollab(baseUrl: string, documentName: string, token: string): Promise<CollabClient> {
  const doc = new Y.Doc();
  const websocketProvider = new HocuspocusProviderWebsocket({
    url: `${baseUrl.replace(/^http/, 'ws')}/collab`,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    maxAttempts: 1,
  });
  const syncStatuses = { applied: 0, refused: 0 };
  const stateless: string[] = [];
  const closes: Array<{ code: number; reason: string }> = [];
  websocketProvider.on('close', ({ event }: { event: { code: number; reason: unknown } }) => {
    closes.push({ code: event.code, reason: String(event.reason ?? '') });
  });
  return new Promise((resolve, reject) => {
    const provider = new HocuspocusProvider({
      websocketProvider,
      name: documentName,
      token,
      document: doc,
      onAuthenticationFailed: ({ reason }) => {
        provider.destroy();
        websocketProvider.destroy();
        reject(new Error(`authentication failed: ${reason}`));
      },
      onStateless: ({ payload }) => stateless.push(payload),
      onMessage: ({ event }) => {
        const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
        decoding.readVarString(decoder);
        if (decoding.readVarUint(decoder) !== MESSAGE_SYNC_STATUS) return;
        if (decoding.readVarUint(decoder) === 1) syncStatuses.applied++;
        else syncStatuses.refused++;
      },
      onSynced: () => {
        resolve({
          provider,
          doc,
          syncStatuses,
          stateless,
          closes,
          settled: (timeoutMs = 10_000) => waitFor(() => provider.unsyncedChanges === 0, timeoutMs, 'acknowledgements'),
          destroy: () => {
            // A close by the server schedules a reconnect that destroy() does not cancel: once
            // the server is gone it would fail with nobody to catch it.
            websocketProvider.connect = () => Promise.resolve();
            provider.destroy();
            websocketProvider.destroy();
          },
        });
      },
    });
    provider.attach();
  });
}

/** The Y.XmlText of the n-th paragraph (document order) of the draft, to type into. */
export function paragraphText(doc: Y.Doc, n: number): Y.XmlText {
  const paragraphs: Y.XmlElement[] = [];
  const visit = (node: Y.XmlElement | Y.XmlFragment) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlElement) {
        if (child.nodeName === 'paragraph') paragraphs.push(child);
        else visit(child);
      }
    }
  };
  visit(doc.getXmlFragment('default'));
  const paragraph = paragraphs[n];
  if (!paragraph) throw new Error(`no paragraph ${n}`);
  let text = paragraph.toArray().find((child): child is Y.XmlText => child instanceof Y.XmlText);
  if (!text) {
    text = new Y.XmlText();
    paragraph.insert(0, [text]);
  }
  return text;
}

export const draftPlainText = (doc: Y.Doc): string => doc.getXmlFragment('default').toString();

/** The client's draft as ProseMirror JSON (what its editor shows). */
export function draftJson(doc: Y.Doc): JSONContent {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment('default'), draftSchema()).toJSON() as JSONContent;
}

/**
 * Edits the client's draft as its editor does: the new ProseMirror document is written into the
 * Yjs fragment by y-tiptap's updateYFragment, the function Tiptap's collaboration binding runs
 * for every transaction, so the server receives the very updates a browser would send.
 */
export function editDraftJson(doc: Y.Doc, change: (content: JSONContent) => JSONContent): void {
  const fragment = doc.getXmlFragment('default');
  const node = Node.fromJSON(draftSchema(), change(draftJson(doc)));
  node.check();
  doc.transact(() => updateYFragment(doc, fragment, node, { mapping: new Map(), isOMark: new Map() }));
}
