import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app';
import { AuthProvider } from './features/auth/hooks/use-auth';
import { hasSession, SESSION_EXPIRED_EVENT } from './features/auth/lib/session';
import { preloadHearingRoute } from './features/hearings/preload';
import { createApolloClient } from './lib/apollo';
import './styles.css';

// An ended session (signed out elsewhere, expired, a changed role) shows the login screen with a notice.
const client = createApolloClient(() => window.dispatchEvent(new Event(SESSION_EXPIRED_EVENT)));

// A hearing opened by its address starts loading beside the session check, not after it.
if (hasSession()) preloadHearingRoute(client, window.location.pathname);

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <BrowserRouter>
        <AuthProvider>
          <App />
        </AuthProvider>
      </BrowserRouter>
    </ApolloProvider>
  </StrictMode>,
);
