import { lazy, ReactNode, Suspense } from 'react';
import { matchPath, useLocation } from 'react-router';
import { hearingPages as pages } from './preload';

// The hearing screens are one chunk, loaded when a hearing screen is opened (or at start, see ./preload.ts).
const HearingsPage = lazy(() => pages().then((m) => ({ default: m.HearingsPage })));
const HearingResponsePage = lazy(() => pages().then((m) => ({ default: m.HearingResponsePage })));
const HearingProcessingPage = lazy(() => pages().then((m) => ({ default: m.HearingProcessingPage })));
const InvitationPage = lazy(() => pages().then((m) => ({ default: m.InvitationPage })));
const PublicHearingPage = lazy(() => pages().then((m) => ({ default: m.PublicHearingPage })));

function Loading({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <p className="muted" aria-live="polite">
          Indlæser høringen…
        </p>
      }
    >
      {children}
    </Suspense>
  );
}

/** `/hoeringer` and `/aftaler/:agreementId/hoeringer`: the hearings, and the secretariat's form to open one. */
export const HearingsRoute = () => (
  <Loading>
    <HearingsPage />
  </Loading>
);

/** `/hoeringer/:hearingId/svar`: the invited organisation's response form. */
export const HearingResponseRoute = () => (
  <Loading>
    <HearingResponsePage />
  </Loading>
);

/** `/hoeringer/:hearingId`: the secretariat's processing of the responses. */
export const HearingProcessingRoute = () => (
  <Loading>
    <HearingProcessingPage />
  </Loading>
);

/**
 * The hearing pages that need no login: the invitation landing and the public page. Returns
 * the page for the current address, or null elsewhere (put it before the login gate).
 */
export function usePublicHearingPage(): ReactNode | null {
  const { pathname } = useLocation();
  const invitation = matchPath('/hoering/invitation/:token', pathname);
  if (invitation?.params.token) {
    return (
      <Loading>
        <InvitationPage token={invitation.params.token} />
      </Loading>
    );
  }
  const hearing = matchPath('/offentlig/hoering/:hearingId', pathname);
  if (hearing?.params.hearingId) {
    return (
      <Loading>
        <PublicHearingPage hearingId={hearing.params.hearingId} />
      </Loading>
    );
  }
  return null;
}
