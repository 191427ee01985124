import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { forbidden, unauthenticated } from '../common/domain-error';
import { AuthService } from './auth.service';
import { invitationBinding } from '../access/access-policy';
import { INVITATION_ACCOUNTS_KEY, PUBLIC_KEY, requestFrom, ROLES_KEY } from './decorators';
import { Role } from './role.enum';

export function bearerToken(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(value.trim());
  return match ? match[1] : null;
}

/**
 * Runs on every GraphQL operation and HTTP route: reads the bearer token, loads the user,
 * and checks the roles the handler asks for. Operations are closed unless marked @Public().
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
    const token = bearerToken(request.headers.authorization);

    if (token) {
      const user = await this.auth.userFromToken(token);
      if (user) request.user = user;
      else if (!isPublic) throw unauthenticated('Din session er udløbet eller ugyldig. Log ind igen.');
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
}
