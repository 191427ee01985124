import { Redis, type Configuration } from '@hocuspocus/extension-redis';
import type { onStoreDocumentPayload } from '@hocuspocus/server';
import { Logger } from '@nestjs/common';

/**
 * Hocuspocus's Redis extension, for several instances, with one change: a Redis fault while
 * storing does not escape the store hook. The extension takes a lock so that only one instance
 * stores a document at a time, and stops the chain with a message-less error when another
 * instance holds it (Hocuspocus treats that as silent). Any other error (Redis down, a timeout)
 * would reject Hocuspocus's debounced store with nobody to catch it, and end the process. Then
 * this instance stores without the lock: the store merges under a row lock, so storing twice
 * loses nothing, and every acknowledged edit is in the update log in any case.
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
      if (error instanceof Error && error.message === '') throw error;
      this.logger.error(`Redis lock for storing ${payload.documentName} failed (${(error as Error).message}); storing without it`);
    }
  }
}
