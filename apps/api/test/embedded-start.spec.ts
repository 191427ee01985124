import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../src/database/embedded-database';
import { graphql } from './test-app';
import { MAIN, startServerProcess } from './server-process';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start on the embedded PostgreSQL', () => {
  it('starts with demo data, stops cleanly on SIGTERM and keeps the data on the next start', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'aftalerum-start-'));
    const env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) };

    const first = await startServerProcess(env, 120_000);
    const login = await graphql<{ login: { token: string } }>(
      first.url,
      'mutation { login(email: "sekretariat@aftalerum.test", password: "demo1234") { token } }',
    );
    const token = login.data?.login.token ?? '';
    expect(token).not.toBe('');
    const regions = await graphql<{ regions: Array<{ id: string; code: string }> }>(first.url, '{ regions { id code } }', {}, token);
    const regionH = regions.data?.regions.find((r) => r.code === 'H')?.id;
    const created = await graphql(
      first.url,
      'mutation($i: CreateAgreementInput!) { createAgreement(input: $i) { id } }',
      { i: { regionId: regionH, title: 'Sundhedsaftale 2028–2031', periodStart: 2028, periodEnd: 2031, effectiveDate: '2028-01-01' } },
      token,
    );
    expect(created.errors).toBeUndefined();
    const pgPid = Number((await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    expect(isAlive(pgPid)).toBe(true);

    expect(await first.stop('SIGTERM')).toBe(0);
    expect(first.output()).toMatch(/SIGTERM received; stopping/);
    expect(isAlive(pgPid)).toBe(false);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    const second = await startServerProcess(env, 60_000);
    try {
      const again = await graphql<{ login: { token: string } }>(
        second.url,
        'mutation { login(email: "sekretariat@aftalerum.test", password: "demo1234") { token } }',
      );
      // The token signed by the first run still works: the secret was kept in DATA_DIR.
      const list = await graphql<{ agreements: Array<{ title: string }> }>(second.url, '{ agreements { title } }', {}, token);
      expect(list.data?.agreements.map((a) => a.title).sort()).toEqual([
        'Sundhedsaftale 2024–2027 for Region Hovedstaden',
        'Sundhedsaftale 2028–2031',
      ]);
      expect(again.data?.login.token).toBeTruthy();
      expect(second.output()).not.toMatch(/Demo data seeded/);
      expect(second.output()).not.toMatch(/Creating a new PostgreSQL cluster/);
    } finally {
      expect(await second.stop('SIGINT')).toBe(0);
    }
  }, 240_000);

  it('stops with a message naming the variable when the configuration is bad', () => {
    const result = spawnSync(process.execPath, [MAIN], { env: { ...process.env, PORT: 'nine' }, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Ugyldig konfiguration:\n {2}PORT="nine"/);
  });
});
