import { DynamicModule, Global, Module } from '@nestjs/common';
import { JWT_SECRET } from './jwt-secret';
import { AppConfig } from './app-config';

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
