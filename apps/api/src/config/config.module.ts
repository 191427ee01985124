import { DynamicModule, Global, Module } from '@nestjs/common';
import { JWT_SECRET } from './jwt-secret';
import { AppConfig } from './app-config';

/**
 * The validated configuration and the signing secret: infrastructure every module reads, so
 * the one global module (feature modules are imported explicitly where they are used).
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, jwtSecret: string): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: JWT_SECRET, useValue: jwtSecret },
      ],
      exports: [AppConfig, JWT_SECRET],
    };
  }
}
