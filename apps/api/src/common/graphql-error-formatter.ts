import { Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { currentRequestId } from './request-context';
import { DomainError, ErrorCode } from './domain-error';

const logger = new Logger('GraphQL');

/** Codes Apollo itself assigns to requests it refuses before any resolver runs. */
const REQUEST_CODES: Record<string, ErrorCode> = {
  GRAPHQL_PARSE_FAILED: 'BAD_USER_INPUT',
  GRAPHQL_VALIDATION_FAILED: 'BAD_USER_INPUT',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_FOUND: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_SUPPORTED: 'BAD_USER_INPUT',
  OPERATION_RESOLUTION_FAILURE: 'BAD_USER_INPUT',
  BAD_REQUEST: 'BAD_USER_INPUT',
};

interface HttpLikeError {
  getStatus(): number;
  getResponse(): unknown;
}

const isHttpLike = (value: unknown): value is HttpLikeError =>
  typeof value === 'object' && value !== null && 'getStatus' in value && 'getResponse' in value;

function httpMessages(error: HttpLikeError): string {
  const response = error.getResponse();
  if (typeof response === 'object' && response !== null && 'message' in response) {
    const message = (response as { message: unknown }).message;
    if (Array.isArray(message)) return message.join('; ');
    if (typeof message === 'string') return message;
  }
  return typeof response === 'string' ? response : 'Ugyldigt input.';
}

function codeForStatus(status: number): ErrorCode | undefined {
  switch (status) {
    case 400:
    case 413:
    case 422:
      return 'BAD_USER_INPUT';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 429:
      return 'RATE_LIMITED';
    default:
      return undefined;
  }
}

/**
 * Maps every error that leaves GraphQL to a contract code and a message a person can act on.
 * Anything unexpected is logged with an id and answered without internals.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  // Apollo and graphql-js may wrap a thrown error more than once (e.g. a scalar's parseValue
  // refusing a variable): look through the whole chain.
  let original: unknown = error;
  while (original instanceof GraphQLError && original.originalError) original = original.originalError;
  const path = formatted.path;

  if (original instanceof DomainError) {
    return { message: original.message, locations: formatted.locations, path, extensions: { code: original.code } };
  }
  if (isHttpLike(original)) {
    const code = codeForStatus(original.getStatus());
    if (code) return { message: httpMessages(original), path, extensions: { code } };
  }
  const apolloCode = formatted.extensions?.code;
  if (typeof apolloCode === 'string' && REQUEST_CODES[apolloCode]) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      path,
      extensions: { code: REQUEST_CODES[apolloCode] },
    };
  }
  if (original instanceof GraphQLError && !original.originalError && !path) {
    // Validation of the query document against the schema.
    return { message: formatted.message, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT' } };
  }

  const errorId = currentRequestId() ?? randomUUID();
  logger.error(
    `Unexpected error ${errorId} at ${path?.join('.') ?? '(request)'}: ${
      original instanceof Error ? (original.stack ?? original.message) : String(original)
    }`,
  );
  return {
    message: `Der opstod en uventet fejl. Prøv igen; fortsætter fejlen, så oplys fejl-id ${errorId} til support.`,
    path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
  };
}
