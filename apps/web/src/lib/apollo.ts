import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache, ServerError, ServerParseError } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition, relayStylePagination } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import { csrfHeaders } from '../features/auth/lib/session';
import { preloadedAnswersLink } from './preloaded-answers';

/** Operations whose UNAUTHENTICATED answer is a wrong credential to show, not an expired session. */
const SIGN_IN_OPERATIONS: unknown[] = ['login', 'acceptHearingInvitation', 'confirmHearingInvitation', 'useSessionCookie'];

/**
 * Apollo client for /graphql: the session cookie goes along (same origin), with the session's
 * CSRF token in x-csrf-token; an ended session sends the person to the login screen.
 */
export function createApolloClient(onUnauthenticated: () => void): ApolloClient {
  const csrf = new SetContextLink(({ headers }) => ({ headers: { ...headers, ...csrfHeaders() } }));
  const errors = new ErrorLink(({ error }) => {
    if (!CombinedGraphQLErrors.is(error)) return;
    if (error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED' && !SIGN_IN_OPERATIONS.includes(e.path?.[0]))) onUnauthenticated();
  });
  // Subscriptions go over graphql-ws on /graphql (connected while one is active); the upgrade
  // carries the session cookie, and the server checks its Origin.
  const live = new GraphQLWsLink(
    createClient({
      url: () => `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`,
    }),
  );
  const isSubscription = ({ query }: ApolloLink.Operation) => {
    const definition = getMainDefinition(query);
    return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
  };
  return new ApolloClient({
    link: ApolloLink.from([errors, ApolloLink.split(isSubscription, live, ApolloLink.from([preloadedAnswersLink(), csrf, new HttpLink({ uri: '/graphql', credentials: 'same-origin' })]))]),
    cache: new InMemoryCache({
      typePolicies: {
        // The processing page's comments: the pages of one filter (and page size) are one list;
        // the counts-only query (first: 0) is kept apart from it.
        Hearing: { fields: { commentConnection: relayStylePagination(['filter', 'first']) } },
      },
    }),
    // A refetch keeps what is on screen (Apollo Client 3's behaviour): `loading` does not turn
    // true again, so a page never swaps its content, and a half-done form, for a spinner.
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: false } },
  });
}

/** The message to show a person for a failed operation. */
export function errorMessage(error: unknown): string {
  if (CombinedGraphQLErrors.is(error) && error.errors.length > 0) return error.errors.map((e) => e.message).join(' ');
  if (ServerError.is(error) || ServerParseError.is(error) || (error instanceof TypeError && /fetch/i.test(error.message))) {
    return 'Kunne ikke få forbindelse til serveren. Tjek din forbindelse, og prøv igen.';
  }
  return error instanceof Error ? error.message : 'Der opstod en fejl.';
}
