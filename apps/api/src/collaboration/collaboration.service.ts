import { Extension, Hocuspocus } from '@hocuspocus/server';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage, Server } from 'node:http';
import { WebSocket, WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { draftDocumentName } from '../drafts/document-name';
import { LiveDraftHost, LiveDrafts } from '../drafts/live-drafts';
import { DraftAccessChange, DraftAccessService } from './draft-access.service';
import { AuthenticationExtension } from './extensions/authentication.extension';
import { PersistenceExtension } from './extensions/persistence.extension';
import { isSkipFurtherHooks, SafeRedisExtension } from './extensions/redis.extension';
import { WriteAccessExtension } from './extensions/write-access.extension';
import { refuseUpgrade, UpgradeDispatcher } from '../common/upgrade-dispatcher';
import { SessionCookies } from '../auth/session-cookies';

export const COLLAB_PATH = '/collab';

/**
 * The Hocuspocus collaboration server inside the Nest process, on the same port at /collab.
 */
@Injectable()
export class CollaborationService implements LiveDraftHost, OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(CollaborationService.name);
  readonly hocuspocus: Hocuspocus;
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly dispatcher: UpgradeDispatcher,
    authentication: AuthenticationExtension,
    writeAccess: WriteAccessExtension,
    private readonly persistence: PersistenceExtension,
    private readonly access: DraftAccessService,
    config: AppConfig,
    private readonly cookies: SessionCookies,
    liveDrafts: LiveDrafts,
  ) {
    liveDrafts.attach(this);
    // Hocuspocus runs the hooks by priority: write access (200) before persistence (100).
    const extensions: Extension[] = [authentication, writeAccess, persistence];
    if (config.REDIS_URL) {
      // Several instances share documents and presence through Redis.
      const url = new URL(config.REDIS_URL);
      extensions.push(
        new SafeRedisExtension({
          host: url.hostname,
          port: Number(url.port || 6379),
          options: { password: url.password || undefined, maxRetriesPerRequest: null },
          identifier: `aftalerum-${randomUUID()}`,
          prefix: `${config.REDIS_PREFIX}-collab`,
        }),
      );
    }
    this.hocuspocus = new Hocuspocus({
      name: 'aftalerum',
      quiet: true,
      debounce: 2_000,
      maxDebounce: 10_000,
      timeout: 30_000,
      extensions,
    });
  }

  onModuleInit(): void {
    const server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    this.dispatcher.register(COLLAB_PATH, (request, socket, head) => {
      if (!this.cookies.upgradeAllowed(request)) return refuseUpgrade(socket, 'collab', request, this.logger);
      this.wss.handleUpgrade(request, socket, head, (ws) => this.connect(ws, request));
    });
    this.dispatcher.attach(server);
  }

  /**
   * Hands a socket to Hocuspocus, which since version 4 takes any WebSocket and a Fetch
   * `Request`, and is fed the socket's messages and close by its host (as its own crossws server does).
   */
  private connect(ws: WebSocket, request: IncomingMessage): void {
    let fetchRequest: Request;
    try {
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      fetchRequest = new Request(new URL(request.url ?? '/', 'http://localhost'), { headers });
    } catch (error) {
      this.logger.warn(`Refused a collaboration socket with a malformed request: ${(error as Error).message}`);
      ws.terminate();
      return;
    }
    const connection = this.hocuspocus.handleConnection(ws, fetchRequest);
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data: Buffer) => connection.handleMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
    ws.on('close', (code: number, reason: Buffer) => connection.handleClose({ code, reason: reason.toString() }));
    ws.on('error', (error) => this.logger.warn(`Collaboration socket error: ${error.message}`));
  }

  /**
   * Tells every instance that who may write a draft changed (the final lock, a user's role or
   * account): their sockets that lost write access are closed at once, with the reason, and
   * reconnect read-only. Never rejects.
   */
  draftAccessChanged(change: DraftAccessChange): void {
    this.access.announce(change);
  }

  /**
   * Runs `change` on the live document of an agreement as a server-side edit that
   * connected editors receive at once, then stores the draft before resolving.
   */
  async editDraft(agreementId: string, change: (doc: Y.Doc) => void): Promise<void> {
    const name = draftDocumentName(agreementId);
    const connection = await this.hocuspocus.openDirectConnection(name, { server: true });
    try {
      // transact() also runs the store hooks; with several instances another instance may hold
      // the store lock, so this one stores explicitly below rather than rely on them.
      await connection.transact((doc) => change(doc)).catch((error: Error) => this.ignoreStoreLock(error));
      if (connection.document) await this.persistence.storeNow(name, connection.document);
    } finally {
      await connection.disconnect().catch((error: Error) => this.ignoreStoreLock(error));
    }
  }

  /** Another instance storing the document at the moment (the Redis lock) is no failure here. */
  private ignoreStoreLock(error: Error): void {
    if (!isSkipFurtherHooks(error)) throw error;
  }

  /** The loaded document of an agreement's draft on this instance, if any. */
  loadedDraft(agreementId: string): Y.Doc | null {
    const loaded = this.hocuspocus.documents.get(draftDocumentName(agreementId));
    return loaded && !loaded.isLoading ? loaded : null;
  }

  /** Reads the live document (loading it if no one has it open) and returns what `read` returns. */
  async readDraft<T>(agreementId: string, read: (doc: Y.Doc) => T): Promise<T> {
    const name = draftDocumentName(agreementId);
    const loaded = this.hocuspocus.documents.get(name);
    if (loaded && !loaded.isLoading) return read(loaded);
    const connection = await this.hocuspocus.openDirectConnection(name, { server: true });
    try {
      if (!connection.document) throw new Error(`Draft ${name} could not be loaded`);
      return read(connection.document);
    } finally {
      await connection.disconnect();
    }
  }

  /** Closes every connection and stores every open draft while the database is still up. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.persistence.stop();
    this.hocuspocus.closeConnections();
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    for (const [name, document] of this.hocuspocus.documents) {
      await this.persistence.storeNow(name, document).catch((error: Error) => this.logger.error(`Final store of ${name} failed: ${error.message}`));
    }
  }
}
