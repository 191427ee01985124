import type { ApolloServerPlugin } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import { ValidationRule } from 'graphql';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { badInput } from './domain-error';
import { tooComplexMessage } from './graphql-messages';

/** The deepest nesting a query may have (the screens need 7). */
export const MAX_QUERY_DEPTH = 10;
/** The most fields one operation may ask for. */
export const MAX_QUERY_COMPLEXITY = 2_000;

export const depthLimitRule: ValidationRule = depthLimit(MAX_QUERY_DEPTH, {}, () => undefined) as ValidationRule;

/**
 * Refuses operations that ask for more than MAX_QUERY_COMPLEXITY fields before any resolver
 * runs, so one request cannot make the server do unbounded work.
 */
export const complexityLimitPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document, schema }) {
        const complexity = getComplexity({
          schema,
          query: document,
          operationName: request.operationName ?? undefined,
          variables: request.variables ?? {},
          estimators: [simpleEstimator({ defaultComplexity: 1 })],
        });
        if (complexity > MAX_QUERY_COMPLEXITY) {
          throw badInput(tooComplexMessage(complexity, MAX_QUERY_COMPLEXITY));
        }
      },
    };
  },
};
