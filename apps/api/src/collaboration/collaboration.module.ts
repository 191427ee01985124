import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { PubSubModule } from '../common/pub-sub.module';
import { UpgradeModule } from '../common/upgrade.module';
import { CollaborationService } from './collaboration.service';
import { CollaborationTokenResolver } from './collaboration-token.resolver';
import { CollaborationTokenService } from './collaboration-token.service';
import { DraftAccessService } from './draft-access.service';
import { DraftStoreService } from './draft-store.service';
import { AuthenticationExtension } from './extensions/authentication.extension';
import { PersistenceExtension } from './extensions/persistence.extension';
import { WriteAccessExtension } from './extensions/write-access.extension';

@Module({
  imports: [AuthModule, PubSubModule, UpgradeModule],
  providers: [
    DraftStoreService,
    DraftAccessService,
    CollaborationTokenService,
    CollaborationTokenResolver,
    AuthenticationExtension,
    WriteAccessExtension,
    PersistenceExtension,
    CollaborationService,
  ],
  exports: [CollaborationService, DraftStoreService, DraftAccessService],
})
export class CollaborationModule {}
