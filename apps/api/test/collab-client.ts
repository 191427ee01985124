import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

export interface CollabClient {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  /** Resolves when every local change has been acknowledged by the server. */
  settled(timeoutMs?: number): Promise<void>;
  destroy(): void;
}

export async function waitFor(condition: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
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
      onSynced: () => {
        resolve({
          provider,
          doc,
          settled: (timeoutMs = 10_000) => waitFor(() => provider.unsyncedChanges === 0, timeoutMs, 'acknowledgements'),
          destroy: () => {
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
