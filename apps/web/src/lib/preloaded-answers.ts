import { ApolloLink } from '@apollo/client';
import { Observable, ReplaySubject } from 'rxjs';

/** How long an answer asked for ahead of a screen waits for the screen to ask the same. */
const KEEP_MS = 10_000;

const keyOf = (operation: ApolloLink.Operation) => `${operation.operationName ?? ''} ${JSON.stringify(operation.variables ?? {})}`;

interface Kept {
  answer: ReplaySubject<ApolloLink.Result>;
  /** When the server answered (0: not yet). */
  at: number;
}

/** The context that marks a query as asked for ahead of its screen (see preloadedAnswersLink). */
export const PRELOAD_CONTEXT = { preload: true, queryDeduplication: false } as const;

/**
 * A screen's first queries may be sent ahead of it (with PRELOAD_CONTEXT: beside the session
 * check, before the screen's code has arrived). The first identical operation that follows is
 * given that request's answer, whether it is still under way or came within the last few
 * seconds, instead of asking the server again; any later one (a refetch) asks the server. The
 * preload is kept out of Apollo's own deduplication, so it is this link that decides, once.
 */
export function preloadedAnswersLink(): ApolloLink {
  const kept = new Map<string, Kept>();
  return new ApolloLink((operation, forward) => {
    const key = keyOf(operation);
    if ((operation.getContext() as { preload?: boolean }).preload) {
      const now = Date.now();
      for (const [k, entry] of kept) if (entry.at && now - entry.at > KEEP_MS) kept.delete(k);
      const entry: Kept = { answer: new ReplaySubject<ApolloLink.Result>(1), at: 0 };
      kept.set(key, entry);
      forward(operation).subscribe({
        next: (result) => {
          entry.at = Date.now();
          entry.answer.next(result);
        },
        error: (error: unknown) => {
          if (kept.get(key) === entry) kept.delete(key);
          entry.answer.error(error);
        },
        complete: () => entry.answer.complete(),
      });
      return entry.answer.asObservable();
    }
    const entry = kept.get(key);
    if (entry) {
      kept.delete(key);
      if (!entry.at || Date.now() - entry.at < KEEP_MS) return entry.answer.asObservable() as Observable<ApolloLink.Result>;
    }
    return forward(operation);
  });
}
