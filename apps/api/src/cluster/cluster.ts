import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import http, { IncomingMessage } from 'node:http';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { createProxyServer } from 'http-proxy-3';
import { ConfigError, loadConfig } from '../config/app-config';
import { EmbeddedDatabase, freePort, startEmbeddedDatabase } from '../database/embedded-database';
import { runMigrations } from '../database/migrate';

const MAIN = path.resolve(__dirname, '../main.js');

interface Instance {
  port: number;
  child: ChildProcess;
  alive: boolean;
}

/**
 * `npm run start:cluster`: the platform as several instances behind one port. The instances
 * share PostgreSQL (embedded unless DATABASE_URL) and Redis (REDIS_URL, default the local
 * one), and a small proxy spreads HTTP requests and WebSockets over them, skipping an
 * instance that does not answer.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', ...process.env });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const count = Number(process.env.INSTANCES ?? 2);
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedDatabase({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, database: 'aftalerum' });
    databaseUrl = embedded.url;
  }
  await runMigrations(databaseUrl);
  const secretFile = path.resolve(config.DATA_DIR, 'jwt-secret');
  let secret = config.JWT_SECRET;
  if (!secret) {
    await mkdir(path.dirname(secretFile), { recursive: true });
    if (!existsSync(secretFile)) await writeFile(secretFile, randomBytes(48).toString('base64url'), { mode: 0o600 });
    secret = (await readFile(secretFile, 'utf8')).trim();
  }

  const instances: Instance[] = [];
  for (let i = 0; i < count; i++) {
    const port = await freePort();
    const child = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        REDIS_URL: config.REDIS_URL,
        JWT_SECRET: secret,
        // Only the first instance seeds the demo, so two do not race on an empty database.
        DEMO_DATA: i === 0 ? String(config.DEMO_DATA ?? embedded !== null) : 'false',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const instance: Instance = { port, child, alive: true };
    child.on('exit', () => (instance.alive = false));
    instances.push(instance);
    await waitHealthy(port);
  }

  let next = 0;
  const targets = () => {
    const alive = instances.filter((i) => i.alive);
    const start = next++ % Math.max(1, alive.length);
    return [...alive.slice(start), ...alive.slice(0, start)];
  };
  const proxy = createProxyServer({ xfwd: true, ws: true });
  const forward = (req: IncomingMessage, attempt: (target: string, onError: (error: Error) => void) => void, fail: () => void) => {
    const order = targets();
    const tryAt = (index: number) => {
      if (index >= order.length) return fail();
      attempt(`http://127.0.0.1:${order[index].port}`, () => tryAt(index + 1));
    };
    tryAt(0);
  };
  const server = http.createServer((req, res) =>
    forward(
      req,
      (target, onError) => proxy.web(req, res, { target }, onError),
      () => {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: 'unavailable' }));
      },
    ),
  );
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) =>
    forward(
      req,
      (target, onError) => proxy.ws(req, socket, head, { target }, onError),
      () => socket.destroy(),
    ),
  );
  server.listen(config.PORT, config.HOST, () => {
    console.log(`CLUSTER ${JSON.stringify({ port: config.PORT, instances: instances.map((i) => ({ port: i.port, pid: i.child.pid })) })}`);
  });

  const stop = async () => {
    server.close();
    await Promise.all(
      instances.map((i) =>
        i.alive ? new Promise((resolve) => { i.child.once('exit', resolve); i.child.kill('SIGTERM'); }) : Promise.resolve(),
      ),
    );
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

async function waitHealthy(port: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`instance on port ${port} did not become healthy`);
}

void main().catch((error: Error) => {
  console.error(`The cluster could not start: ${error.message}`);
  process.exit(1);
});
