import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AppShell } from './components/app-shell';
import { NotFoundPage } from './components/not-found-page';
import { AgreementsPage } from './features/agreements/components/agreements-page';
import { LoginPage } from './features/auth/components/login-page';
import { useAuth } from './features/auth/hooks/use-auth';
import { InputRoundPage } from './features/input-rounds/components/input-round-page';
import { InputRoundsPage } from './features/input-rounds/components/input-rounds-page';
import { WordPage } from './features/word-import/components/word-page';
import { ApprovalsPage } from './features/timeline/components/approvals-page';
import { TimelinePage } from './features/timeline/components/timeline-page';
import { DashboardPage } from './features/dashboard/components/dashboard-page';
import { HearingProcessingRoute, HearingResponseRoute, HearingsRoute, usePublicHearingPage } from './features/hearings/routes';
import { ChangeTraceRoute, LetterRoute } from './features/letters/routes';

// The editor (Tiptap, Yjs, Hocuspocus) is loaded when a draft is opened, not with the login page.
const EditorPage = lazy(() => import('./features/editor/components/editor-page').then((m) => ({ default: m.EditorPage })));

export function App() {
  const { user, loading, signedIn } = useAuth();
  // The hearing invitation and the public hearing page need no login.
  const publicHearingPage = usePublicHearingPage();
  if (publicHearingPage) return publicHearingPage;
  if (signedIn && loading) return <p aria-live="polite">Indlæser…</p>;
  if (!user) return <LoginPage />;
  return (
    <AppShell>
      <Routes>
        <Route path="/" element={<AgreementsPage />} />
        <Route
          path="/aftaler/:id"
          element={
            <Suspense fallback={<p aria-live="polite">Indlæser editoren…</p>}>
              <EditorPage />
            </Suspense>
          }
        />
        <Route path="/aftaler/:agreementId/input" element={<InputRoundsPage />} />
        <Route path="/aftaler/:agreementId/tidslinje" element={<TimelinePage />} />
        <Route path="/aftaler/:agreementId/godkendelser" element={<ApprovalsPage />} />
        <Route path="/aftaler/:agreementId/overblik" element={<DashboardPage />} />
        <Route path="/aftaler/:agreementId/hoeringer" element={<HearingsRoute />} />
        <Route path="/hoeringer" element={<HearingsRoute />} />
        <Route path="/hoeringer/:hearingId" element={<HearingProcessingRoute />} />
        <Route path="/hoeringer/:hearingId/svar" element={<HearingResponseRoute />} />
        <Route path="/hoeringer/:hearingId/brev" element={<LetterRoute />} />
        <Route path="/hoeringer/:hearingId/spor/:organisationId" element={<ChangeTraceRoute />} />
        <Route path="/input" element={<InputRoundsPage />} />
        <Route path="/input/:roundId" element={<InputRoundPage />} />
        <Route path="/word" element={<WordPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </AppShell>
  );
}
