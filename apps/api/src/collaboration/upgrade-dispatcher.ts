import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';

export type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * The one `upgrade` listener on the HTTP server: WebSocket paths (/collab, and /graphql for
 * subscriptions) register here, and any other upgrade is refused.
 */
export class UpgradeDispatcher {
  private readonly handlers = new Map<string, UpgradeHandler>();
  private attached = false;

  register(path: string, handler: UpgradeHandler): void {
    this.handlers.set(path, handler);
  }

  attach(server: Server): void {
    if (this.attached) return;
    this.attached = true;
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '');
      const handler = this.handlers.get(path);
      if (!handler) {
        socket.write('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
        socket.destroy();
        return;
      }
      handler(request, socket, head);
    });
  }
}
