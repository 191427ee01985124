import { graphql } from '../../../gql';
import type {
  AcceptHearingInvitationMutation,
  AgreementHearingsQuery,
  CommentFilterInput,
  HearingCommentFacetsQuery,
  HearingCommentFieldsFragment,
  HearingHeadQuery,
  HearingInvitationFieldsFragment,
  HearingMemoQuery,
  HearingOrganisationsQuery,
  HearingQuery,
  HearingResponseFieldsFragment,
  HearingSummaryFieldsFragment,
} from '../../../gql/graphql';

export type HearingSummary = HearingSummaryFieldsFragment;
export type HearingMemo = HearingMemoQuery['hearingMemo'];
/** Where the confirmation code went, and until when it holds. */
export type SentInvitationCode = AcceptHearingInvitationMutation['acceptHearingInvitation'];
export type AgreementWithHearings = AgreementHearingsQuery['agreements'][number];
export type OrganisationOption = HearingOrganisationsQuery['organisations'][number];
export type HearingComment = HearingCommentFieldsFragment;
export type HearingResponse = HearingResponseFieldsFragment;
export type HearingDetail = NonNullable<HearingQuery['hearing']>;
/** The hearing without its responses: what the processing page needs before anything else. */
export type HearingHead = NonNullable<HearingHeadQuery['hearing']>;
export type CommentFacets = NonNullable<HearingCommentFacetsQuery['hearing']>['commentConnection']['facets'];
export type Invitation = HearingInvitationFieldsFragment;
/** The filters of the comment connection, every one always set (null for "all"). */
export type CommentFilter = Required<CommentFilterInput>;

export const SUMMARY_FIELDS = graphql(`
  fragment HearingSummaryFields on Hearing {
    id
    title
    status
    opensAt
    closesAt
    responseCount
    canManage
    invited
    myResponse {
      id
      reference
      receivedAt
      receiptUrl
    }
    version {
      id
      number
      label
    }
  }
`);

export const AGREEMENT_HEARINGS = graphql(`
  query AgreementHearings {
    agreements {
      id
      title
      canEdit
      region {
        id
        name
      }
      versions {
        id
        number
        label
        createdAt
      }
      hearings {
        ...HearingSummaryFields
      }
    }
  }
`);

/** Every hearing the user may read: the way in for an invited organisation, which may not read the agreement itself. */
export const READABLE_HEARINGS = graphql(`
  query ReadableHearings {
    hearings {
      ...HearingSummaryFields
      agreementId
      agreementTitle
    }
  }
`);

export const ORGANISATIONS = graphql(`
  query HearingOrganisations {
    organisations {
      id
      name
      kind
      region {
        id
      }
    }
  }
`);

export const OPEN_HEARING = graphql(`
  mutation OpenHearing($input: OpenHearingInput!) {
    openHearing(input: $input) {
      id
    }
  }
`);

export const COMMENT_FIELDS = graphql(`
  fragment HearingCommentFields on HearingComment {
    id
    responseId
    position
    blockId
    quote
    text
    reply
    outcome
    changedBlockId
    repliedAt
    responseReference
    organisation {
      id
      name
      kind
    }
  }
`);

export const RESPONSE_FIELDS = graphql(`
  fragment HearingResponseFields on HearingResponse {
    id
    reference
    receivedAt
    late
    publish
    summary
    reply
    outcome
    repliedAt
    receiptUrl
    submittedBy
    sender
    sha256
    organisation {
      id
      name
      kind
    }
    attachments {
      id
      fileName
      contentType
      size
      url
    }
    comments {
      ...HearingCommentFields
    }
  }
`);

export const REPLY_TO_RESPONSE = graphql(`
  mutation ReplyToHearingResponse($input: ResponseReplyInput!) {
    replyToHearingResponse(input: $input) {
      ...HearingResponseFields
    }
  }
`);

export const PUBLISH_MEMO = graphql(`
  mutation PublishHearingMemo($input: PublishHearingMemoInput!) {
    publishHearingMemo(input: $input) {
      id
      memoPublishedAt
    }
  }
`);

export const MEMO_VERSIONS = graphql(`
  query HearingMemoVersions($id: ID!) {
    hearing(id: $id) {
      id
      status
      memoPublishedAt
      memoDefaultVersionId
      memoComparableVersions {
        id
        number
        label
      }
    }
  }
`);

export const INVITATION_PREVIEW = graphql(`
  query InvitationPreview($token: String!) {
    invitationPreview(token: $token) {
      hearingId
      organisationName
      hearingTitle
      agreementTitle
      closesAt
      status
    }
  }
`);

/** The hearing as the processing page opens it: everything but the responses, which load on their own. */
export const HEARING_HEAD = graphql(`
  query HearingHead($id: ID!) {
    hearing(id: $id) {
      ...HearingSummaryFields
      agreementId
      agreementTitle
      deadlineChanges {
        changedAt
        closesAt
        previousClosesAt
        reason
      }
      version {
        id
        number
        label
        content
        blocks {
          blockId
          type
          text
        }
      }
    }
  }
`);

/** Every response to the hearing, with its receipt, attachments and comments (the processing page's responses panel). */
export const HEARING_RESPONSES = graphql(`
  query HearingResponses($id: ID!) {
    hearing(id: $id) {
      id
      responses {
        ...HearingResponseFields
      }
    }
  }
`);

/** One hearing as the invited organisation (or the secretariat) sees it: the draft, the deadline, own responses. */
export const HEARING = graphql(`
  query Hearing($id: ID!) {
    hearing(id: $id) {
      ...HearingSummaryFields
      agreementId
      agreementTitle
      myDraft
      deadlineChanges {
        changedAt
        closesAt
        previousClosesAt
        reason
      }
      version {
        id
        number
        label
        content
        blocks {
          blockId
          type
          text
        }
      }
      responses {
        ...HearingResponseFields
      }
    }
  }
`);

export const AGREEMENT_TITLE = graphql(`
  query HearingAgreementTitle($id: ID!) {
    agreement(id: $id) {
      id
      title
    }
  }
`);

export const INVITATION_FIELDS = graphql(`
  fragment HearingInvitationFields on HearingInvitation {
    id
    organisationId
    organisationName
    link
    answered
    issuedAt
    withdrawnAt
  }
`);

/** Withdraws an invitation's link: it stops working at once. */
export const WITHDRAW_INVITATION = graphql(`
  mutation WithdrawHearingInvitation($invitationId: ID!) {
    withdrawHearingInvitation(invitationId: $invitationId) {
      ...HearingInvitationFields
    }
  }
`);

/** A new link for an invitation; every earlier link stops working. */
export const REISSUE_INVITATION = graphql(`
  mutation ReissueHearingInvitation($invitationId: ID!) {
    reissueHearingInvitation(invitationId: $invitationId) {
      ...HearingInvitationFields
    }
  }
`);

/** What only the secretariat sees: invitations with their links and the heat map. */
export const HEARING_PROCESSING = graphql(`
  query HearingProcessing($id: ID!) {
    hearing(id: $id) {
      id
      responseCount
      invitations {
        ...HearingInvitationFields
      }
    }
  }
`);

/** The processing page's comments, a page at a time (the list merges the pages: lib/apollo.ts). */
export const HEARING_COMMENT_PAGE = graphql(`
  query HearingCommentPage($id: ID!, $first: Int!, $after: String, $filter: CommentFilterInput) {
    hearing(id: $id) {
      id
      commentConnection(first: $first, after: $after, filter: $filter) {
        totalCount
        edges {
          cursor
          node {
            ...HearingCommentFields
            ...HearingCommentChange
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

/** The counts per facet and the heat map, from the server's aggregate queries (no comment loaded). */
export const HEARING_COMMENT_FACETS = graphql(`
  query HearingCommentFacets($id: ID!, $filter: CommentFilterInput) {
    hearing(id: $id) {
      id
      commentConnection(first: 0, filter: $filter) {
        totalCount
        facets {
          organisations {
            organisationId
            name
            count
          }
          kinds {
            kind
            count
          }
          outcomes {
            outcome
            count
          }
          unanswered
          blocks {
            blockId
            comments
            answered
          }
        }
      }
    }
  }
`);

export const REPLY_TO_COMMENT = graphql(`
  mutation ReplyToHearingComment($input: ReplyInput!) {
    replyToHearingComment(input: $input) {
      ...HearingCommentFields
    }
  }
`);

export const EXTEND_HEARING_DEADLINE = graphql(`
  mutation ExtendHearingDeadline($input: ExtendHearingDeadlineInput!) {
    extendHearingDeadline(input: $input) {
      id
      status
      closesAt
      deadlineChanges {
        changedAt
        closesAt
        previousClosesAt
        reason
      }
    }
  }
`);

export const HEARING_MEMO = graphql(`
  query HearingMemo($hearingId: ID!, $compareWithVersionId: ID) {
    hearingMemo(hearingId: $hearingId, compareWithVersionId: $compareWithVersionId) {
      html
      docxUrl
      pdfUrl
      comparedWith
      comparedVersionId
    }
  }
`);

export const ACCEPT_INVITATION = graphql(`
  mutation AcceptHearingInvitation($input: AcceptInvitationInput!) {
    acceptHearingInvitation(input: $input) {
      acceptanceId
      email
      expiresAt
    }
  }
`);

export const CONFIRM_INVITATION = graphql(`
  mutation ConfirmHearingInvitation($input: ConfirmInvitationInput!) {
    confirmHearingInvitation(input: $input) {
      token
      hearingId
      user {
        id
        name
      }
    }
  }
`);

export const SUBMIT_RESPONSE = graphql(`
  mutation SubmitHearingResponse($input: SubmitHearingResponseInput!) {
    submitHearingResponse(input: $input) {
      ...HearingResponseFields
    }
  }
`);

export const REGISTER_LATE_RESPONSE = graphql(`
  mutation RegisterLateHearingResponse($input: SubmitHearingResponseInput!) {
    registerLateHearingResponse(input: $input) {
      ...HearingResponseFields
    }
  }
`);

export const SAVE_RESPONSE_DRAFT = graphql(`
  mutation SaveHearingResponseDraft($input: SaveHearingDraftInput!) {
    saveHearingResponseDraft(input: $input)
  }
`);

export const RESPONSE_RECEIVED = graphql(`
  subscription HearingResponseReceived($hearingId: ID!) {
    hearingResponseReceived(hearingId: $hearingId) {
      id
      reference
      receivedAt
      organisation {
        id
        name
      }
    }
  }
`);

export const PUBLIC_HEARING = graphql(`
  query PublicHearing($id: ID!) {
    publicHearing(id: $id) {
      id
      title
      agreementTitle
      status
      opensAt
      closesAt
      content
      deadlineChanges {
        changedAt
        closesAt
        previousClosesAt
        reason
      }
      publishedResponses {
        reference
        organisationName
        receivedAt
        summary
        reply
        outcome
        comments {
          blockId
          text
          reply
          outcome
        }
      }
      memoPublishedAt
      memoHtml
    }
  }
`);
