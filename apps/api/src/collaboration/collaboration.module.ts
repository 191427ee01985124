import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AuthModule } from '../auth/auth.module';
import { PubSubModule } from '../common/pub-sub.module';
import { UpgradeModule } from '../common/upgrade.module';
import { DraftsModule } from '../drafts/drafts.module';
import { CollaborationService } from './collaboration.service';
import { CollaborationTokenResolver } from './collaboration-token.resolver';
import { CollaborationTokenService } from './collaboration-token.service';
import { DraftAccessService } from './draft-access.service';
import { AuthenticationExtension } from './extensions/authentication.extension';
import { PersistenceExtension } from './extensions/persistence.extension';
import { WriteAccessExtension } from './extensions/write-access.extension';

@Module({
  imports: [AccessModule, AuthModule, DraftsModule, PubSubModule, UpgradeModule],
  providers: [
    DraftAccessService,
    CollaborationTokenService,
    CollaborationTokenResolver,
    AuthenticationExtension,
    WriteAccessExtension,
    PersistenceExtension,
    CollaborationService,
  ],
  exports: [CollaborationService, DraftAccessService],
})
export class CollaborationModule {}
