import { Injectable } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import type { IncomingMessage } from 'node:http';
import { AppConfig } from '../config/app-config';
import { AuthService } from './auth.service';
import { CSRF_COOKIE, readCookie, SESSION_COOKIE } from './session-credentials';

/**
 * The browser's side of a session: the HttpOnly session cookie and the readable CSRF cookie
 * (see session-credentials.ts), and the Origin check of cookie-carrying WebSocket upgrades.
 * API clients ignore the cookies and send `Authorization: Bearer <token>`.
 */
@Injectable()
export class SessionCookies {
  private readonly allowedOrigins: Set<string>;

  constructor(
    private readonly auth: AuthService,
    config: AppConfig,
  ) {
    this.allowedOrigins = new Set(
      (config.ALLOWED_ORIGINS ?? '')
        .split(',')
        .map((origin) => origin.trim().replace(/\/+$/, '').toLowerCase())
        .filter(Boolean),
    );
  }

  /** Sets both cookies for a session, lasting as long as the session may. */
  set(req: Request, res: Response, cookie: string, sessionId: string, sessionExpiresAt: Date): void {
    const options = this.options(req, sessionExpiresAt);
    res.cookie(SESSION_COOKIE, cookie, { ...options, httpOnly: true });
    // Readable by the web app, which echoes it in x-csrf-token.
    res.cookie(CSRF_COOKIE, this.auth.csrfToken(sessionId), { ...options, httpOnly: false });
  }

  /** Removes both cookies. */
  clear(req: Request, res: Response): void {
    const options = this.options(req);
    res.clearCookie(SESSION_COOKIE, { ...options, httpOnly: true });
    res.clearCookie(CSRF_COOKIE, { ...options, httpOnly: false });
  }

  /** The session cookie's value of a request or upgrade, if any. */
  read(headers: IncomingMessage['headers'] | Record<string, string | string[] | undefined>): string | null {
    return readCookie(headers.cookie, SESSION_COOKIE);
  }

  /**
   * Whether a WebSocket upgrade may use its cookie: a browser always sends Origin, and the
   * cookie rides along even when another site opens the socket, so the origin must be this
   * server's own (the scheme and Host of the request) or one of ALLOWED_ORIGINS. An upgrade
   * without the cookie is not affected (it authenticates with a token instead).
   */
  upgradeAllowed(request: IncomingMessage): boolean {
    if (!this.read(request.headers)) return true;
    const origin = String(request.headers.origin ?? '').trim().replace(/\/+$/, '').toLowerCase();
    // Not a browser (browsers always send Origin on a WebSocket): nothing to hijack.
    if (!origin) return true;
    if (this.allowedOrigins.has(origin)) return true;
    const host = String(request.headers.host ?? '').toLowerCase();
    const encrypted = Boolean((request.socket as { encrypted?: boolean }).encrypted);
    const forwarded = String(request.headers['x-forwarded-proto'] ?? '').split(',')[0].trim().toLowerCase();
    const fromLoopback = /^(::1|127\.|::ffff:127\.)/.test(request.socket.remoteAddress ?? '');
    // The same proxies as Express's `trust proxy` (loopback) may say the scheme was https.
    const scheme = encrypted || (fromLoopback && forwarded === 'https') ? 'https' : 'http';
    return origin === `${scheme}://${host}`;
  }

  private options(req: Request, expires?: Date): CookieOptions {
    return {
      path: '/',
      sameSite: 'lax',
      // req.secure honours X-Forwarded-Proto from the trusted (loopback) proxy.
      secure: req.secure,
      ...(expires ? { expires } : {}),
    };
  }
}
