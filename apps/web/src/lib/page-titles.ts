import { matchPath } from 'react-router';

export const APP_NAME = 'Aftalerum';

/**
 * The title of each route, so a tab, the history and a screen reader name the page the person is
 * on. A page that knows more (the hearing's title) may set a more precise one once it has loaded.
 * Order matters: the first pattern that matches wins.
 */
const ROUTE_TITLES: ReadonlyArray<readonly [pattern: string, title: string]> = [
  ['/', 'Aftaler'],
  ['/aftaler/:id', 'Udkast'],
  ['/aftaler/:agreementId/input', 'Inputrunder'],
  ['/aftaler/:agreementId/tidslinje', 'Tidslinje'],
  ['/aftaler/:agreementId/godkendelser', 'Godkendelser'],
  ['/aftaler/:agreementId/overblik', 'Overblik'],
  ['/aftaler/:agreementId/hoeringer', 'Høringer'],
  ['/hoeringer', 'Høringer'],
  ['/hoeringer/:hearingId', 'Høring'],
  ['/hoeringer/:hearingId/svar', 'Høringssvar'],
  ['/hoeringer/:hearingId/brev', 'Høringssvar som brev'],
  ['/hoeringer/:hearingId/spor/:organisationId', 'Hvad vi sagde – hvad der blev ændret'],
  ['/input', 'Inputrunder'],
  ['/input/:roundId', 'Inputrunde'],
  ['/word', 'Word'],
];

export const NOT_FOUND_TITLE = 'Siden findes ikke';

/** The route's own title, or null for an address no route has. */
export function routeTitle(pathname: string): string | null {
  return ROUTE_TITLES.find(([pattern]) => matchPath(pattern, pathname))?.[1] ?? null;
}

/** "Tidslinje – Aftalerum". */
export const documentTitle = (title: string): string => `${title} – ${APP_NAME}`;

/** The document title for a signed-in address (an unknown one is the "not found" page). */
export const titleForPath = (pathname: string): string => documentTitle(routeTitle(pathname) ?? NOT_FOUND_TITLE);
