import { existsSync } from 'node:fs';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { DomainError, ErrorCode } from '../common/domain-error';

/**
 * How much a worker parsing one untrusted document may use. Reading a real 20 MB Word
 * document with mammoth peaks at about 150 MB of heap; past the limits the worker is
 * terminated, never the server.
 */
export interface WorkerLimits {
  /** V8's old generation, where a parsed document lives. */
  maxOldGenerationSizeMb: number;
  maxYoungGenerationSizeMb: number;
  /** Wall time from start to answer, loading the code included. */
  timeoutMs: number;
}

export const DOCUMENT_WORKER_LIMITS: WorkerLimits = Object.freeze({
  maxOldGenerationSizeMb: 384,
  maxYoungGenerationSizeMb: 32,
  timeoutMs: 25_000,
});

/** At most this many documents are parsed at once, so uploads together stay within a known memory. */
const MAX_CONCURRENT_WORKERS = 2;

export type WorkerFailure = 'MEMORY' | 'TIME' | 'CRASH';

/** The worker ran out of memory or time, or died: the document, not the server, is the problem. */
export class WorkerLimitError extends Error {
  constructor(
    readonly kind: WorkerFailure,
    message: string,
  ) {
    super(message);
    this.name = 'WorkerLimitError';
  }
}

type WorkerReply<O> =
  | { ok: true; value: O }
  | { ok: false; domain: { code: ErrorCode; message: string } }
  | { ok: false; error: { name: string; message: string; stack?: string } };

/**
 * Runs in TypeScript sources (ts-jest, tests): compiles each `.ts` file the worker loads with
 * the TypeScript compiler (a dev dependency, present wherever the sources are) with the
 * options of tsconfig.base.json that change the emitted code. The built server never takes
 * this path: it runs the compiled `.js` next to this file.
 */
const TS_BOOTSTRAP = `
const fs = require('node:fs');
const ts = require(require.resolve('typescript', { paths: [process.cwd(), ${JSON.stringify(__dirname)}] }));
require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      useDefineForClassFields: false,
      inlineSourceMap: true,
    },
  });
  module._compile(outputText, filename);
};
require(require('node:worker_threads').workerData.entry);
`;

/**
 * The worker for `entry` (a path without extension): the compiled `entry.js` when there is
 * one (the built server, dist/api/…), else `entry.ts` through {@link TS_BOOTSTRAP} (tests run
 * from the sources, where no `.js` lies beside the `.ts`).
 */
function startWorker(entry: string, input: unknown, limits: WorkerLimits): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: limits.maxYoungGenerationSizeMb };
  if (existsSync(`${entry}.js`)) return new Worker(`${entry}.js`, { workerData: { input }, resourceLimits });
  if (existsSync(`${entry}.ts`)) return new Worker(TS_BOOTSTRAP, { eval: true, workerData: { input, entry: `${entry}.ts` }, resourceLimits });
  throw new Error(`No worker at ${entry}.js or ${entry}.ts`);
}

let running = 0;
const waiting: Array<() => void> = [];

async function slot(): Promise<() => void> {
  if (running >= MAX_CONCURRENT_WORKERS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

/**
 * Runs one task in a fresh worker thread with its own heap limits and a deadline, and gives
 * back what the worker's {@link serveTask} handler returned. A DomainError thrown there is
 * thrown here; a worker out of memory or time is terminated and rejects with
 * {@link WorkerLimitError}.
 */
export async function runInWorker<I, O>(entry: string, input: I, limits: WorkerLimits = DOCUMENT_WORKER_LIMITS): Promise<O> {
  const release = await slot();
  try {
    return await new Promise<O>((resolve, reject) => {
      const worker = startWorker(entry, input, limits);
      let settled = false;
      const settle = (done: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        done();
      };
      const timer = setTimeout(() => {
        settle(() => reject(new WorkerLimitError('TIME', `worker ${entry} took more than ${limits.timeoutMs} ms`)));
        void worker.terminate();
      }, limits.timeoutMs);
      worker.once('message', (reply: WorkerReply<O>) => {
        settle(() => {
          if (reply.ok) resolve(reply.value);
          else if ('domain' in reply) reject(new DomainError(reply.domain.code, reply.domain.message));
          else reject(Object.assign(new Error(reply.error.message), { name: reply.error.name, stack: reply.error.stack }));
        });
        void worker.terminate();
      });
      worker.once('error', (error: Error & { code?: string }) => {
        const kind: WorkerFailure = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'MEMORY' : 'CRASH';
        settle(() => reject(new WorkerLimitError(kind, `worker ${entry}: ${error.message}`)));
      });
      worker.once('exit', (code) => settle(() => reject(new WorkerLimitError('CRASH', `worker ${entry} exited with code ${code} without answering`))));
    });
  } finally {
    release();
  }
}

/** In a worker's entry file: answers the task from {@link runInWorker} with `handler`. */
export function serveTask<I, O>(handler: (input: I) => Promise<O>): void {
  const port = parentPort;
  if (!port) throw new Error('serveTask runs only in a worker thread');
  const { input } = workerData as { input: I };
  handler(input).then(
    (value) => port.postMessage({ ok: true, value } satisfies WorkerReply<O>),
    (error: unknown) => {
      const reply: WorkerReply<O> =
        error instanceof DomainError
          ? { ok: false, domain: { code: error.code, message: error.message } }
          : { ok: false, error: { name: (error as Error)?.name ?? 'Error', message: (error as Error)?.message ?? String(error), stack: (error as Error)?.stack } };
      port.postMessage(reply);
    },
  );
}
