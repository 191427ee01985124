import type { ApolloServerPlugin } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import { BREAK, DocumentNode, GraphQLError, GraphQLSchema, ValidationRule, visit } from 'graphql';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { badInput } from './domain-error';
import { tooComplexMessage } from './graphql-messages';

/** The deepest nesting a query may have (the screens need 7). */
export const MAX_QUERY_DEPTH = 10;
/** The most fields one operation may ask for. */
export const MAX_QUERY_COMPLEXITY = 2_000;
/**
 * The most tokens (names, braces, punctuation) graphql-js parses in one document. The screens'
 * largest operation has a few hundred; 20,000 aliases have over 100,000, and parsing stops here
 * before validation would walk them all.
 */
export const MAX_QUERY_TOKENS = 10_000;
/** graphql-query-complexity stops counting here (its default), before it would reach the total. */
const MAX_COUNTED_NODES = 10_000;

export const depthLimitRule: ValidationRule = depthLimit(MAX_QUERY_DEPTH, {}, () => undefined) as ValidationRule;

/** The validation rules every operation meets besides graphql-js's own, over HTTP and over graphql-ws. */
export const QUERY_LIMIT_RULES: readonly ValidationRule[] = [depthLimitRule];

/**
 * Throws BAD_USER_INPUT when the operation asks for more than MAX_QUERY_COMPLEXITY fields.
 * getComplexity may itself throw for variables graphql-js would refuse (a null for an ID!).
 */
export function assertWithinComplexity(args: { schema: GraphQLSchema; document: DocumentNode; operationName?: string | null; variables?: Record<string, unknown> | null }): void {
  const cached = complexityCache.get(args.document)?.get(args.operationName ?? '');
  if (cached !== undefined) {
    if (cached > MAX_QUERY_COMPLEXITY) throw badInput(tooComplexMessage(cached, MAX_QUERY_COMPLEXITY));
    return;
  }
  let complexity: number;
  try {
    complexity = getComplexity({
      schema: args.schema,
      query: args.document,
      operationName: args.operationName ?? undefined,
      variables: args.variables ?? {},
      maxQueryNodes: MAX_COUNTED_NODES,
      estimators: [simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (error) {
    // Past MAX_COUNTED_NODES it gives up counting: the operation is far too large either way.
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
      throw badInput(tooComplexMessage(MAX_COUNTED_NODES, MAX_QUERY_COMPLEXITY).replace('(', '(over '));
    }
    throw error;
  }
  if (!dependsOnVariables(args.document)) {
    const byOperation = complexityCache.get(args.document) ?? new Map<string, number>();
    byOperation.set(args.operationName ?? '', complexity);
    complexityCache.set(args.document, byOperation);
  }
  if (complexity > MAX_QUERY_COMPLEXITY) {
    throw badInput(tooComplexMessage(complexity, MAX_QUERY_COMPLEXITY));
  }
}

/**
 * The complexity of a parsed document, by operation name. Apollo Server keeps one parsed
 * document per query text, so the same operation sent again (a burst of filings near a
 * deadline) is counted once. Every field counts 1 whatever its arguments, so only @include and
 * @skip, which may read variables, make the count depend on a request: such documents are
 * counted every time.
 */
const complexityCache = new WeakMap<DocumentNode, Map<string, number>>();

const dependsOnVariables = (document: DocumentNode): boolean => {
  let found = false;
  visit(document, {
    Directive(node) {
      if (node.name.value === 'include' || node.name.value === 'skip') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
};

/**
 * Refuses operations that ask for more than MAX_QUERY_COMPLEXITY fields before any resolver
 * runs, so one request cannot make the server do unbounded work.
 */
export const complexityLimitPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document, schema }) {
        assertWithinComplexity({ schema, document, operationName: request.operationName, variables: request.variables });
      },
    };
  },
};
