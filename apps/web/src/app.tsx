import { lazy, ReactNode, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AppShell } from './components/app-shell';
import { NotFoundPage } from './components/not-found-page';
import { AgreementsPage } from './features/agreements/components/agreements-page';
import { LoginPage } from './features/auth/components/login-page';
import { useAuth } from './features/auth/hooks/use-auth';
import { HearingProcessingRoute, HearingResponseRoute, HearingsRoute, usePublicHearingPage } from './features/hearings/routes';
import { ChangeTraceRoute, LetterRoute } from './features/letters/routes';

// Each feature's screens are a chunk of their own, loaded when one is opened: the editor (Tiptap,
// Yjs, Hocuspocus) when a draft is, and none of them with the login page or a hearing.
const EditorPage = lazy(() => import('./features/editor/components/editor-page').then((m) => ({ default: m.EditorPage })));
const InputRoundsPage = lazy(() => import('./features/input-rounds/components/input-rounds-page').then((m) => ({ default: m.InputRoundsPage })));
const InputRoundPage = lazy(() => import('./features/input-rounds/components/input-round-page').then((m) => ({ default: m.InputRoundPage })));
const TimelinePage = lazy(() => import('./features/timeline/components/timeline-page').then((m) => ({ default: m.TimelinePage })));
const ApprovalsPage = lazy(() => import('./features/timeline/components/approvals-page').then((m) => ({ default: m.ApprovalsPage })));
const DashboardPage = lazy(() => import('./features/dashboard/components/dashboard-page').then((m) => ({ default: m.DashboardPage })));
const WordPage = lazy(() => import('./features/word-import/components/word-page').then((m) => ({ default: m.WordPage })));

const loaded = (page: ReactNode) => <Suspense fallback={<p aria-live="polite">Indlæser…</p>}>{page}</Suspense>;

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
        <Route path="/aftaler/:agreementId/input" element={loaded(<InputRoundsPage />)} />
        <Route path="/aftaler/:agreementId/tidslinje" element={loaded(<TimelinePage />)} />
        <Route path="/aftaler/:agreementId/godkendelser" element={loaded(<ApprovalsPage />)} />
        <Route path="/aftaler/:agreementId/overblik" element={loaded(<DashboardPage />)} />
        <Route path="/aftaler/:agreementId/hoeringer" element={<HearingsRoute />} />
        <Route path="/hoeringer" element={<HearingsRoute />} />
        <Route path="/hoeringer/:hearingId" element={<HearingProcessingRoute />} />
        <Route path="/hoeringer/:hearingId/svar" element={<HearingResponseRoute />} />
        <Route path="/hoeringer/:hearingId/brev" element={<LetterRoute />} />
        <Route path="/hoeringer/:hearingId/spor/:organisationId" element={<ChangeTraceRoute />} />
        <Route path="/input" element={loaded(<InputRoundsPage />)} />
        <Route path="/input/:roundId" element={loaded(<InputRoundPage />)} />
        <Route path="/word" element={loaded(<WordPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </AppShell>
  );
}
