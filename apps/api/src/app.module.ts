import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgreementsModule } from './agreements/agreements.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CollaborationModule } from './collaboration/collaboration.module';
import { DomainErrorFilter } from './common/domain-error.filter';
import { formatGraphQLError, refusalStatusPlugin } from './common/graphql-error-formatter';
import { complexityLimitPlugin, depthLimitRule } from './common/query-limits';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { HealthController } from './health/health.controller';
import { LiveModule } from './live/live.module';
import { HearingsModule } from './hearings/hearings.module';
import { InputRoundsModule } from './input-rounds/input-rounds.module';
import { NotificationsModule } from './notifications/notifications.module';
import { TimelineModule } from './timeline/timeline.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { WordModule } from './word/word.module';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  jwtSecret: string;
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, jwtSecret }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, jwtSecret),
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: config.SCHEMA_FILE ?? true,
          sortSchema: true,
          playground: false,
          introspection: true,
          context: ({ req }: { req: unknown }) => ({ req }),
          formatError: formatGraphQLError,
          validationRules: [depthLimitRule],
          plugins: [complexityLimitPlugin, refusalStatusPlugin],
        }),
        AuditModule,
        AuthModule,
        CollaborationModule,
        LiveModule,
        OrganisationsModule,
        AgreementsModule,
        HearingsModule,
        InputRoundsModule,
        NotificationsModule,
        TimelineModule,
        WordModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: DomainErrorFilter }],
    };
  }
}
