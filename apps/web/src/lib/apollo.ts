import { ApolloClient, HttpLink, InMemoryCache, from, split } from '@apollo/client';
import { setContext } from '@apollo/client/link/context';
import { onError } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import { csrfHeaders } from '../features/auth/lib/session';

/** Operations whose UNAUTHENTICATED answer is a wrong credential to show, not an expired session. */
const SIGN_IN_OPERATIONS: unknown[] = ['login', 'acceptHearingInvitation', 'confirmHearingInvitation', 'useSessionCookie'];

/**
 * Apollo client for /graphql: the session cookie goes along (same origin), with the session's
 * CSRF token in x-csrf-token; an ended session sends the person to the login screen.
 */
export function createApolloClient(onUnauthenticated: () => void): ApolloClient<unknown> {
  const csrf = setContext((_operation, { headers }) => ({ headers: { ...headers, ...csrfHeaders() } }));
  const errors = onError(({ graphQLErrors }) => {
    if (graphQLErrors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED' && !SIGN_IN_OPERATIONS.includes(e.path?.[0]))) onUnauthenticated();
  });
  // Subscriptions go over graphql-ws on /graphql (connected while one is active); the upgrade
  // carries the session cookie, and the server checks its Origin.
  const live = new GraphQLWsLink(
    createClient({
      url: () => `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`,
    }),
  );
  const isSubscription = ({ query }: { query: Parameters<typeof getMainDefinition>[0] }) => {
    const definition = getMainDefinition(query);
    return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
  };
  return new ApolloClient({
    link: from([errors, split(isSubscription, live, from([csrf, new HttpLink({ uri: '/graphql', credentials: 'same-origin' })]))]),
    cache: new InMemoryCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}

/** The message to show a person for a failed operation. */
export function errorMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'graphQLErrors' in error) {
    const list = (error as { graphQLErrors: Array<{ message: string }> }).graphQLErrors;
    if (list.length > 0) return list.map((e) => e.message).join(' ');
  }
  if (error && typeof error === 'object' && 'networkError' in error && (error as { networkError: unknown }).networkError) {
    return 'Kunne ikke få forbindelse til serveren. Tjek din forbindelse, og prøv igen.';
  }
  return error instanceof Error ? error.message : 'Der opstod en fejl.';
}
