import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { PubSubModule } from '../common/pub-sub.module';
import { UpgradeModule } from '../common/upgrade.module';
import { SubscriptionAccess } from './subscription-access';
import { SubscriptionServer } from './subscription-server';

/** GraphQL subscriptions over WebSocket (graphql-ws) at /graphql, on the instance's pub/sub. */
@Module({
  imports: [AuthModule, PubSubModule, UpgradeModule],
  providers: [SubscriptionServer, SubscriptionAccess],
  exports: [SubscriptionAccess],
})
export class LiveModule {}
