import { Redis, type Configuration } from '@hocuspocus/extension-redis';
import type { onStoreDocumentPayload } from '@hocuspocus/server';
import { Logger } from '@nestjs/common';

/** The error Hocuspocus's hooks throw to stop the chain on purpose (`@hocuspocus/common`), known by its name. */
export const isSkipFurtherHooks = (error: unknown): boolean => error instanceof Error && error.name === 'SkipFurtherHooksError';

/**
 * Hocuspocus's Redis extension, for several instances, with one change: a Redis fault while
 * storing does not stop the store. The extension takes a lock so that only one instance
 * stores a document at a time, and stops the chain with a SkipFurtherHooksError when another
 * instance holds it (Hocuspocus treats that as done). Any other error (Redis down, a timeout)
 * would stop the chain before the persistence extension, so nothing would be stored while
 * Redis is down. Then this instance stores without the lock: the store merges under a row
 * lock, so storing twice loses nothing, and every acknowledged edit is in the update log in any case.
 */
export class SafeRedisExtension extends Redis {
  private readonly logger = new Logger('CollaborationRedis');

  constructor(configuration: Partial<Configuration>) {
    super(configuration);
  }

  override async onStoreDocument(payload: onStoreDocumentPayload): Promise<void> {
    try {
      await super.onStoreDocument(payload);
    } catch (error) {
      if (isSkipFurtherHooks(error)) throw error;
      this.logger.error(`Redis lock for storing ${payload.documentName} failed (${(error as Error).message}); storing without it`);
    }
  }
}
