import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The id of the HTTP request being served, for logs and error answers. */
export const currentRequestId = (): string | undefined => storage.getStore()?.requestId;

/**
 * Gives every request an id (the caller's X-Request-Id when it is sane), echoes it in the
 * response and keeps it for the rest of the request's asynchronous work.
 */
export function requestContextMiddleware(req: Request, res: Response, next: NextFunction): void {
  const given = req.header('x-request-id');
  const requestId = given && /^[\w.-]{8,100}$/.test(given) ? given : randomUUID();
  (req as Request & { id: string }).id = requestId;
  res.setHeader('X-Request-Id', requestId);
  storage.run({ requestId }, () => next());
}
