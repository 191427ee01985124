import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { ScopedData } from '../access/scoped-data';
import { AgreementsService } from '../agreements/agreements.service';
import { Agreement } from '../agreements/agreement.entity';
import { CurrentUser, RequestId } from '../auth/decorators';
import { TOPICS } from '../common/pub-sub';
import { LiveContext, SubscriptionAccess } from '../live/subscription-access';
import type { AuthUser } from '../users/auth-user';
import { DraftComment, DraftCommentStatus, DraftCommentThread, DraftCommentThreadEvent } from './draft-comment.entity';
import { DraftCommentsService } from './draft-comments.service';
import { CreateDraftCommentThreadInput, ReplyToDraftCommentThreadInput } from './dtos/draft-comment.inputs';

@Resolver(() => DraftCommentThread)
export class DraftCommentsResolver {
  constructor(
    private readonly service: DraftCommentsService,
    private readonly agreements: AgreementsService,
    private readonly live: SubscriptionAccess,
    private readonly scoped: ScopedData,
  ) {}

  @Query(() => [DraftCommentThread], { description: 'The comment threads on the live draft, open and resolved, oldest first.' })
  draftCommentThreads(@CurrentUser() user: AuthUser, @Args('agreementId', { type: () => ID }) agreementId: string): Promise<DraftCommentThread[]> {
    return this.service.threads(user, agreementId);
  }

  @Mutation(() => DraftCommentThread, { description: 'Opens a thread on a selection of the live draft with its first comment.' })
  createDraftCommentThread(@CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Args('input') input: CreateDraftCommentThreadInput): Promise<DraftCommentThread> {
    return this.service.create(user, input, requestId);
  }

  @Mutation(() => DraftCommentThread, { description: 'Answers a thread (resolved threads too).' })
  replyToDraftCommentThread(@CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Args('input') input: ReplyToDraftCommentThreadInput): Promise<DraftCommentThread> {
    return this.service.reply(user, input, requestId);
  }

  @Mutation(() => DraftCommentThread, { description: 'Marks an open thread as resolved (CONFLICT when it already is).' })
  resolveDraftCommentThread(@CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Args('threadId', { type: () => ID }) threadId: string): Promise<DraftCommentThread> {
    return this.service.setStatus(user, threadId, DraftCommentStatus.RESOLVED, requestId);
  }

  @Mutation(() => DraftCommentThread, { description: 'Opens a resolved thread again (CONFLICT when it is open).' })
  reopenDraftCommentThread(@CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Args('threadId', { type: () => ID }) threadId: string): Promise<DraftCommentThread> {
    return this.service.setStatus(user, threadId, DraftCommentStatus.OPEN, requestId);
  }

  @Subscription(() => DraftCommentThreadEvent, { description: 'Each thread opened, answered, resolved or reopened on the agreement’s draft (on any instance).' })
  draftCommentThreadChanged(@Context() context: LiveContext, @Args('agreementId', { type: () => ID }) agreementId: string) {
    return this.live.follow<Agreement>(context, TOPICS.draftComments(agreementId), {
      target: () => this.agreements.findById(agreementId),
      what: 'Aftalen',
      // draftCommentThreads' rule: whoever may read the draft.
      mayFollow: (user, agreement) => this.scoped.may(user, 'draftComments', agreement.id),
      refusal: 'Du har ikke adgang til kommentarerne.',
    });
  }

  @ResolveField(() => [DraftComment], { description: 'The first comment and the replies, in order.' })
  async comments(@Parent() thread: DraftCommentThread): Promise<DraftComment[]> {
    return (await this.service.commentsOf([thread.id])).get(thread.id) ?? [];
  }
}
