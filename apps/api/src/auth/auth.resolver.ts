import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { badInput, unauthenticated } from '../common/domain-error';
import { User } from '../users/user.entity';
import type { AuthUser } from '../users/auth-user';
import type { RequestWithUser } from './request-with-user';
import { SESSION_EXPIRED_MESSAGE } from './auth.guard';
import { AuthService } from './auth.service';
import { CurrentUser, OpenToInvitationAccounts, Public } from './decorators';
import { AuthPayload } from './dtos/auth-payload';
import { SessionCookies } from './session-cookies';

/** The GraphQL context over HTTP: Express's request (with the guard's user) and response. */
interface HttpContext {
  req: Request & RequestWithUser;
  res?: Response;
}

const header = (value: string | string[] | undefined): string | null => (Array.isArray(value) ? value[0] : value) ?? null;

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly cookies: SessionCookies,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Sign in with e-mail and password. Also sets the session cookie for the web app.' })
  async login(@Args('email') email: string, @Args('password') password: string, @Context() context: HttpContext): Promise<AuthPayload> {
    if (email.length > 320 || password.length > 1024) throw badInput('E-mailadressen eller adgangskoden er for lang.');
    if (!email.includes('@')) throw badInput('Skriv en gyldig e-mailadresse.');
    const session = await this.auth.login(email, password, { ip: context.req.ip ?? null, userAgent: header(context.req.headers['user-agent']) });
    if (context.res && session.cookie) this.cookies.set(context.req, context.res, session.cookie, session.sessionId, session.sessionExpiresAt);
    return session;
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'A new access token for a session, in exchange for its refresh token (which is used up: a new one comes back).' })
  refreshSession(@Args('refreshToken') refreshToken: string): Promise<AuthPayload> {
    if (refreshToken.length > 200) throw unauthenticated(SESSION_EXPIRED_MESSAGE);
    return this.auth.refresh(refreshToken);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Ends the current session at once (every token, cookie and socket of it) and clears the cookies.' })
  async logout(@Context() context: HttpContext): Promise<boolean> {
    if (context.req.session) await this.auth.logout(context.req.session.id);
    if (context.res) this.cookies.clear(context.req, context.res);
    return true;
  }

  @OpenToInvitationAccounts()
  @Mutation(() => Boolean, {
    description: 'Moves the session of the bearer token into the session cookie (the web app, right after creating an account through an invitation link).',
  })
  async useSessionCookie(@Context() context: HttpContext): Promise<boolean> {
    const session = context.req.session;
    if (!session || session.via !== 'bearer' || !context.res) return false;
    const renewed = await this.auth.renewCookie(session.id);
    if (!renewed) throw unauthenticated(SESSION_EXPIRED_MESSAGE);
    this.cookies.set(context.req, context.res, renewed.cookie, session.id, renewed.sessionExpiresAt);
    return true;
  }

  @OpenToInvitationAccounts()
  @Query(() => User, { nullable: true, description: 'The signed-in user.' })
  me(@CurrentUser() user: AuthUser): Promise<User | null> {
    return this.auth.userWithOrganisation(user.id);
  }
}
