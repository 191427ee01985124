#!/usr/bin/env node
// Measures the time from `npm start` to a healthy /health, on a fresh and on an existing
// DATA_DIR (goal: under 10 s and under 4 s once built). Prints the figures; asserts nothing.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function timeToHealthy(command, args, env) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NX_DAEMON: 'false', NX_TUI: 'false' },
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
      if (ok) return performance.now() - started;
      if (performance.now() - started > 120_000) throw new Error('not healthy after 120 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    await exited;
    await new Promise((r) => setTimeout(r, 500));
  }
}

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return `min ${(sorted[0] / 1000).toFixed(2)} s, median ${(sorted[Math.floor(sorted.length / 2)] / 1000).toFixed(2)} s, mean ${(mean / 1000).toFixed(2)} s`;
};

console.log('Building once (npm start reuses the cached build)…');
const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static'], { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
if (build.status !== 0) process.exit(build.status ?? 1);

for (const [label, command, args] of [
  ['npm start', 'npm', ['start']],
  ['node dist/api/apps/api/src/main.js (no Nx)', process.execPath, ['dist/api/apps/api/src/main.js']],
]) {
  const fresh = [];
  const existing = [];
  for (let i = 0; i < runs; i++) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'aftalerum-bench-'));
    const env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) };
    fresh.push(await timeToHealthy(command, args, env));
    existing.push(await timeToHealthy(command, args, env));
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`\n${label}, ${runs} runs each`);
  console.log(`  fresh DATA_DIR    (initdb, migrations, demo): ${stats(fresh)}   goal < 10 s`);
  console.log(`  existing DATA_DIR                         : ${stats(existing)}   goal < 4 s`);
}
