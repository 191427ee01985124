import { Navigate, Route, Routes } from 'react-router-dom';
import { AppShell } from './components/app-shell';
import { AgreementsPage } from './features/agreements/components/agreements-page';
import { LoginPage } from './features/auth/components/login-page';
import { useAuth } from './features/auth/hooks/use-auth';

export function App() {
  const { user, loading, token } = useAuth();
  if (token && loading) return <p aria-live="polite">Indlæser…</p>;
  if (!user) return <LoginPage />;
  return (
    <AppShell>
      <Routes>
        <Route path="/" element={<AgreementsPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </AppShell>
  );
}
