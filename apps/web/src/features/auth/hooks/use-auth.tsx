import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { CurrentUser, LOGOUT, ME, USE_SESSION_COOKIE } from '../graphql/auth';
import { hasSession, SESSION_EXPIRED_EVENT, SESSION_EXPIRED_MESSAGE } from '../lib/session';

interface AuthState {
  user: CurrentUser | null;
  /** Whether this browser has a session (cookie) to ask about. */
  signedIn: boolean;
  loading: boolean;
  /** Why the person was sent to the login screen (an ended session), if so. */
  notice: string | null;
  /**
   * After `login` set the session cookie; with `token` (a new account's, from an invitation),
   * first moves that session into the cookie. The token is used once and never kept.
   */
  signIn(token?: string): Promise<void>;
  /** Ends the session on the server, then forgets everything cached. */
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const [signedIn, setSignedIn] = useState<boolean>(() => hasSession());
  const [notice, setNotice] = useState<string | null>(null);
  const { data, loading } = useQuery(ME, { skip: !signedIn, fetchPolicy: 'network-only' });
  const [logout] = useMutation(LOGOUT);

  useEffect(() => {
    const expired = () => {
      setSignedIn(false);
      setNotice(SESSION_EXPIRED_MESSAGE);
      void client.clearStore();
    };
    window.addEventListener(SESSION_EXPIRED_EVENT, expired);
    return () => window.removeEventListener(SESSION_EXPIRED_EVENT, expired);
  }, [client]);

  const signIn = useCallback(async (token?: string) => {
    if (token) await client.mutate({ mutation: USE_SESSION_COOKIE, context: { headers: { authorization: `Bearer ${token}` } } });
    setNotice(null);
    setSignedIn(true);
    await client.resetStore();
  }, [client]);
  const signOut = useCallback(async () => {
    // Signed out locally even if the server cannot be reached; the server ends the session.
    await logout().catch(() => undefined);
    setSignedIn(false);
    setNotice(null);
    await client.clearStore();
  }, [client, logout]);

  const value = useMemo<AuthState>(
    () => ({ user: signedIn ? (data?.me ?? null) : null, signedIn, loading: signedIn && loading && !data, notice, signIn, signOut }),
    [signedIn, data, loading, notice, signIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth must be used inside AuthProvider');
  return state;
}
