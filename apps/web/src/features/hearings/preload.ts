import type { ApolloClient } from '@apollo/client';
import { matchPath } from 'react-router';
import { PRELOAD_CONTEXT } from '../../lib/preloaded-answers';
import { HEARING_COMMENT_FACETS, HEARING_COMMENT_PAGE, HEARING_HEAD, HEARING_PROCESSING } from './graphql/hearings';
import { EMPTY_FILTER, PAGE_SIZE } from './lib/comment-page';

/** The hearing screens' chunk (shared with ./routes.tsx, so both ask for the same file). */
export const hearingPages = () => import('./components/pages');

/**
 * Opened at `/hoeringer/:hearingId` with a session: starts what the processing page needs at
 * once, beside the session check rather than after it: its chunk, and the queries it asks first.
 * They are the page's own documents and variables, so the page is given their answers (still
 * under way or just come) instead of asking again (lib/preloaded-answers.ts). A refusal (not the
 * secretariat, no such hearing) is ignored here; the page meets it and says why.
 */
export function preloadHearingRoute(client: ApolloClient, pathname: string): void {
  const match = matchPath('/hoeringer/:hearingId', pathname);
  const hearingId = match?.params.hearingId;
  if (!hearingId) return;
  void hearingPages().catch(() => undefined);
  const ignore = () => undefined;
  const context = PRELOAD_CONTEXT;
  client.query({ query: HEARING_HEAD, variables: { id: hearingId }, context }).catch(ignore);
  client.query({ query: HEARING_COMMENT_PAGE, variables: { id: hearingId, first: PAGE_SIZE, filter: EMPTY_FILTER }, context }).catch(ignore);
  client.query({ query: HEARING_COMMENT_FACETS, variables: { id: hearingId, filter: EMPTY_FILTER }, context }).catch(ignore);
  client.query({ query: HEARING_PROCESSING, variables: { id: hearingId }, context }).catch(ignore);
}
