import { Inject, Injectable } from '@nestjs/common';
import { PubSubEngine } from 'graphql-subscriptions';
import type { AuthUser } from '../users/auth-user';
import type { RequestWithUser } from '../auth/request-with-user';
import { SESSION_EXPIRED_MESSAGE } from '../auth/auth.guard';
import { AuthService } from '../auth/auth.service';
import { forbidden, notFound, unauthenticated } from '../common/domain-error';
import { PUB_SUB } from '../common/pub-sub';

/**
 * Who may follow a stream, in the words of the query that reads the same data: the
 * subscription asks the query's own policy check, never one of its own.
 */
export interface LiveAccessRule<TTarget> {
  /** What is followed (a hearing, an agreement), looked up once when subscribing; null: none. */
  target(): Promise<TTarget | null>;
  /** Its name in the NOT_FOUND answer, e.g. 'Høringen'. */
  what: string;
  /**
   * The read check of the matching query (e.g. "may read every response of this hearing").
   * Asked when subscribing, and again before each event with the user re-loaded, since a role
   * or an organisation can change while a socket is open.
   */
  mayFollow(user: AuthUser, target: TTarget): boolean | Promise<boolean>;
  /** What a refused person reads (Danish). */
  refusal: string;
}

/** The GraphQL context of an operation: the request the guard put the user on. */
export interface LiveContext {
  req: RequestWithUser;
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * A topic's events behind two checks. `open` runs at once and gives the topic's iterator, or
 * throws the refusal: the stream's first step then throws, so graphql-ws ends the
 * subscription with an error message before any event. `recheck` runs before each event
 * and, by throwing, ends the stream before that event.
 *
 * A class rather than an async generator: return() must reach the topic's iterator at once
 * (a generator queues it behind the pending next(), keeping the topic subscribed until the
 * next event).
 */
export class FollowedStream<T> implements AsyncIterableIterator<T> {
  private source: AsyncIterator<T> | null = null;
  private closed = false;
  private readonly opened: Promise<void>;

  constructor(
    open: () => Promise<AsyncIterator<T>>,
    private readonly recheck: () => Promise<void>,
  ) {
    this.opened = open().then((source) => {
      if (this.closed) void source.return?.();
      else this.source = source;
    });
    // Observed by next(); a refusal before anyone asks must not be an unhandled rejection.
    this.opened.catch(() => undefined);
  }

  async next(): Promise<IteratorResult<T>> {
    await this.opened;
    if (this.closed || !this.source) return DONE;
    const step = await this.source.next();
    if (step.done || this.closed) return DONE;
    try {
      await this.recheck();
    } catch (error) {
      await this.return();
      throw error;
    }
    return step;
  }

  async return(): Promise<IteratorResult<T>> {
    this.closed = true;
    const source = this.source;
    this.source = null;
    await source?.return?.();
    return DONE;
  }

  async throw(error: unknown): Promise<IteratorResult<T>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}

/**
 * The one place subscriptions are opened, each under the policy check of its query: refused
 * when subscribing with FORBIDDEN (NOT_FOUND for nothing to follow) before any event, and
 * checked again before each event with the user as their token says now.
 */
@Injectable()
export class SubscriptionAccess {
  constructor(
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
    private readonly auth: AuthService,
  ) {}

  /** Follows `topic` for the signed-in user of `context` under `rule`. */
  follow<TTarget>(context: LiveContext, topic: string, rule: LiveAccessRule<TTarget>): AsyncIterableIterator<unknown> {
    const request = context.req;
    const sessionId = request.session?.id ?? null;
    let target: TTarget | null = null;
    return new FollowedStream<unknown>(
      async () => {
        if (!request.user) throw unauthenticated();
        target = await rule.target();
        if (target === null) throw notFound(rule.what);
        if (!(await rule.mayFollow(request.user, target))) throw forbidden(rule.refusal);
        return this.pubSub.asyncIterableIterator<unknown>(topic);
      },
      async () => {
        // The session and the user's current row, read again (no cache): a session that was
        // ended (signed out, a changed role or organisation, a closed account) ends the stream.
        const user = sessionId ? (await this.auth.session(sessionId))?.user : null;
        if (!user) throw unauthenticated(SESSION_EXPIRED_MESSAGE);
        if (!(await rule.mayFollow(user, target as TTarget))) throw forbidden(rule.refusal);
      },
    );
  }
}
