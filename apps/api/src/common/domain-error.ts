/** The error codes a client may see in `extensions.code`. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'DEADLINE_PASSED',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The HTTP status for each code: over REST always, in GraphQL for a request refused before it runs. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DEADLINE_PASSED: 409,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

/** What a person reads when the server itself failed; the log keeps the real error. */
export const INTERNAL_ERROR_MESSAGE = 'Der opstod en fejl på serveren. Prøv igen om lidt; fortsætter det, så kontakt sekretariatet.';

/**
 * A refusal the platform means to give: the message is for the person using the product
 * (Danish), `details` is for the log.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const unauthenticated = (message = 'Du skal logge ind for at fortsætte.') =>
  new DomainError('UNAUTHENTICATED', message);
export const forbidden = (message = 'Du har ikke adgang til at gøre dette.') => new DomainError('FORBIDDEN', message);
export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} findes ikke.`);
export const badInput = (message: string, details?: Record<string, unknown>) =>
  new DomainError('BAD_USER_INPUT', message, details);
export const conflict = (message: string) => new DomainError('CONFLICT', message);
