/** The error codes a client may see in `extensions.code`. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'DEADLINE_PASSED',
  'RATE_LIMITED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

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
