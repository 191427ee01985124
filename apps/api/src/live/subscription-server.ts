import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { AuthService } from '../auth/auth.service';
import { formatGraphQLError } from '../common/graphql-error-formatter';
import { UpgradeDispatcher } from '../collaboration/upgrade-dispatcher';

/**
 * GraphQL subscriptions over graphql-ws at /graphql, on the shared upgrade dispatcher (one
 * `upgrade` listener serves /collab and /graphql). The token comes in the connection params
 * as `authorization: Bearer …`; resolvers see it as a request header, so the same guard
 * decides.
 */
@Injectable()
export class SubscriptionServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SubscriptionServer.name);
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  private disposer: { dispose(): void | Promise<void> } | null = null;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly dispatcher: UpgradeDispatcher,
    private readonly auth: AuthService,
  ) {}

  onApplicationBootstrap(): void {
    this.disposer = useServer(
      {
        schema: this.moduleRef.get(GraphQLSchemaHost, { strict: false }).schema,
        onConnect: async (ctx) => {
          const header = String((ctx.connectionParams?.authorization as string | undefined) ?? '');
          const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
          return Boolean(token && (await this.auth.userFromToken(token)));
        },
        context: (ctx) => ({ req: { headers: { authorization: String(ctx.connectionParams?.authorization ?? '') } } }),
        // The same codes and messages as over HTTP (the guard's refusals, domain errors).
        onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatGraphQLError(error.toJSON(), error)),
      },
      this.wss,
    );
    this.dispatcher.register('/graphql', (request, socket, head) => {
      this.wss.handleUpgrade(request, socket, head, (ws) => this.wss.emit('connection', ws, request));
    });
    this.logger.debug('GraphQL subscriptions at /graphql');
  }

  async onApplicationShutdown(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await this.disposer?.dispose();
    this.wss.close();
  }
}
