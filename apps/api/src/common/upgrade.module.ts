import { Module } from '@nestjs/common';
import { UpgradeDispatcher } from './upgrade-dispatcher';

/**
 * The one `upgrade` listener of the HTTP server, shared by /collab and GraphQL subscriptions.
 * Made per application (a factory, not a value made when this file loads): a second application
 * in the same process (a second instance, or the server that seeds the test template before the
 * test's own) gets its own listener on its own HTTP server, instead of finding the first one's
 * dispatcher attached already and accepting no WebSocket at all.
 */
@Module({
  providers: [{ provide: UpgradeDispatcher, useFactory: () => new UpgradeDispatcher() }],
  exports: [UpgradeDispatcher],
})
export class UpgradeModule {}
