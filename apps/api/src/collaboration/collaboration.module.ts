import { Global, Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { DraftsModule } from '../drafts/drafts.module';
import { CollaborationService } from './collaboration.service';
import { CollaborationTokenResolver } from './collaboration-token.resolver';
import { CollaborationTokenService } from './collaboration-token.service';
import { DraftAccessService } from './draft-access.service';
import { AuthenticationExtension } from './extensions/authentication.extension';
import { PersistenceExtension } from './extensions/persistence.extension';
import { WriteAccessExtension } from './extensions/write-access.extension';
import { UpgradeDispatcher } from './upgrade-dispatcher';

@Global()
@Module({
  imports: [AccessModule, DraftsModule],
  providers: [
    { provide: UpgradeDispatcher, useValue: new UpgradeDispatcher() },
    DraftAccessService,
    CollaborationTokenService,
    CollaborationTokenResolver,
    AuthenticationExtension,
    WriteAccessExtension,
    PersistenceExtension,
    CollaborationService,
  ],
  exports: [CollaborationService, DraftAccessService, UpgradeDispatcher],
})
export class CollaborationModule {}
