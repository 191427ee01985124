import type { ApolloClient } from '@apollo/client';
import { matchPath } from 'react-router';
import { HEARING_COMMENT_FACETS, HEARING_COMMENT_PAGE, HEARING_HEAD, HEARING_PROCESSING } from './graphql/hearings';
import { EMPTY_FILTER, PAGE_SIZE } from './lib/comment-page';

/** The hearing screens' chunk (shared with ./routes.tsx, so both ask for the same file). */
export const hearingPages = () => import('./components/pages');

/**
 * Opened at `/hoeringer/:hearingId` with a session: starts what the processing page needs at
 * once, beside the session check rather than after it: its chunk, and the queries it asks first
 * (the same documents and variables, so the page finds them in flight or in the cache). A refused
 * query (not the secretariat, no such hearing) is dropped here; the page asks again and says why.
 */
export function preloadHearingRoute(client: ApolloClient, pathname: string): void {
  const match = matchPath('/hoeringer/:hearingId', pathname);
  const hearingId = match?.params.hearingId;
  if (!hearingId) return;
  void hearingPages().catch(() => undefined);
  const ignore = () => undefined;
  client.query({ query: HEARING_HEAD, variables: { id: hearingId } }).catch(ignore);
  client.query({ query: HEARING_COMMENT_PAGE, variables: { id: hearingId, first: PAGE_SIZE, filter: EMPTY_FILTER } }).catch(ignore);
  client.query({ query: HEARING_COMMENT_FACETS, variables: { id: hearingId, filter: EMPTY_FILTER } }).catch(ignore);
  client.query({ query: HEARING_PROCESSING, variables: { id: hearingId } }).catch(ignore);
}
