import { Global, Module } from '@nestjs/common';
import { CollaborationService } from './collaboration.service';
import { CollaborationTokenResolver } from './collaboration-token.resolver';
import { CollaborationTokenService } from './collaboration-token.service';
import { DraftAccessService } from './draft-access.service';
import { DraftStoreService } from './draft-store.service';
import { AuthenticationExtension } from './extensions/authentication.extension';
import { PersistenceExtension } from './extensions/persistence.extension';
import { WriteAccessExtension } from './extensions/write-access.extension';
import { UpgradeDispatcher } from './upgrade-dispatcher';

@Global()
@Module({
  providers: [
    { provide: UpgradeDispatcher, useValue: new UpgradeDispatcher() },
    DraftStoreService,
    DraftAccessService,
    CollaborationTokenService,
    CollaborationTokenResolver,
    AuthenticationExtension,
    WriteAccessExtension,
    PersistenceExtension,
    CollaborationService,
  ],
  exports: [CollaborationService, DraftStoreService, DraftAccessService, UpgradeDispatcher],
})
export class CollaborationModule {}
