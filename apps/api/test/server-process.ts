import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../src/database/embedded-database';

export const MAIN = path.resolve(__dirname, '../../../dist/api/apps/api/src/main.js');

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Sends a signal and waits for the process to end; resolves with its exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs the built server (what `npm start` runs) as its own process and waits for /health. */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'log', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${output}`);
    const healthy = await fetch(`${url}/health`).then((r) => r.ok, () => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server did not become healthy in ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}

export interface OwnPostgres {
  /** The application's connection (the role that owns its database, no superuser). */
  url: string;
  /** The superuser's connection, for what only it may do (ALTER SYSTEM). */
  adminUrl: string;
  /** Stops PostgreSQL (a clean, fast shutdown) and waits until it is gone. */
  stop(): Promise<void>;
}

/**
 * A PostgreSQL of the test's own (the built embedded-cli), in `dataDir` on `port`; start it
 * again with the same arguments after `stop()` to restart it with the same data. Fault tests
 * use it so that stopping or reconfiguring it cannot disturb the cluster other tests share.
 */
export function startOwnPostgres(dataDir: string, port: number): Promise<OwnPostgres> {
  const cli = path.resolve(__dirname, '../../../dist/api/apps/api/src/database/embedded-cli.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, dataDir, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /READY (\S+) (\S+)/.exec(out);
      if (ready) {
        resolve({
          url: ready[1],
          adminUrl: ready[2],
          async stop() {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await exited;
          },
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`PostgreSQL exited with ${code}: ${out}`)));
  });
}
