/** The provider token of the signing secret (login, collaboration and CSRF tokens). */
export const JWT_SECRET = Symbol('JWT_SECRET');
