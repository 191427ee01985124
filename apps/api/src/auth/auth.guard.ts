import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { forbidden, unauthenticated } from '../common/domain-error';
import type { RequestWithUser } from './request-with-user';
import { Authenticated, AuthService } from './auth.service';
import { invitationBinding } from '../access/access-policy';
import { INVITATION_ACCOUNTS_KEY, PUBLIC_KEY, requestFrom, ROLES_KEY } from './decorators';
import { Role } from '../users/role.enum';
import { CSRF_HEADER, csrfMatches, readCookie, SESSION_COOKIE } from './session-credentials';

export function bearerToken(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(value.trim());
  return match ? match[1] : null;
}

export const SESSION_EXPIRED_MESSAGE = 'Din session er udløbet. Log ind igen.';
export const CSRF_REFUSED_MESSAGE = 'Anmodningen mangler sikkerhedsnøglen (CSRF). Genindlæs siden, og prøv igen.';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs on every GraphQL operation and HTTP route: authenticates the request by its bearer token
 * or, without one, by the session cookie (checking the session row and the user's current row
 * every time), and checks the roles the handler asks for. Operations are closed unless marked
 * @Public(). A cookie is sent by the browser whatever site made the request, so a
 * cookie-authenticated GraphQL operation or state-changing route must also carry the session's
 * CSRF token in x-csrf-token; a bearer token is never sent by the browser on its own and needs none.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false;
    const request = requestFrom(context);
    const found = await this.authenticate(request, context.getType<string>() === 'graphql', isPublic);
    if (found) {
      request.user = found.user;
      request.session = { id: found.sessionId, via: found.via };
    }
    if (isPublic) return true;
    if (!request.user) throw unauthenticated();

    if (invitationBinding.isBound(request.user) && !this.reflector.getAllAndOverride<boolean>(INVITATION_ACCOUNTS_KEY, targets)) {
      throw forbidden('Kontoen er oprettet gennem et invitationslink og kan kun bruges til organisationens høringssvar i den høring.');
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && request.user.role !== Role.ADMIN && !roles.includes(request.user.role)) {
      throw forbidden('Din rolle giver ikke adgang til denne handling.');
    }
    return true;
  }

  private async authenticate(request: RequestWithUser, graphql: boolean, isPublic: boolean): Promise<(Authenticated & { via: 'bearer' | 'cookie' }) | null> {
    const token = bearerToken(request.headers.authorization);
    if (token) {
      const found = await this.auth.authenticateBearer(token);
      if (found) return { ...found, via: 'bearer' };
      if (!isPublic) throw unauthenticated(SESSION_EXPIRED_MESSAGE);
      return null;
    }
    const cookie = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (!cookie) return null;
    const found = await this.auth.authenticateCookie(cookie);
    if (!found) {
      // An old cookie does not stand in the way of what anyone may do (log in, a public page).
      if (!isPublic) throw unauthenticated(SESSION_EXPIRED_MESSAGE);
      return null;
    }
    const needsCsrf = !request.viaSocket && (graphql || !SAFE_METHODS.has((request.method ?? 'GET').toUpperCase()));
    if (needsCsrf && !csrfMatches(this.auth.csrfKey, found.sessionId, request.headers[CSRF_HEADER])) {
      // A public operation runs as for anyone; the rest is refused.
      if (isPublic) return null;
      throw forbidden(CSRF_REFUSED_MESSAGE);
    }
    return { ...found, via: 'cookie' };
  }
}
