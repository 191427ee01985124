import { ApolloClient, HttpLink, InMemoryCache, from } from '@apollo/client';
import { setContext } from '@apollo/client/link/context';
import { onError } from '@apollo/client/link/error';
import { readToken } from '../features/auth/hooks/token-storage';

/** Apollo client for /graphql that sends the login token and signs out on an expired one. */
export function createApolloClient(onUnauthenticated: () => void): ApolloClient<unknown> {
  const auth = setContext((_operation, { headers }) => {
    const token = readToken();
    return { headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } };
  });
  const errors = onError(({ graphQLErrors }) => {
    if (graphQLErrors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED' && e.path?.[0] !== 'login')) onUnauthenticated();
  });
  return new ApolloClient({
    link: from([errors, auth, new HttpLink({ uri: '/graphql' })]),
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
