import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { PubSubEngine } from 'graphql-subscriptions';
import { AppConfig } from '../config/app-config';
import { createPubSub, PUB_SUB } from './pub-sub';
import { SubscriptionAccess } from './subscription-access';
import { SubscriptionServer } from './subscription-server';

const CLOSE = Symbol('PUB_SUB_CLOSE');

@Global()
@Module({
  providers: [
    {
      provide: CLOSE,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => createPubSub(config.REDIS_URL, config.REDIS_PREFIX),
    },
    { provide: PUB_SUB, inject: [CLOSE], useFactory: (made: { pubSub: PubSubEngine }) => made.pubSub },
    SubscriptionServer,
    SubscriptionAccess,
  ],
  exports: [PUB_SUB, SubscriptionAccess],
})
export class LiveModule implements OnApplicationShutdown {
  constructor(@Inject(CLOSE) private readonly made: { close(): Promise<void> }) {}

  async onApplicationShutdown(): Promise<void> {
    await this.made.close();
  }
}
