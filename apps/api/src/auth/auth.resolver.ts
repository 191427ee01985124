import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { badInput } from '../common/domain-error';
import { User } from '../users/user.entity';
import type { AuthUser, RequestWithUser } from './auth-user';
import { AuthService } from './auth.service';
import { CurrentUser, OpenToInvitationAccounts, Public } from './decorators';
import { AuthPayload } from './dtos/auth-payload';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Sign in with e-mail and password.' })
  async login(
    @Args('email') email: string,
    @Args('password') password: string,
    @Context() context: { req: RequestWithUser },
  ): Promise<AuthPayload> {
    if (email.length > 320 || password.length > 1024) throw badInput('E-mailadressen eller adgangskoden er for lang.');
    if (!email.includes('@')) throw badInput('Skriv en gyldig e-mailadresse.');
    return this.auth.login(email, password, context.req.ip ?? null);
  }

  @OpenToInvitationAccounts()
  @Query(() => User, { nullable: true, description: 'The signed-in user.' })
  me(@CurrentUser() user: AuthUser): Promise<User | null> {
    return this.db.getRepository(User).findOne({ where: { id: user.id }, relations: { organisation: true } });
  }
}
