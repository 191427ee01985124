import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgreementsModule } from './agreements/agreements.module';
import { AuditModule } from './audit/audit.module';
import { ClockModule } from './common/clock';
import { AuthModule } from './auth/auth.module';
import { CollaborationModule } from './collaboration/collaboration.module';
import { DateTimeScalar } from './common/date.scalar';
import { DraftCommentsModule } from './draft-comments/draft-comments.module';
import { DomainErrorFilter } from './common/domain-error.filter';
import { formatGraphQLError, refusalStatusPlugin } from './common/graphql-error-formatter';
import { withInputBoundary } from './common/input-boundary';
import { complexityLimitPlugin, MAX_QUERY_TOKENS, QUERY_LIMIT_RULES } from './common/query-limits';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { HealthModule } from './health/health.module';
import { LiveModule } from './live/live.module';
import { HearingsModule } from './hearings/hearings.module';
import { InputRoundsModule } from './input-rounds/input-rounds.module';
import { NotificationsModule } from './notifications/notifications.module';
import { TimelineModule } from './timeline/timeline.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { WordModule } from './word/word.module';
import { LettersModule } from './letters/letters.module';
import { TraceabilityModule } from './traceability/traceability.module';

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
          // Strict and range-checked instead of Nest's `new Date(value)`.
          buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
          // Every argument of every field is checked before its resolver runs (common/input-boundary.ts).
          transformSchema: withInputBoundary,
          graphiql: false,
          // The session cookie rides along with any request a browser sends, so a GraphQL request
          // must not be a "simple" one another site can make (GET mutations never run anyway).
          csrfPrevention: true,
          introspection: true,
          // The response too: login and logout set and clear the session cookie.
          context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
          formatError: formatGraphQLError,
          validationRules: [...QUERY_LIMIT_RULES],
          parseOptions: { maxTokens: MAX_QUERY_TOKENS },
          plugins: [complexityLimitPlugin, refusalStatusPlugin],
        }),
        ClockModule,
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
        DraftCommentsModule,
        WordModule,
        LettersModule,
        TraceabilityModule,
        HealthModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: DomainErrorFilter }],
    };
  }
}
