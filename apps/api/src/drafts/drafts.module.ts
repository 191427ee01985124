import { Module } from '@nestjs/common';
import { DraftStoreService } from './draft-store.service';
import { LiveDrafts } from './live-drafts';

/** The live draft: its entity, Yjs codec, durable update log and store, and the live documents. */
@Module({
  providers: [DraftStoreService, LiveDrafts],
  exports: [DraftStoreService, LiveDrafts],
})
export class DraftsModule {}
