import 'reflect-metadata';
import { Logger, LogLevel, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import helmet from 'helmet';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppModule } from './app.module';
import { bodyParserErrorHandler } from './common/http-errors';
import { requestContextMiddleware } from './common/request-context';
import { RestInputBoundaryPipe } from './common/rest-input-boundary.pipe';
import { validationException } from './common/validation-errors';
import { AppConfig, ConfigError } from './config/app-config';
import { EmbeddedDatabase, startEmbeddedDatabase } from './database/embedded-database';
import { runMigrations } from './database/migrate';
import { seedDemo } from './demo/demo-data';
import { demoPlan } from './demo/demo-policy';

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

export interface RunningServer {
  app: NestExpressApplication;
  port: number;
  url: string;
  databaseUrl: string;
  close(): Promise<void>;
}

/** A secret from the environment, else generated once and kept in DATA_DIR under `name`. */
async function keptSecret(config: AppConfig, configured: string | undefined, name: string): Promise<string> {
  if (configured) return configured;
  const file = path.resolve(config.DATA_DIR, name);
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  await writeFile(file, secret, { mode: 0o600, flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  return (await readFile(file, 'utf8')).trim();
}

/** The signing secret: from JWT_SECRET, else generated once and kept in DATA_DIR. */
const jwtSecret = (config: AppConfig) => keptSecret(config, config.JWT_SECRET, 'jwt-secret');

/**
 * The key of invitation links: from INVITATION_SECRET, else generated once and kept in
 * DATA_DIR. Never the login secret, so a link's signature says nothing about login tokens.
 */
async function invitationSecret(config: AppConfig, loginSecret: string): Promise<string> {
  const secret = await keptSecret(config, config.INVITATION_SECRET, 'invitation-secret');
  if (secret === loginSecret) throw new ConfigError('INVITATION_SECRET må ikke være den samme som JWT_SECRET.');
  return secret;
}

const NOT_THE_WEB_APP = /^\/(graphql|collab|health|api|files)(\/|$|\?)/;

/** Vite's content-hashed output (`assets/<name>-<hash>.js|css|…`): never changes under its name. */
const HASHED_ASSET = /^\/assets\/.+-[\w-]{8,}\.\w+$/;
const SOURCE_MAP = /\.map$/i;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built web app, with index.html for every client-side route. Files go out as the
 * brotli or gzip copy written at build time when the browser accepts one; hashed assets are
 * cached for a year, everything else (index.html first) is revalidated; source maps never go out.
 */
function serveWebApp(app: NestExpressApplication, dir: string): void {
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) {
    new Logger('Web').warn(`No built web app in ${dir}; run "npm run build" to serve the UI.`);
    return;
  }
  const files = expressStaticGzip(dir, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: {
      index: false,
      cacheControl: false,
      setHeaders: (res) => {
        // The path asked for, not the .br/.gz file it was rewritten to.
        const asked = (res as unknown as { req: Request }).req.originalUrl.split('?')[0];
        res.setHeader('Cache-Control', HASHED_ASSET.test(asked) ? IMMUTABLE : 'no-cache');
      },
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_THE_WEB_APP.test(req.path)) return next();
    if (SOURCE_MAP.test(req.path)) return res.status(404).type('text/plain').send('Ikke fundet.');
    files(req, res, (error?: unknown) => {
      if (error) return next(error);
      if (req.method !== 'GET' || !req.accepts('html') || req.path.startsWith('/assets/')) return next();
      // A client-side route: the app's index.html (compressed like any other file).
      req.url = '/index.html';
      files(req, res, next);
    });
  });
}

/**
 * Starts the whole platform: database (embedded unless DATABASE_URL), migrations, demo data,
 * GraphQL, the web app and /health, on one port.
 */
export async function startServer(config: AppConfig): Promise<RunningServer> {
  const logger = new Logger('Aftalerum');
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedDatabase({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, database: 'aftalerum' });
    databaseUrl = embedded.url;
    logger.log(`Embedded PostgreSQL on port ${embedded.port} (cluster in ${embedded.clusterDir})`);
  }
  let created: NestExpressApplication | null = null;
  try {
    await runMigrations(databaseUrl);
    const secret = await jwtSecret(config);
    config.INVITATION_SECRET = await invitationSecret(config, secret);
    const app = await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot({ config, databaseUrl, jwtSecret: secret }),
      { logger: LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(config.LOG_LEVEL as LogLevel) + 1), bodyParser: false },
    );
    created = app;
    app.use(requestContextMiddleware);
    app.use(
      helmet({
        contentSecurityPolicy: {
          directives: {
            defaultSrc: ["'self'"],
            connectSrc: ["'self'", 'ws:', 'wss:'],
            imgSrc: ["'self'", 'data:', 'blob:'],
            styleSrc: ["'self'", "'unsafe-inline'"],
            scriptSrc: ["'self'"],
          },
        },
      }),
    );
    app.useBodyParser('json', { limit: '2mb' });
    app.useBodyParser('urlencoded', { limit: '100kb', extended: false });
    app.use(bodyParserErrorHandler);
    app.useGlobalPipes(new RestInputBoundaryPipe(), new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: validationException }));
    app.set('trust proxy', 'loopback');
    serveWebApp(app, config.WEB_DIST_DIR ?? path.resolve(process.cwd(), 'dist/web'));
    await app.init();

    const demo = demoPlan({ demoData: config.DEMO_DATA, embedded: embedded !== null, production: process.env.NODE_ENV === 'production' });
    if (demo.seed) {
      const started = performance.now();
      const seeded = await seedDemo(app, demo.password);
      const took = `${Math.round(performance.now() - started)} ms`;
      if (seeded && 'incomplete' in seeded) {
        const where = embedded ? `delete the embedded database (${embedded.clusterDir})` : 'drop and create again the database in DATABASE_URL';
        logger.error(
          `The demo data is half-built: its seeding started ${seeded.startedAt.toISOString()} stopped at the step "${seeded.step}" and is not resumed. ` +
            `To get the whole demo, stop Aftalerum, ${where}, and start again; the demo is then seeded from the beginning.`,
        );
      } else if (seeded && demo.generated) logger.warn(`Demo data seeded in ${took}: ${seeded.users} accounts; their password, shown this once: ${demo.password}`);
      else if (seeded) logger.log(`Demo data seeded in ${took}: ${seeded.users} accounts (password ${demo.password})`);
    }

    await app.listen(config.PORT, config.HOST);
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const url = `http://127.0.0.1:${port}`;
    logger.log(`Aftalerum is ready on ${url}`);
    return {
      app,
      port,
      url,
      databaseUrl,
      async close() {
        await app.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await created?.close().catch(() => undefined);
    await embedded?.stop();
    throw error;
  }
}
