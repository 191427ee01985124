import { PubSubEngine, PubSub } from 'graphql-subscriptions';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import Redis from 'ioredis';

export const PUB_SUB = Symbol('PUB_SUB');

/** Events the secretariat's screens listen to. */
export const TOPICS = {
  hearingResponse: (hearingId: string) => `hearing-response:${hearingId}`,
  clusterInput: (agreementId: string) => `cluster-input:${agreementId}`,
  approval: (agreementId: string) => `approval:${agreementId}`,
};

/**
 * Publish/subscribe for GraphQL subscriptions: in memory for one instance, through Redis
 * when REDIS_URL is set, so an event on one instance reaches subscribers on every instance.
 */
export function createPubSub(redisUrl: string | undefined): { pubSub: PubSubEngine; close(): Promise<void> } {
  if (!redisUrl) return { pubSub: new PubSub(), close: async () => undefined };
  const options = { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false };
  const publisher = new Redis(redisUrl, options);
  const subscriber = new Redis(redisUrl, options);
  const pubSub = new RedisPubSub({ publisher, subscriber });
  return {
    pubSub,
    close: async () => {
      await pubSub.close();
    },
  };
}
