import type { onStoreDocumentPayload } from '@hocuspocus/server';
import { ExecutionError } from '@sesamecare-oss/redlock';
import * as Y from 'yjs';
import { SafeRedisExtension } from './redis.extension';

/** Real Redis on this machine (CI starts it); the lock service's answer is what each case varies. */
describe('SafeRedisExtension', () => {
  let extension: SafeRedisExtension;
  let acquire: () => Promise<unknown>;

  beforeAll(() => {
    extension = new SafeRedisExtension({ host: '127.0.0.1', port: 6379, prefix: 'aftalerum-spec', identifier: 'spec' });
    const lockService = (extension as unknown as { redlock: { acquire: () => Promise<unknown> } }).redlock;
    lockService.acquire = () => acquire();
  });
  afterAll(async () => {
    await extension.onDestroy();
  });

  const payload = { documentName: 'agreement:spec', document: new Y.Doc() } as unknown as onStoreDocumentPayload;

  it('lets the store go on without the lock when Redis fails, instead of rejecting', async () => {
    acquire = () => Promise.reject(new Error('Connection is closed.'));
    await expect(extension.onStoreDocument(payload)).resolves.toBeUndefined();
  });

  it('keeps the silent stop when another instance holds the lock', async () => {
    // What Redlock throws when the lock is taken.
    acquire = () => Promise.reject(new ExecutionError('The operation was unable to achieve a quorum during its retry window.', []));
    await expect(extension.onStoreDocument(payload)).rejects.toThrow(expect.objectContaining({ name: 'SkipFurtherHooksError' }));
  });
});
