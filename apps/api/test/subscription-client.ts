import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { waitFor } from './collab-client';

export interface Subscription<T> {
  /** Every event, in the order it arrived. */
  events: T[];
  /** Errors the server sent for the subscription (or the socket's close event). */
  failures: unknown[];
  dispose(): Promise<void>;
}

/** One GraphQL subscription over graphql-ws, collecting what arrives. */
export function subscribe<T = unknown>(baseUrl: string, query: string, variables: Record<string, unknown>, token: string): Subscription<T> {
  const client = createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  const events: T[] = [];
  const failures: unknown[] = [];
  client.subscribe({ query, variables }, { next: (value) => void events.push(value as unknown as T), error: (error) => void failures.push(error), complete: () => undefined });
  return { events, failures, dispose: async () => client.dispose() };
}

/**
 * graphql-ws does not say when a subscription is in place on the server, so this triggers
 * events until the first one comes through. Events triggered before that may be missed;
 * none after. Then it triggers a last one and waits for it, so that everything the earlier
 * triggers could deliver has arrived before it (one subscription delivers in order).
 * Resolves with the number of triggers; the caller checks that the events are exactly the
 * last ones triggered.
 */
export async function triggerUntilDelivered(subscription: Subscription<unknown>, trigger: (n: number) => Promise<void>, isLast: (event: unknown) => boolean, attempts = 20): Promise<number> {
  const arrived = () => subscription.events.length > 0 || subscription.failures.length > 0;
  let n = 0;
  while (!arrived()) {
    if (n >= attempts) throw new Error(`Nothing came through the subscription after ${n} events`);
    await trigger(n++);
    // Not an assertion: only how long this event is given before another is triggered.
    const retryAt = Date.now() + Math.min(2_000, 200 * n);
    await waitFor(() => arrived() || Date.now() > retryAt, 30_000, 'the first event');
  }
  if (subscription.failures.length) throw new Error(`The subscription failed: ${JSON.stringify(subscription.failures)}`);
  await trigger(n++);
  await waitFor(() => subscription.failures.length > 0 || subscription.events.some(isLast), 30_000, 'the last event');
  return n;
}

/** The code and message a subscription was ended with (its first error), or null. */
export function failureOf(subscription: Subscription<unknown>): { code: string | undefined; message: string } | null {
  const failure = subscription.failures[0];
  if (failure === undefined) return null;
  if (Array.isArray(failure)) {
    const first = failure[0] as { message?: string; extensions?: { code?: string } } | undefined;
    return { code: first?.extensions?.code, message: String(first?.message) };
  }
  const closed = failure as { code?: number; reason?: string };
  return { code: `CLOSED ${closed.code}`, message: String(closed.reason ?? '') };
}
