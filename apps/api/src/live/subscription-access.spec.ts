import { EventEmitter } from 'node:events';
import { PubSub } from 'graphql-subscriptions';
import { forbidden } from '../common/domain-error';
import { FollowedStream } from './subscription-access';

/** Listeners on a topic of the in-memory PubSub: whether anyone is still subscribed. */
const listeners = (pubSub: PubSub, topic: string) => (pubSub as unknown as { ee: EventEmitter }).ee.listenerCount(topic);
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('FollowedStream', () => {
  it('ends before the event the re-check refuses, and lets go of the topic', async () => {
    const pubSub = new PubSub();
    let allowed = true;
    const stream = new FollowedStream(async () => pubSub.asyncIterableIterator<{ n: number }>('t'), async () => {
      if (!allowed) throw forbidden('Ikke længere.');
    });
    const first = stream.next();
    await settle();
    await pubSub.publish('t', { n: 1 });
    expect(await first).toEqual({ done: false, value: { n: 1 } });
    allowed = false;
    const second = stream.next();
    await pubSub.publish('t', { n: 2 });
    await expect(second).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(listeners(pubSub, 't')).toBe(0);
  });

  it('lets go of the topic at once when the client leaves while waiting for an event', async () => {
    const pubSub = new PubSub();
    const stream = new FollowedStream(async () => pubSub.asyncIterableIterator('t'), async () => undefined);
    const waiting = stream.next();
    await settle();
    expect(listeners(pubSub, 't')).toBe(1);
    await stream.return();
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(listeners(pubSub, 't')).toBe(0);
  });
});
