import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ExecutionArgs, getOperationAST, GraphQLError, GraphQLSchema, parse, specifiedRules, validate } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { IncomingMessage } from 'node:http';
import { WebSocket, WebSocketServer } from 'ws';
import { bearerToken } from '../auth/auth.guard';
import { AuthService } from '../auth/auth.service';
import { SessionCookies } from '../auth/session-cookies';
import { DomainError } from '../common/domain-error';
import { formatGraphQLError } from '../common/graphql-error-formatter';
import { assertWithinComplexity, MAX_QUERY_TOKENS, QUERY_LIMIT_RULES } from '../common/query-limits';
import { refuseUpgrade, UpgradeDispatcher } from '../common/upgrade-dispatcher';

/** The largest WebSocket message read at all (a longer one closes the socket with 1009). */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/** The close reason of a message over MAX_MESSAGE_BYTES (at most 123 bytes, as a close frame allows). */
export const TOO_BIG_REASON = 'Beskeden er over 1 MiB. Send en mindre forespørgsel.';

/**
 * ws closes a socket whose message is over maxPayload with 1009 and no reason; the client is
 * told in Danish why instead. (ws calls close(1009) itself, so the reason is added there.)
 */
function withReasonForTooBig(ws: WebSocket): WebSocket {
  const close = ws.close.bind(ws);
  ws.close = (code?: number, reason?: string | Buffer) => close(code, code === 1009 && !reason ? TOO_BIG_REASON : reason);
  return ws;
}

const asGraphQLError = (error: unknown): GraphQLError =>
  error instanceof GraphQLError ? error : new GraphQLError(error instanceof Error ? error.message : String(error), { originalError: error instanceof Error ? error : undefined });

/**
 * Parses and checks an operation sent over graphql-ws with the limits HTTP applies (the
 * complexity limit, graphql-js's rules and the depth limit) before anything runs. A refusal
 * comes back as errors, which onError formats into the same codes and Danish words as over HTTP.
 */
export function prepareOperation(schema: GraphQLSchema, payload: SubscribePayload): ExecutionArgs | readonly GraphQLError[] {
  try {
    const document = parse(payload.query, { maxTokens: MAX_QUERY_TOKENS });
    // The size first: it stops counting at its limit, while validation walks every field
    // (a second or more of blocked event loop for 20,000 aliases). Any other complaint of the
    // count (an unknown variable type) waits for validation, which names it as over HTTP.
    let deferred: unknown = null;
    try {
      assertWithinComplexity({ schema, document, operationName: payload.operationName, variables: payload.variables });
    } catch (error) {
      if (error instanceof DomainError) throw error;
      deferred = error;
    }
    const errors = validate(schema, document, [...specifiedRules, ...QUERY_LIMIT_RULES]);
    if (errors.length > 0) return errors;
    if (deferred) throw deferred;
    return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
  } catch (error) {
    return [asGraphQLError(error)];
  }
}

// eslint-disable-next-line require-yield -- a stream whose first step is the refusal
async function* refusedStream(error: GraphQLError): AsyncGenerator<never> {
  throw error.originalError ?? error;
}

/**
 * A subscription refused while subscribing (a guard, the input boundary) comes from graphql-js
 * as a result with errors, which graphql-ws would send as an event, unformatted. As a stream
 * that fails at once it ends with an error message instead, formatted by onError: the same
 * code and Danish words as over HTTP, before any event.
 */
function refusalAsError(args: ExecutionArgs, result: unknown): AsyncGenerator<never> | undefined {
  if (getOperationAST(args.document, args.operationName)?.operation !== 'subscription') return undefined;
  if (!result || typeof result !== 'object' || Symbol.asyncIterator in result) return undefined;
  const errors = (result as { errors?: readonly GraphQLError[] }).errors;
  return errors?.length ? refusedStream(errors[0]) : undefined;
}

/**
 * GraphQL subscriptions over graphql-ws at /graphql, on the shared upgrade dispatcher (one
 * `upgrade` listener serves /collab and /graphql). An API client sends its token in the
 * connection params as `authorization: Bearer …`; the web app sends nothing and is known by the
 * session cookie of the upgrade, whose Origin must then be this server's (SessionCookies). The
 * resolvers see either as request headers, so the same guard decides.
 */
@Injectable()
export class SubscriptionServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SubscriptionServer.name);
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  private disposer: { dispose(): void | Promise<void> } | null = null;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly dispatcher: UpgradeDispatcher,
    private readonly auth: AuthService,
    private readonly cookies: SessionCookies,
  ) {}

  /** The bearer token of the connection params, else the session cookie of the upgrade. */
  private credentials(ctx: { connectionParams?: Readonly<Record<string, unknown>>; extra: { request: IncomingMessage } }): { authorization: string; cookie: string } {
    const authorization = String(ctx.connectionParams?.authorization ?? '');
    return { authorization, cookie: authorization ? '' : String(ctx.extra.request.headers.cookie ?? '') };
  }

  onApplicationBootstrap(): void {
    const schema = this.moduleRef.get(GraphQLSchemaHost, { strict: false }).schema;
    this.disposer = useServer(
      {
        schema,
        // graphql-ws would validate with graphql-js's rules only: the query limits apply here too.
        onSubscribe: (_ctx, _id, payload) => prepareOperation(schema, payload),
        onOperation: (_ctx, _id, _payload, args, result) => refusalAsError(args, result),
        onConnect: async (ctx) => {
          const { authorization, cookie } = this.credentials(ctx);
          const token = bearerToken(authorization);
          if (token) return Boolean(await this.auth.authenticateBearer(token));
          const session = this.cookies.read({ cookie });
          return Boolean(session && (await this.auth.authenticateCookie(session)));
        },
        // The upgrade's Origin was checked, so the guard needs no CSRF token here (viaSocket).
        context: (ctx) => ({ req: { headers: this.credentials(ctx), viaSocket: true } }),
        // The same codes and messages as over HTTP (the guard's refusals, domain errors).
        onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatGraphQLError(error.toJSON(), error)),
      },
      this.wss,
    );
    this.dispatcher.register('/graphql', (request, socket, head) => {
      if (!this.cookies.upgradeAllowed(request)) return refuseUpgrade(socket, 'graphql', request, this.logger);
      this.wss.handleUpgrade(request, socket, head, (ws) => this.wss.emit('connection', withReasonForTooBig(ws), request));
    });
    this.logger.debug('GraphQL subscriptions at /graphql');
  }

  async onApplicationShutdown(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await this.disposer?.dispose();
    this.wss.close();
  }
}
