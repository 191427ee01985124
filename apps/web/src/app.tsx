import { Navigate, Route, Routes } from 'react-router-dom';
import { AppShell } from './components/app-shell';
import { AgreementsPage } from './features/agreements/components/agreements-page';
import { LoginPage } from './features/auth/components/login-page';
import { EditorPage } from './features/editor/components/editor-page';
import { useAuth } from './features/auth/hooks/use-auth';
import { InputRoundPage } from './features/input-rounds/components/input-round-page';
import { InputRoundsPage } from './features/input-rounds/components/input-rounds-page';
import { WordPage } from './features/word-import/components/word-page';

export function App() {
  const { user, loading, token } = useAuth();
  if (token && loading) return <p aria-live="polite">Indlæser…</p>;
  if (!user) return <LoginPage />;
  return (
    <AppShell>
      <Routes>
        <Route path="/" element={<AgreementsPage />} />
        <Route path="/aftaler/:id" element={<EditorPage />} />
        <Route path="/aftaler/:agreementId/input" element={<InputRoundsPage />} />
        <Route path="/input" element={<InputRoundsPage />} />
        <Route path="/input/:roundId" element={<InputRoundPage />} />
        <Route path="/word" element={<WordPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </AppShell>
  );
}
