import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { AuthUser } from '../users/auth-user';
import type { RequestWithUser } from './request-with-user';
import { Role } from '../users/role.enum';

export const PUBLIC_KEY = 'aftalerum:public';
export const ROLES_KEY = 'aftalerum:roles';
export const INVITATION_ACCOUNTS_KEY = 'aftalerum:invitation-accounts';

/** The operation is open to anyone, signed in or not. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only these roles may call the operation (ADMIN always may). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/**
 * An account created through an invitation link (bound to one hearing) may call the operation;
 * it then checks the binding for the hearing it touches. Every other operation refuses them.
 */
export const OpenToInvitationAccounts = () => SetMetadata(INVITATION_ACCOUNTS_KEY, true);

export function requestFrom(context: ExecutionContext): RequestWithUser {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: RequestWithUser }>().req;
  }
  return context.switchToHttp().getRequest<RequestWithUser>();
}

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  const user = requestFrom(context).user;
  if (!user) throw new Error('CurrentUser used on an operation without authentication');
  return user;
});

export const RequestId = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | null => requestFrom(context).id ?? null,
);
