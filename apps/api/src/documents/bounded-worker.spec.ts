import path from 'node:path';
import { DomainError } from '../common/domain-error';
import type { Misbehaviour } from '../../test/workers/misbehaving.worker';
import { runInWorker, WorkerLimitError } from './bounded-worker';

const WORKER = path.join(__dirname, '../../test/workers/misbehaving.worker');
const limits = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16, timeoutMs: 10_000 };
const run = (mode: Misbehaviour, overrides: Partial<typeof limits> = {}) => runInWorker(WORKER, { mode, value: 'Fælles' }, { ...limits, ...overrides });

describe('runInWorker', () => {
  it('gives back what the worker answers', async () => {
    await expect(run('echo')).resolves.toEqual({ echoed: 'Fælles' });
  });

  it('passes a refusal from the worker on as the same domain error', async () => {
    const error = await run('refuse').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', message: 'Word-dokumentet er tomt.' });
  });

  it('passes any other error on as an error, not as a refusal', async () => {
    const error = await run('fail').catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ name: 'TypeError', message: 'parser bug' });
  });

  it('terminates a worker that runs out of its heap, and the process lives on', async () => {
    const before = process.memoryUsage().heapUsed;
    const error = await run('hog-memory').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerLimitError);
    expect(error).toMatchObject({ kind: 'MEMORY' });
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
    await expect(run('echo')).resolves.toEqual({ echoed: 'Fælles' });
  });

  it('terminates a worker that takes too long', async () => {
    const started = Date.now();
    await expect(run('spin', { timeoutMs: 1_500 })).rejects.toMatchObject({ kind: 'TIME' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reports a worker that exits without answering', async () => {
    await expect(run('exit')).rejects.toMatchObject({ kind: 'CRASH' });
  });
});
