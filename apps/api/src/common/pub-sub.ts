import { PubSubEngine, PubSub } from 'graphql-subscriptions';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import Redis from 'ioredis';

export const PUB_SUB = Symbol('PUB_SUB');

/** Events the secretariat's screens listen to. */
export const TOPICS = {
  hearingResponse: (hearingId: string) => `hearing-response:${hearingId}`,
  clusterInput: (agreementId: string) => `cluster-input:${agreementId}`,
  approval: (agreementId: string) => `approval:${agreementId}`,
  draftComments: (agreementId: string) => `draft-comments:${agreementId}`,
};

/** Redis pub/sub whose channels carry the deployment's prefix (Redis channels ignore the database number). */
class PrefixedRedisPubSub extends RedisPubSub {
  constructor(
    private readonly channelPrefix: string,
    options: ConstructorParameters<typeof RedisPubSub>[0],
  ) {
    super(options);
  }

  override publish<T>(trigger: string, payload: T): Promise<void> {
    return super.publish(this.channelPrefix + trigger, payload);
  }

  override subscribe<T>(trigger: string, onMessage: (message: T) => void, options?: unknown): Promise<number> {
    return super.subscribe<T>(this.channelPrefix + trigger, onMessage, options);
  }
}

/**
 * Publish/subscribe for GraphQL subscriptions: in memory for one instance, through Redis
 * when REDIS_URL is set, so an event on one instance reaches subscribers on every instance.
 */
export function createPubSub(redisUrl: string | undefined, prefix = 'aftalerum'): { pubSub: PubSubEngine; close(): Promise<void> } {
  if (!redisUrl) return { pubSub: new PubSub(), close: async () => undefined };
  const options = { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false };
  const publisher = new Redis(redisUrl, options);
  const subscriber = new Redis(redisUrl, options);
  const pubSub = new PrefixedRedisPubSub(`${prefix}:`, { publisher, subscriber });
  return {
    pubSub,
    close: async () => {
      await pubSub.close();
    },
  };
}
