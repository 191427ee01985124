import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';
import { COLLABORATION_TOKEN } from '../graphql/auth';

/**
 * Asks for a fresh, short-lived collaboration token for one document (bound to the session);
 * '' when none can be had, which the collaboration server refuses like a wrong token.
 */
export function useCollaborationToken(): (documentName: string) => Promise<string> {
  const client = useApolloClient();
  return useCallback(
    async (documentName: string) => {
      const result = await client.mutate({ mutation: COLLABORATION_TOKEN, variables: { documentName }, fetchPolicy: 'no-cache' }).catch(() => null);
      return result?.data?.collaborationToken.token ?? '';
    },
    [client],
  );
}
