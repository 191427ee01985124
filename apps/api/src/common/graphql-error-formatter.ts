import type { ApolloServerPlugin } from '@apollo/server';
import { HttpException } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { databaseUnavailable } from './database-availability';
import { fromDatabaseError } from './database-errors';
import { DomainError, ERROR_CODES, ErrorCode, HTTP_STATUS } from './domain-error';
import { GENERIC_REQUEST_MESSAGE, translateGraphQLMessage } from './graphql-messages';
import { answerForHttpException, internalAnswer } from './http-errors';

/** Codes Apollo itself assigns to requests it refuses before any resolver runs. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** The message and, for developers, graphql-js's English words. */
function refusal(formatted: GraphQLFormattedError, message: string): GraphQLFormattedError {
  return {
    message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'BAD_USER_INPUT', detail: formatted.message },
  };
}

/**
 * Maps every error that leaves GraphQL to a contract code and a Danish message a person can
 * act on. Anything unexpected is logged with an id and answered without internals.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  // Apollo and graphql-js may wrap a thrown error more than once (e.g. a scalar's parseValue
  // refusing a variable): look through the whole chain.
  let original: unknown = error;
  while (original instanceof GraphQLError && original.originalError) original = original.originalError;
  const path = formatted.path;

  original = databaseUnavailable(original) ?? original;
  original = fromDatabaseError(original);

  if (original instanceof DomainError) {
    return { message: original.message, locations: formatted.locations, path, extensions: { code: original.code } };
  }
  if (original instanceof HttpException) {
    const answer = answerForHttpException(original);
    if (answer) return { message: answer.message, path, extensions: { code: answer.code } };
  }
  if (original instanceof GraphQLError) {
    // graphql-js, Apollo and the query limits refuse with a GraphQLError of their own (one
    // that wraps no thrown error). Before execution (no path) it is always the request's fault.
    const apolloCode = formatted.extensions?.code;
    const beforeExecution = !path || (typeof apolloCode === 'string' && REQUEST_CODES.has(apolloCode));
    const danish = translateGraphQLMessage(formatted.message, !beforeExecution);
    if (danish) return refusal(formatted, danish);
    if (beforeExecution) return refusal(formatted, GENERIC_REQUEST_MESSAGE);
  }

  const answer = internalAnswer(original, path?.join('.') ?? '(request)');
  return { message: answer.message, path, extensions: { code: answer.code, errorId: answer.errorId } };
}

const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);

/**
 * Apollo answers 500 for a refusal raised outside execution without an HTTP status of its own
 * (e.g. getComplexity in the complexity plugin rejecting a null for an ID! variable, before
 * graphql-js would have). When the formatter has judged every error a refusal (a contract
 * code), the status follows the code instead: 400 for bad input, 503 for an unavailable
 * database. Responses with `data` keep 200 (Nest's preserve-status plugin).
 */
export const refusalStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single' || 'data' in response.body.singleResult) return;
        const codes = (response.body.singleResult.errors ?? []).map((e) => e.extensions?.code);
        const status = response.http.status;
        if (codes.length === 0 || !codes.every(isErrorCode) || (status !== undefined && status < 500)) return;
        response.http.status = HTTP_STATUS[codes[0]];
      },
    };
  },
};
