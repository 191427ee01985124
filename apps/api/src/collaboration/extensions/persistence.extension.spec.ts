import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { Server } from '@hocuspocus/server';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { AppConfig } from '../../config/app-config';
import { DraftStoreService } from '../../drafts/draft-store.service';
import { PersistenceExtension } from './persistence.extension';

const DOCUMENT = 'agreement:0b6f1c7e-3f4a-4d5b-9c8d-2a1e0f9b7c6d';

const waitFor = async (condition: () => boolean, what: string, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

/** The database side, in memory, with a switch that makes every write fail as a stopped PostgreSQL would. */
class FakeDraftStore {
  down = false;
  failedAppends = 0;
  failedStores = 0;
  /** Stores to fail before the database "comes back" for stores (independent of `down`). */
  failStores = 0;
  readonly log: Uint8Array[] = [];
  stored: Uint8Array;
  readonly events: string[] = [];

  constructor() {
    const seed = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Start.')]);
    seed.getXmlFragment('default').insert(0, [paragraph]);
    this.stored = Y.encodeStateAsUpdate(seed);
  }

  async loadDraft(): Promise<{ state: Uint8Array; logIds: string[] }> {
    return { state: Y.mergeUpdates([this.stored, ...this.log]), logIds: [] };
  }

  async appendUpdate(_agreementId: string, update: Uint8Array): Promise<string> {
    if (this.down) {
      this.failedAppends++;
      throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    }
    this.log.push(update);
    return String(this.log.length);
  }

  async store(_agreementId: string, doc: Y.Doc): Promise<'stored'> {
    if (this.down || this.failStores > 0) {
      this.failStores = Math.max(0, this.failStores - 1);
      this.failedStores++;
      this.events.push('store failed');
      throw new Error('could not extend file: No space left on device');
    }
    this.stored = Y.encodeStateAsUpdate(doc);
    this.events.push('stored');
    return 'stored';
  }

  /** The text of the draft as "the database" holds it: state plus log. */
  durableText(): string {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.mergeUpdates([this.stored, ...this.log]));
    return doc.getXmlFragment('default').toString();
  }
}

describe('PersistenceExtension under storage failures', () => {
  let store: FakeDraftStore;
  let extension: PersistenceExtension;
  let server: Server;
  let unhandled: unknown[];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  const providers: Array<{ destroy(): void }> = [];

  const connect = () =>
    new Promise<{ provider: HocuspocusProvider; doc: Y.Doc; stateless: string[] }>((resolve) => {
      const doc = new Y.Doc();
      const stateless: string[] = [];
      const websocketProvider = new HocuspocusProviderWebsocket({
        url: server.webSocketURL,
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      });
      const provider = new HocuspocusProvider({
        websocketProvider,
        name: DOCUMENT,
        document: doc,
        token: 'unused',
        onStateless: ({ payload }) => stateless.push(payload),
        onSynced: () => resolve({ provider, doc, stateless }),
      });
      provider.attach();
      providers.push({ destroy: () => (provider.destroy(), websocketProvider.destroy()) });
    });
  const typeInto = (doc: Y.Doc, words: string) => {
    const paragraph = doc.getXmlFragment('default').get(0) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    text.insert(text.length, words);
  };

  beforeEach(async () => {
    unhandled = [];
    process.on('unhandledRejection', onUnhandled);
    store = new FakeDraftStore();
    extension = new PersistenceExtension(store as unknown as DraftStoreService, new AppConfig());
    server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false, debounce: 50, maxDebounce: 500, extensions: [extension] });
    await server.listen();
  });

  afterEach(async () => {
    while (providers.length) providers.pop()?.destroy();
    await extension.stop();
    await server.destroy();
    process.off('unhandledRejection', onUnhandled);
  });

  it('acknowledges an update only once the log takes it, holding and retrying it meanwhile', async () => {
    const client = await connect();
    store.down = true;
    typeInto(client.doc, ' Skrevet mens databasen er nede.');
    // The log write failed and was retried, yet nothing was acknowledged.
    await waitFor(() => store.failedAppends >= 2, 'a retry of the failed log write');
    expect(client.provider.unsyncedChanges).toBeGreaterThan(0);
    expect(client.stateless).toContain('{"type":"aftalerum:saving","status":"failing"}');
    expect(store.durableText()).not.toContain('Skrevet mens');

    store.down = false;
    await waitFor(() => client.provider.unsyncedChanges === 0, 'the acknowledgement after recovery');
    expect(store.durableText()).toContain('Skrevet mens databasen er nede.');
    await waitFor(() => client.stateless.at(-1) === '{"type":"aftalerum:saving","status":"ok"}', 'the "saving works" message');
    expect(unhandled).toEqual([]);
  });

  it('retries a failing debounced store instead of rejecting, and keeps the document loaded until it is stored', async () => {
    const client = await connect();
    typeInto(client.doc, ' Gemmes til sidst.');
    await waitFor(() => client.provider.unsyncedChanges === 0, 'the acknowledgement');
    await waitFor(() => store.events.includes('stored'), 'the first debounced store');
    store.events.length = 0;
    store.failStores = 3;
    typeInto(client.doc, ' Og det her.');
    await waitFor(() => store.failedStores >= 1, 'a failed store');
    // The last editor leaves while storing fails: the document must not be dropped unsaved.
    providers.pop()?.destroy();
    await waitFor(() => store.events.includes('stored'), 'the store after the failures', 15_000);
    await waitFor(() => server.hocuspocus.documents.size === 0, 'the unload after the store');
    expect(store.events).toEqual(['store failed', 'store failed', 'store failed', 'stored']);
    const storedDoc = new Y.Doc();
    Y.applyUpdate(storedDoc, store.stored);
    expect(storedDoc.getXmlFragment('default').toString()).toContain('Gemmes til sidst. Og det her.');
    expect(unhandled).toEqual([]);
  });
});
