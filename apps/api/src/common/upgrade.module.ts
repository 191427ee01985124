import { Module } from '@nestjs/common';
import { UpgradeDispatcher } from './upgrade-dispatcher';

/** The one `upgrade` listener of the HTTP server, shared by /collab and GraphQL subscriptions. */
@Module({
  providers: [{ provide: UpgradeDispatcher, useValue: new UpgradeDispatcher() }],
  exports: [UpgradeDispatcher],
})
export class UpgradeModule {}
