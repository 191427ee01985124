import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }): unknown => {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  const text = String(value).toLowerCase();
  if (['true', '1', 'yes'].includes(text)) return true;
  if (['false', '0', 'no'].includes(text)) return false;
  return value;
};

const toInt = ({ value }: { value: unknown }): unknown =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;

/**
 * Every setting the platform reads from the environment, in one place.
 * The names are the environment variables; `.env.example` documents them.
 */
export class AppConfig {
  /** TCP port for the web app, GraphQL, /collab and /health. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Host to bind. */
  @IsString()
  HOST = '0.0.0.0';

  /** PostgreSQL connection string; unset starts an embedded PostgreSQL in DATA_DIR. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL skal begynde med postgres:// eller postgresql://' })
  DATABASE_URL?: string;

  /** Where the embedded database and generated secrets live. */
  @IsString()
  @MinLength(1)
  DATA_DIR = './.data';

  /** Port of the embedded PostgreSQL (0 picks a free one). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  EMBEDDED_PG_PORT = 5433;

  /** Redis for several instances; optional. */
  @IsOptional()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL skal begynde med redis:// eller rediss://' })
  REDIS_URL?: string;

  /**
   * Prefix of everything this deployment puts in Redis (document sync, subscription events),
   * so two deployments, or two test runs, can share one Redis without hearing each other.
   */
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'REDIS_PREFIX må kun indeholde bogstaver, tal, - og _ (højst 64 tegn)' })
  REDIS_PREFIX = 'aftalerum';

  /** Secret that signs login tokens; unset: generated once and kept in DATA_DIR. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET skal være mindst 32 tegn' })
  JWT_SECRET?: string;

  /**
   * Secret that signs hearing invitation links, apart from the login secret so one cannot
   * forge the other; unset: generated once and kept in DATA_DIR.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'INVITATION_SECRET skal være mindst 32 tegn' })
  INVITATION_SECRET?: string;

  /**
   * How long an access token (the bearer token `login` and `refreshSession` return) lasts. Short,
   * because a token cannot be recalled; the session behind it is checked on every request anyway.
   */
  @IsString()
  @Matches(/^\d+[smhd]$/, { message: 'JWT_EXPIRES_IN skal være et tal efterfulgt af s, m, h eller d, fx 15m' })
  JWT_EXPIRES_IN = '15m';

  /** The absolute lifetime of a session (hours): after it the person logs in again, however active. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  SESSION_MAX_HOURS = 12;

  /** A session ends after this many minutes without a request (sliding). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  SESSION_IDLE_MINUTES = 120;

  /** How long a collaboration token may be used to open its document's socket (seconds). */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(3600)
  COLLABORATION_TOKEN_SECONDS = 60;

  /**
   * Origins, besides the server's own (scheme and Host of the request), from which a browser may
   * open /graphql and /collab WebSockets with the session cookie; comma-separated, e.g.
   * `https://aftalerum.regionh.dk,http://localhost:4200`. Stops cross-site WebSocket hijacking.
   */
  @IsOptional()
  @Matches(/^\s*https?:\/\/[^\s,]+(\s*,\s*https?:\/\/[^\s,]+)*\s*$/, { message: 'ALLOWED_ORIGINS skal være en kommasepareret liste af http(s)://-adresser' })
  ALLOWED_ORIGINS?: string;

  /** Seed the demo on an empty database (default: true with the embedded database). */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  DEMO_DATA?: boolean;

  /** Failed logins allowed per e-mail address within LOGIN_WINDOW_MINUTES. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_WINDOW_MINUTES = 15;

  /** Hearing responses one organisation's people may file per minute together; drafts and cluster input one user may send per minute. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SUBMIT_RATE_PER_MINUTE = 60;

  /** Uploads (attachments, decision documents) one user may make per UPLOAD_WINDOW_MINUTES, on all instances together. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  UPLOADS_PER_USER = 30;

  /** Uploads one organisation's people may make together per UPLOAD_WINDOW_MINUTES. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  UPLOADS_PER_ORGANISATION = 60;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  UPLOAD_WINDOW_MINUTES = 10;

  /**
   * Bytes of uploads one organisation may keep stored: everything it uploaded except what is
   * filed with a response to a closed hearing (see hearings/upload-limits.ts). 200 MB.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  UPLOAD_QUOTA_BYTES = 200 * 1024 * 1024;

  /** SMTP server for the outbox, e.g. smtp://user:pass@mail.example.dk:587; unset: notifications stay in the in-app outbox. */
  @IsOptional()
  @Matches(/^smtps?:\/\//, { message: 'SMTP_URL skal begynde med smtp:// eller smtps://' })
  SMTP_URL?: string;

  /** Sender address of e-mails from the outbox. */
  @IsString()
  SMTP_FROM = 'Aftalerum <noreply@aftalerum.dk>';

  /** How often the job queue looks for due jobs (seconds, at least 0.5). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60)
  JOB_POLL_SECONDS = 2;

  /** Directory of the built web app; unset: dist/web beside the workspace. */
  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL = 'log';

  /** Write schema.gql from the code-first types (used by `nx run api:schema`). */
  @IsOptional()
  @IsString()
  SCHEMA_FILE?: string;
}

export class ConfigError extends Error {}

/** Seconds in a duration such as `15m`, `12h` (the format of JWT_EXPIRES_IN). */
export function durationSeconds(text: string): number {
  const match = /^(\d+)([smhd])$/.exec(text);
  if (!match) throw new ConfigError(`Ugyldig varighed: ${text}`);
  return Number(match[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[match[2] as 's' | 'm' | 'h' | 'd'];
}

/** Reads and validates the environment; throws a ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig()).concat(['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'INVITATION_SECRET', 'DEMO_DATA', 'WEB_DIST_DIR', 'SCHEMA_FILE', 'SMTP_URL', 'ALLOWED_ORIGINS']);
  const raw: Record<string, string> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(AppConfig, raw);
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.map((error) => {
      const reasons = Object.values(error.constraints ?? {}).join('; ');
      return `  ${error.property}=${JSON.stringify(error.value)}: ${reasons}`;
    });
    throw new ConfigError(`Ugyldig konfiguration:\n${lines.join('\n')}`);
  }
  return config;
}
