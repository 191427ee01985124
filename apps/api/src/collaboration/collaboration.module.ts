import { Global, Module } from '@nestjs/common';
import { CollaborationService } from './collaboration.service';
import { DraftStoreService } from './draft-store.service';
import { AuthenticationExtension } from './extensions/authentication.extension';
import { PersistenceExtension } from './extensions/persistence.extension';
import { UpgradeDispatcher } from './upgrade-dispatcher';

@Global()
@Module({
  providers: [
    { provide: UpgradeDispatcher, useValue: new UpgradeDispatcher() },
    DraftStoreService,
    AuthenticationExtension,
    PersistenceExtension,
    CollaborationService,
  ],
  exports: [CollaborationService, DraftStoreService, UpgradeDispatcher],
})
export class CollaborationModule {}
