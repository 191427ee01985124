import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { PubSubEngine } from 'graphql-subscriptions';
import { AppConfig } from '../config/app-config';
import { createPubSub, PUB_SUB } from './pub-sub';

const CLOSE = Symbol('PUB_SUB_CLOSE');

/** The one publish/subscribe engine (in memory, or Redis when REDIS_URL is set) of the instance. */
@Module({
  providers: [
    {
      provide: CLOSE,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => createPubSub(config.REDIS_URL, config.REDIS_PREFIX),
    },
    { provide: PUB_SUB, inject: [CLOSE], useFactory: (made: { pubSub: PubSubEngine }) => made.pubSub },
  ],
  exports: [PUB_SUB],
})
export class PubSubModule implements OnApplicationShutdown {
  constructor(@Inject(CLOSE) private readonly made: { close(): Promise<void> }) {}

  async onApplicationShutdown(): Promise<void> {
    await this.made.close();
  }
}
