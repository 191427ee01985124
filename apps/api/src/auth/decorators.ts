import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthUser, RequestWithUser } from './auth-user';
import { Role } from './role.enum';

export const PUBLIC_KEY = 'aftalerum:public';
export const ROLES_KEY = 'aftalerum:roles';

/** The operation is open to anyone, signed in or not. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only these roles may call the operation (ADMIN always may). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

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
