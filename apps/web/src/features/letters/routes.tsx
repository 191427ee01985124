import { lazy, Suspense } from 'react';

// The letter and traceability screens are one chunk, loaded when one is opened.
const pages = () => import('./components/pages');
const LetterPage = lazy(() => pages().then((m) => ({ default: m.LetterPage })));
const ChangeTracePage = lazy(() => pages().then((m) => ({ default: m.ChangeTracePage })));

const loading = (
  <p className="muted" aria-live="polite">
    Indlæser…
  </p>
);

/** `/hoeringer/:hearingId/brev`: a response that came as a letter, split into points with suggested anchors. */
export const LetterRoute = () => (
  <Suspense fallback={loading}>
    <LetterPage />
  </Suspense>
);

/** `/hoeringer/:hearingId/spor/:organisationId`: "what we said — what changed" for one organisation. */
export const ChangeTraceRoute = () => (
  <Suspense fallback={loading}>
    <ChangeTracePage />
  </Suspense>
);
