import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { TOPICS } from '../common/pub-sub';
import { LiveContext, SubscriptionAccess } from '../live/subscription-access';
import { AgreementVersion } from '../agreements/agreement-version.entity';
import { Agreement } from '../agreements/agreement.entity';
import type { AuthUser } from '../users/auth-user';
import { CurrentUser, OpenToInvitationAccounts, RequestId, Roles } from '../auth/decorators';
import { Role } from '../users/role.enum';
import { forbidden } from '../common/domain-error';
import { OrganisationKind } from '../organisations/organisation-kind.enum';
import { Organisation } from '../organisations/organisation.entity';
import { ExtendHearingDeadlineInput, OpenHearingInput } from './dtos/open-hearing.input';
import { PublishHearingMemoInput, ReplyInput, ResponseReplyInput } from './dtos/reply.input';
import { Attachment } from './attachment.entity';
import { SaveHearingDraftInput, SubmitHearingResponseInput } from './dtos/submit-hearing-response.input';
import {
  BlockCommentCount,
  HearingDeadlineChange,
  HearingInvitation,
  HearingMemo,
} from './dtos/hearing-types';
import { CommentOutcome, HearingComment } from './hearing-comment.entity';
import { HearingMemoService } from './hearing-memo.service';
import { memoHtml } from '../documents/html/memo';
import { HearingResponse } from './hearing-response.entity';
import { Hearing, hearingStatus, HearingStatus } from './hearing.entity';
import { HearingsService } from './hearings.service';
import { CommentFacets, CommentFilterInput, HearingCommentConnection } from './dtos/comment-connection';
import { HearingCommentsService, LoadedComment } from './hearing-comments.service';

@Resolver(() => Hearing)
export class HearingsResolver {
  constructor(
    private readonly hearings: HearingsService,
    private readonly memo: HearingMemoService,
    private readonly live: SubscriptionAccess,
    private readonly commentPages: HearingCommentsService,
  ) {}

  @OpenToInvitationAccounts()
  @Query(() => Hearing, { nullable: true })
  hearing(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<Hearing | null> {
    return this.hearings.getReadable(user, id);
  }

  @Roles(Role.SECRETARIAT)
  @Mutation(() => Hearing, { description: 'Opens a hearing on a frozen version; its status then follows the clock.' })
  openHearing(@CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Args('input') input: OpenHearingInput): Promise<Hearing> {
    return this.hearings.open(user, input, requestId);
  }

  @Roles(Role.SECRETARIAT)
  @Mutation(() => Hearing)
  extendHearingDeadline(@CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Args('input') input: ExtendHearingDeadlineInput): Promise<Hearing> {
    return this.hearings.extendDeadline(user, input, requestId);
  }

  @Roles(Role.SECRETARIAT)
  @Mutation(() => HearingInvitation, { description: 'Withdraws an invitation link: it stops working at once. The organisation stays invited.' })
  withdrawHearingInvitation(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Args('invitationId', { type: () => ID }) invitationId: string,
  ): Promise<HearingInvitation> {
    return this.hearings.withdrawInvitation(user, invitationId, requestId);
  }

  @Roles(Role.SECRETARIAT)
  @Mutation(() => HearingInvitation, { description: 'Issues a new link for an invitation (also a withdrawn one); every earlier link stops working.' })
  reissueHearingInvitation(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Args('invitationId', { type: () => ID }) invitationId: string,
  ): Promise<HearingInvitation> {
    return this.hearings.reissueInvitation(user, invitationId, requestId);
  }

  @OpenToInvitationAccounts()
  @Mutation(() => HearingResponse, { description: 'Files a response on behalf of the organisation; the same idempotencyKey returns the same receipt.' })
  submitHearingResponse(@CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Args('input') input: SubmitHearingResponseInput): Promise<HearingResponse> {
    return this.hearings.submit(user, input, requestId);
  }

  @Roles(Role.SECRETARIAT)
  @Mutation(() => HearingResponse, { description: 'Registers a response received outside the platform or after the deadline; flagged late.' })
  registerLateHearingResponse(@CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Args('input') input: SubmitHearingResponseInput): Promise<HearingResponse> {
    return this.hearings.submit(user, input, requestId, { late: true });
  }

  @OpenToInvitationAccounts()
  @Mutation(() => Date, { description: 'Saves the response being written (autosave); returns when it was saved.' })
  saveHearingResponseDraft(@CurrentUser() user: AuthUser, @Args('input') input: SaveHearingDraftInput): Promise<Date> {
    return this.hearings.saveDraft(user, input.hearingId, input.organisationId, input.content);
  }

  @Roles(Role.SECRETARIAT)
  @Mutation(() => HearingComment)
  replyToHearingComment(@CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Args('input') input: ReplyInput): Promise<HearingComment> {
    return this.hearings.reply(user, input, requestId);
  }

  @Roles(Role.SECRETARIAT)
  @Mutation(() => HearingResponse, { description: 'Answers a response’s general remarks (its summary) with a reply and an outcome; shown in processing and the memo.' })
  replyToHearingResponse(@CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Args('input') input: ResponseReplyInput): Promise<HearingResponse> {
    return this.hearings.replyToResponse(user, input, requestId);
  }

  @Roles(Role.SECRETARIAT)
  @Mutation(() => Hearing, { description: 'Publishes the memo, with the secretariat’s replies, on the public hearing page (once the hearing has closed).' })
  publishHearingMemo(@CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Args('input') input: PublishHearingMemoInput): Promise<Hearing> {
    return this.hearings.publishMemo(user, input, requestId);
  }

  @Roles(Role.SECRETARIAT)
  @Query(() => HearingMemo, { description: 'The hearing memo (høringsnotat) generated from the replies.' })
  async hearingMemo(
    @CurrentUser() user: AuthUser,
    @Args('hearingId', { type: () => ID }) hearingId: string,
    @Args('compareWithVersionId', { type: () => ID, nullable: true, description: 'Default: the latest version someone named after the hearing draft.' })
    compareWithVersionId?: string | null,
  ): Promise<HearingMemo> {
    const hearing = await this.hearings.getOrFail(hearingId);
    await this.hearings.requireManage(user, hearing);
    const model = await this.memo.model(hearing, { compareWithVersionId });
    const query = compareWithVersionId ? `?compareWith=${encodeURIComponent(compareWithVersionId)}` : '';
    return {
      html: memoHtml(model),
      docxUrl: `/files/hearings/${hearing.id}/memo.docx${query}`,
      pdfUrl: `/files/hearings/${hearing.id}/memo.pdf${query}`,
      comparedWith: model.comparedWith,
      comparedVersionId: model.comparedVersionId,
    };
  }

  @Roles(Role.SECRETARIAT)
  @Subscription(() => HearingResponse, {
    description: 'Each new response to the hearing, as it arrives (on any instance).',
    resolve: (payload: { hearingResponseReceived: HearingResponse }) => ({
      ...payload.hearingResponseReceived,
      receivedAt: new Date(payload.hearingResponseReceived.receivedAt),
    }),
  })
  hearingResponseReceived(@Context() context: LiveContext, @Args('hearingId', { type: () => ID }) hearingId: string) {
    return this.live.follow<Hearing>(context, TOPICS.hearingResponse(hearingId), {
      target: () => this.hearings.get(hearingId),
      what: 'Høringen',
      // Hearing.responses' rule: every response only for those who may process the hearing.
      mayFollow: (user, hearing) => this.hearings.canManage(user, hearing),
      refusal: 'Kun sekretariatet for aftalen kan følge høringssvarene.',
    });
  }

  @ResolveField(() => Int, { description: 'Responses received so far.' })
  responseCount(@Parent() hearing: Hearing): Promise<number> {
    return this.hearings.responseCount(hearing.id);
  }

  @ResolveField(() => HearingStatus)
  status(@Parent() hearing: Hearing): HearingStatus {
    return hearingStatus(hearing);
  }

  @ResolveField(() => AgreementVersion)
  version(@Parent() hearing: Hearing): Promise<AgreementVersion | null> {
    return this.hearings.version(hearing);
  }

  @ResolveField(() => [HearingResponse], { description: 'All responses for the secretariat; your own organisation’s otherwise.' })
  responses(@Parent() hearing: Hearing, @CurrentUser() user: AuthUser): Promise<HearingResponse[]> {
    return this.hearings.responses(user, hearing);
  }

  @ResolveField(() => [HearingInvitation], { description: 'Invitations with their links (secretariat only).' })
  async invitations(@Parent() hearing: Hearing, @CurrentUser() user: AuthUser): Promise<HearingInvitation[]> {
    if (!(await this.hearings.canManage(user, hearing))) throw forbidden('Kun sekretariatet kan se invitationerne.');
    return this.hearings.invitations(hearing.id);
  }

  @ResolveField(() => [HearingDeadlineChange])
  deadlineChanges(@Parent() hearing: Hearing): Promise<HearingDeadlineChange[]> {
    return this.hearings.deadlineChanges(hearing.id);
  }

  @ResolveField(() => [BlockCommentCount], { description: 'Comments per block of the hearing draft (the heat map).' })
  async blockCommentCounts(@Parent() hearing: Hearing, @CurrentUser() user: AuthUser): Promise<BlockCommentCount[]> {
    await this.hearings.requireManage(user, hearing);
    return this.hearings.blockCounts(hearing.id);
  }

  @ResolveField(() => [HearingComment], { description: 'Every comment, filtered; search uses Danish full-text search.' })
  async comments(
    @Parent() hearing: Hearing,
    @CurrentUser() user: AuthUser,
    @Args('organisationId', { type: () => ID, nullable: true }) organisationId?: string,
    @Args('kind', { type: () => OrganisationKind, nullable: true }) kind?: OrganisationKind,
    @Args('outcome', { type: () => CommentOutcome, nullable: true }) outcome?: CommentOutcome,
    @Args('unanswered', { nullable: true }) unanswered?: boolean,
    @Args('search', { nullable: true }) search?: string,
  ): Promise<HearingComment[]> {
    await this.hearings.requireManage(user, hearing);
    return this.hearings.comments(hearing.id, { organisationId, kind, outcome, unanswered, search });
  }

  @ResolveField(() => HearingCommentConnection, {
    description: 'The comments a page at a time, in the order received, filtered; the secretariat sees every comment, an invited organisation its own.',
  })
  async commentConnection(
    @Parent() hearing: Hearing,
    @CurrentUser() user: AuthUser,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
    @Args('filter', { type: () => CommentFilterInput, nullable: true }) filter?: CommentFilterInput | null,
  ): Promise<HearingCommentConnection> {
    return this.commentPages.page(await this.commentPages.scope(user, hearing, filter), first, after);
  }

  @ResolveField(() => String, { nullable: true, description: 'Your saved draft response (JSON), if any.' })
  myDraft(@Parent() hearing: Hearing, @CurrentUser() user: AuthUser): Promise<string | null> {
    return this.hearings.loadDraft(user, hearing.id);
  }

  @ResolveField(() => HearingResponse, { nullable: true, description: 'The latest response your organisation filed to this hearing, if any ("Besvaret").' })
  async myResponse(@Parent() hearing: Hearing, @CurrentUser() user: AuthUser): Promise<HearingResponse | null> {
    const own = (await this.hearings.responses(user, hearing)).filter((r) => r.organisationId === user.organisationId);
    return own.at(-1) ?? null;
  }

  @ResolveField(() => Boolean, { description: 'Whether your organisation is invited to answer.' })
  invited(@Parent() hearing: Hearing, @CurrentUser() user: AuthUser): Promise<boolean> {
    return this.hearings.isInvited(hearing.id, user.organisationId);
  }

  @ResolveField(() => Boolean)
  canManage(@Parent() hearing: Hearing, @CurrentUser() user: AuthUser): Promise<boolean> {
    return this.hearings.canManage(user, hearing);
  }

  @ResolveField(() => [AgreementVersion], { description: 'The versions the memo can be compared with, newest first (secretariat only).' })
  async memoComparableVersions(@Parent() hearing: Hearing, @CurrentUser() user: AuthUser): Promise<AgreementVersion[]> {
    await this.hearings.requireManage(user, hearing);
    return (await this.memo.comparableVersions(hearing)).versions;
  }

  @ResolveField(() => ID, { nullable: true, description: 'The memo’s default comparison: the latest later version someone named (never a safety version); null: the live draft.' })
  async memoDefaultVersionId(@Parent() hearing: Hearing, @CurrentUser() user: AuthUser): Promise<string | null> {
    await this.hearings.requireManage(user, hearing);
    return (await this.memo.comparableVersions(hearing)).defaultId;
  }
}

@Resolver(() => HearingResponse)
export class HearingResponsesResolver {
  constructor(private readonly hearings: HearingsService) {}

  @ResolveField(() => Organisation)
  organisation(@Parent() response: HearingResponse): Promise<Organisation> {
    return this.hearings.organisationOf(response);
  }

  @ResolveField(() => [HearingComment])
  comments(@Parent() response: HearingResponse): Promise<HearingComment[]> {
    return this.hearings.commentsOf(response.id);
  }

  @ResolveField(() => String, { description: 'GET with the bearer token: the receipt as PDF.' })
  receiptUrl(@Parent() response: HearingResponse): string {
    return `/files/hearing-responses/${response.id}/receipt.pdf`;
  }

  @ResolveField(() => String)
  submittedBy(@Parent() response: HearingResponse): string {
    return response.submittedByName;
  }

  @ResolveField(() => [Attachment], { description: 'The files filed with the response: for its organisation and the secretariat of the region.' })
  attachments(@Parent() response: HearingResponse, @CurrentUser() user: AuthUser): Promise<Attachment[]> {
    return this.hearings.attachmentsOf(user, response);
  }

  @ResolveField(() => String, { description: 'Who sends the receipt: the SSU secretariat of the region.' })
  sender(@Parent() response: HearingResponse): Promise<string> {
    return this.hearings.senderOf(response);
  }

  @ResolveField(() => String, { description: 'SHA-256 (hex) of filedText: the receipt prints it, so the response as filed can be verified.' })
  sha256(@Parent() response: HearingResponse): Promise<string> {
    return this.hearings.sha256(response);
  }

  @ResolveField(() => String, { description: 'The response as filed, in canonical JSON (see the format in response-digest.ts); the replies are not part of it.' })
  filedText(@Parent() response: HearingResponse): Promise<string> {
    return this.hearings.filedText(response);
  }
}

@Resolver(() => Attachment)
export class AttachmentsResolver {
  @ResolveField(() => String, { description: 'The file name as uploaded.' })
  fileName(@Parent() attachment: Attachment): string {
    return attachment.filename;
  }

  @ResolveField(() => String, { description: 'GET with the bearer token (or the session cookie).' })
  url(@Parent() attachment: Attachment): string {
    return `/files/attachments/${attachment.id}`;
  }
}

@Resolver(() => HearingComment)
export class HearingCommentsResolver {
  constructor(private readonly hearings: HearingsService) {}

  @ResolveField(() => Organisation)
  async organisation(@Parent() comment: LoadedComment): Promise<Organisation> {
    // A page of the comment connection loads each comment with its organisation.
    return comment.loadedOrganisation ?? this.hearings.organisationOfComment(comment);
  }

  @ResolveField(() => String, { description: 'The receipt number of the response the comment is part of (e.g. SA24-H-0042).' })
  async responseReference(@Parent() comment: LoadedComment): Promise<string> {
    return comment.loadedReference ?? (await this.hearings.responseOf(comment)).reference;
  }
}

@Resolver(() => HearingCommentConnection)
export class HearingCommentConnectionResolver {
  constructor(private readonly commentPages: HearingCommentsService) {}

  @ResolveField(() => Int, { description: 'How many comments match the filter, on every page together.' })
  totalCount(@Parent() connection: HearingCommentConnection): Promise<number> {
    return this.commentPages.totalCount(connection.scope);
  }

  @ResolveField(() => CommentFacets, { description: 'Counts per organisation, kind, outcome and section (aggregate queries, never the loaded page).' })
  facets(@Parent() connection: HearingCommentConnection): Promise<CommentFacets> {
    return this.commentPages.facets(connection.scope);
  }
}

@Resolver(() => Agreement)
export class AgreementHearingsResolver {
  constructor(private readonly hearingsService: HearingsService) {}

  @ResolveField(() => [Hearing], { description: 'The agreement’s hearings you may read: all for its secretariat, those your organisation is invited to otherwise.' })
  hearings(@Parent() agreement: Agreement, @CurrentUser() user: AuthUser): Promise<Hearing[]> {
    return this.hearingsService.listForAgreement(user, agreement.id);
  }
}
