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

/**
 * Answers an upgrade that carries the session cookie from a foreign Origin with 403: another
 * site must not open a socket in the signed-in person's name (cross-site WebSocket hijacking).
 */
export function refuseUpgrade(socket: Duplex, path: string, request: IncomingMessage, logger: { warn(message: string): void }): void {
  logger.warn(`Refused a ${path} WebSocket with the session cookie from origin ${String(request.headers.origin)}`);
  socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  socket.destroy();
}
