import { useApolloClient, useQuery } from '@apollo/client';
import { createContext, ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { CurrentUser, ME } from '../graphql/auth';
import { readToken, writeToken } from './token-storage';

interface AuthState {
  user: CurrentUser | null;
  token: string | null;
  loading: boolean;
  signIn(token: string): Promise<void>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const [token, setToken] = useState<string | null>(() => readToken());
  const { data, loading } = useQuery(ME, { skip: !token, fetchPolicy: 'network-only' });

  const signIn = useCallback(
    async (next: string) => {
      writeToken(next);
      setToken(next);
      await client.resetStore();
    },
    [client],
  );
  const signOut = useCallback(async () => {
    writeToken(null);
    setToken(null);
    await client.clearStore();
  }, [client]);

  const value = useMemo<AuthState>(
    () => ({ user: token ? (data?.me ?? null) : null, token, loading: Boolean(token) && loading, signIn, signOut }),
    [token, data, loading, signIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth must be used inside AuthProvider');
  return state;
}
