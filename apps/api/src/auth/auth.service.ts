import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { unauthenticated } from '../common/domain-error';
import { User } from '../users/user.entity';
import { AuthUser } from './auth-user';
import { LoginFailure } from './login-failure.entity';
import { LoginLimits } from './login-limits';

interface TokenClaims {
  sub: string;
}

// Verifying against a fixed hash when the address is unknown keeps the answer time the same,
// so the timing does not reveal which addresses have accounts.
// A changed role or organisation takes effect within this time on every instance.
const USER_CACHE_MS = 5_000;

const DUMMY_HASH_INPUT = 'aftalerum-no-such-user';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  private dummyHash: Promise<string> | null = null;
  /** Users seen recently, so a burst of requests does not look each one up again. */
  private readonly users = new Map<string, { user: AuthUser; until: number }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly limits: LoginLimits,
  ) {}

  /**
   * Checks e-mail and password and returns a signed token. Every attempt first spends its
   * points in the shared login limits (see LoginLimits), so a refused attempt never reaches
   * the password check; a success clears the account-and-address count.
   */
  async login(email: string, password: string, ip: string | null): Promise<{ token: string; user: User }> {
    const address = email.trim().toLowerCase();
    const attempt = await this.limits.admit(address, ip);

    const user = await this.db.getRepository(User).findOne({ where: { email: address }, relations: { organisation: true } });
    const hash = user?.passwordHash ?? (await this.getDummyHash());
    const ok = await argon2.verify(hash, password).catch(() => false);
    if (!user || !ok) {
      // Kept as the record of checked guesses (who, from where); the limits live in rate_limits.
      await this.db.getRepository(LoginFailure).insert({ email: address, ip });
      this.logger.warn(`Failed login for ${address} from ${ip ?? 'unknown'}`);
      throw unauthenticated('E-mailadressen eller adgangskoden er forkert.');
    }
    await this.limits.succeeded(attempt);
    return { token: await this.issueToken(user.id), user };
  }

  /** A signed login token for a user (also the collaboration token). */
  issueToken(userId: string): Promise<string> {
    return this.jwt.signAsync({ sub: userId } satisfies TokenClaims);
  }

  /** The user a token was issued to, or null when the token is invalid or expired. */
  async userFromToken(token: string): Promise<AuthUser | null> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      return null;
    }
    if (typeof claims.sub !== 'string' || !/^[0-9a-f-]{36}$/i.test(claims.sub)) return null;
    const cached = this.users.get(claims.sub);
    if (cached && cached.until > Date.now()) return cached.user;
    const user = await this.db.getRepository(User).findOne({ where: { id: claims.sub }, relations: { organisation: true } });
    if (!user) return null;
    const authUser: AuthUser = {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      organisationId: user.organisationId,
      regionId: user.organisation?.regionId ?? null,
      hearingId: user.hearingId,
    };
    if (this.users.size > 10_000) this.users.clear();
    this.users.set(user.id, { user: authUser, until: Date.now() + USER_CACHE_MS });
    return authUser;
  }

  private getDummyHash(): Promise<string> {
    this.dummyHash ??= argon2.hash(DUMMY_HASH_INPUT);
    return this.dummyHash;
  }
}

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id });
