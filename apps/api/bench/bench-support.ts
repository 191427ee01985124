import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

export function summary(values: number[]): { p50: number; p95: number; p99: number; n: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), n: sorted.length };
}

export const ms = (value: number) => `${value.toFixed(2)} ms`;

export interface BenchClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  destroy(): void;
}

/** A provider over its own WebSocket; resolves once synced. */
export function connect(url: string, name: string, token: string): Promise<BenchClient> {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, maxAttempts: 1 });
  return new Promise((resolve, reject) => {
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name,
      token,
      document: doc,
      onAuthenticationFailed: ({ reason }) => reject(new Error(reason)),
      onSynced: () =>
        resolve({
          doc,
          provider,
          destroy: () => {
            provider.destroy();
            socket.destroy();
          },
        }),
    });
    provider.attach();
  });
}

/**
 * One writer types `rounds` single characters into the shared text; for each, the time
 * until each reader's document has it is recorded.
 */
export async function measurePropagation(writer: BenchClient, readers: BenchClient[], text: (doc: Y.Doc) => Y.XmlText, rounds: number): Promise<number[]> {
  const latencies: number[] = [];
  const target = text(writer.doc);
  for (let round = 0; round < rounds; round++) {
    const expected = target.length + 1;
    const started = performance.now();
    const arrivals = readers.map(
      (reader) =>
        new Promise<number>((resolve, reject) => {
          const readerText = text(reader.doc);
          const timer = setTimeout(() => reject(new Error('update did not arrive in 5 s')), 5_000);
          const check = () => {
            if (readerText.length >= expected) {
              clearTimeout(timer);
              reader.doc.off('update', check);
              resolve(performance.now() - started);
            }
          };
          reader.doc.on('update', check);
        }),
    );
    target.insert(target.length, String.fromCharCode(97 + (round % 26)));
    latencies.push(...(await Promise.all(arrivals)));
    // A typist's pace, so rounds do not overlap.
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return latencies;
}
