import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PubSubModule } from '../common/pub-sub.module';
import { AppConfig } from '../config/app-config';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { JWT_SECRET } from '../config/jwt-secret';
import { SessionCookies } from './session-cookies';
import { LoginLimits } from './login-limits';

@Module({
  imports: [
    PubSubModule,
    JwtModule.registerAsync({
      inject: [AppConfig, JWT_SECRET],
      useFactory: (config: AppConfig, secret: string) => ({
        // A KeyObject spares jsonwebtoken from building one on every verification.
        secret: createSecretKey(Buffer.from(secret)) as unknown as string,
        // The default; AuthService signs each kind of token with its own lifetime.
        signOptions: { expiresIn: config.JWT_EXPIRES_IN as `${number}m`, issuer: 'aftalerum' },
        verifyOptions: { issuer: 'aftalerum', algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [AuthService, SessionCookies, LoginLimits, AuthResolver, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, SessionCookies],
})
export class AuthModule {}
