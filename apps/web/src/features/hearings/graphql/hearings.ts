import { gql, TypedDocumentNode } from '@apollo/client';

export type HearingStatus = 'SCHEDULED' | 'OPEN' | 'CLOSED';
export type CommentOutcome = 'INCORPORATED' | 'PARTLY_INCORPORATED' | 'NOT_INCORPORATED' | 'NOTED';
export type OrganisationKind =
  | 'COMMITTEE'
  | 'GENERAL_PRACTICE'
  | 'HOSPITAL'
  | 'MUNICIPALITY'
  | 'OTHER'
  | 'PATIENT_ORGANISATION'
  | 'PROFESSIONAL_ORGANISATION'
  | 'REGION';

export interface VersionRef {
  id: string;
  number: number;
  label: string;
}

export interface DeadlineChange {
  changedAt: string;
  closesAt: string;
  previousClosesAt: string;
  reason: string;
}

export interface HearingSummary {
  id: string;
  title: string;
  status: HearingStatus;
  opensAt: string;
  closesAt: string;
  responseCount: number;
  canManage: boolean;
  invited: boolean;
  version: VersionRef;
}

export interface AgreementWithHearings {
  id: string;
  title: string;
  canEdit: boolean;
  region: { id: string; name: string };
  versions: Array<VersionRef & { createdAt: string }>;
  hearings: HearingSummary[];
}

const SUMMARY_FIELDS = gql`
  fragment HearingSummaryFields on Hearing {
    id
    title
    status
    opensAt
    closesAt
    responseCount
    canManage
    invited
    version {
      id
      number
      label
    }
  }
`;

export const AGREEMENT_HEARINGS: TypedDocumentNode<{ agreements: AgreementWithHearings[] }, Record<string, never>> = gql`
  ${SUMMARY_FIELDS}
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
`;

export interface ReadableHearing extends HearingSummary {
  agreementId: string;
  agreementTitle: string;
}

/** Every hearing the user may read: the way in for an invited organisation, which may not read the agreement itself. */
export const READABLE_HEARINGS: TypedDocumentNode<{ hearings: ReadableHearing[] }, Record<string, never>> = gql`
  ${SUMMARY_FIELDS}
  query ReadableHearings {
    hearings {
      ...HearingSummaryFields
      agreementId
      agreementTitle
    }
  }
`;

export interface OrganisationOption {
  id: string;
  name: string;
  kind: OrganisationKind;
  region: { id: string } | null;
}

export const ORGANISATIONS: TypedDocumentNode<{ organisations: OrganisationOption[] }, Record<string, never>> = gql`
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
`;

export interface OpenHearingVariables {
  input: { versionId: string; title: string | null; opensAt: string; closesAt: string; invitedOrganisationIds: string[] };
}

export const OPEN_HEARING: TypedDocumentNode<{ openHearing: { id: string } }, OpenHearingVariables> = gql`
  mutation OpenHearing($input: OpenHearingInput!) {
    openHearing(input: $input) {
      id
    }
  }
`;

export interface Block {
  blockId: string;
  type: string;
  text: string;
}

export interface HearingComment {
  id: string;
  responseId: string;
  position: number;
  blockId: string | null;
  quote: string | null;
  text: string;
  reply: string | null;
  outcome: CommentOutcome | null;
  changedBlockId: string | null;
  repliedAt: string | null;
  organisation: { id: string; name: string; kind: OrganisationKind };
}

export interface HearingResponse {
  id: string;
  reference: string;
  receivedAt: string;
  late: boolean;
  publish: boolean;
  summary: string | null;
  receiptUrl: string;
  submittedBy: string;
  organisation: { id: string; name: string; kind: OrganisationKind };
  comments: HearingComment[];
}

export interface HearingDetail extends HearingSummary {
  agreementId: string;
  agreementTitle: string;
  myDraft: string | null;
  deadlineChanges: DeadlineChange[];
  version: VersionRef & { content: string; blocks: Block[] };
  responses: HearingResponse[];
}

const COMMENT_FIELDS = gql`
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
    organisation {
      id
      name
      kind
    }
  }
`;

const RESPONSE_FIELDS = gql`
  ${COMMENT_FIELDS}
  fragment HearingResponseFields on HearingResponse {
    id
    reference
    receivedAt
    late
    publish
    summary
    receiptUrl
    submittedBy
    organisation {
      id
      name
      kind
    }
    comments {
      ...HearingCommentFields
    }
  }
`;

/** One hearing as the invited organisation (or the secretariat) sees it: the draft, the deadline, own responses. */
export const HEARING: TypedDocumentNode<{ hearing: HearingDetail | null }, { id: string }> = gql`
  ${SUMMARY_FIELDS}
  ${RESPONSE_FIELDS}
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
`;

export const AGREEMENT_TITLE: TypedDocumentNode<{ agreement: { id: string; title: string } | null }, { id: string }> = gql`
  query HearingAgreementTitle($id: ID!) {
    agreement(id: $id) {
      id
      title
    }
  }
`;

export interface Invitation {
  id: string;
  organisationId: string;
  organisationName: string;
  /** None while the secretariat has withdrawn it. */
  link: string | null;
  answered: boolean;
  issuedAt: string;
  withdrawnAt: string | null;
}

const INVITATION_FIELDS = gql`
  fragment HearingInvitationFields on HearingInvitation {
    id
    organisationId
    organisationName
    link
    answered
    issuedAt
    withdrawnAt
  }
`;

/** Withdraws an invitation's link: it stops working at once. */
export const WITHDRAW_INVITATION: TypedDocumentNode<{ withdrawHearingInvitation: Invitation }, { invitationId: string }> = gql`
  ${INVITATION_FIELDS}
  mutation WithdrawHearingInvitation($invitationId: ID!) {
    withdrawHearingInvitation(invitationId: $invitationId) {
      ...HearingInvitationFields
    }
  }
`;

/** A new link for an invitation; every earlier link stops working. */
export const REISSUE_INVITATION: TypedDocumentNode<{ reissueHearingInvitation: Invitation }, { invitationId: string }> = gql`
  ${INVITATION_FIELDS}
  mutation ReissueHearingInvitation($invitationId: ID!) {
    reissueHearingInvitation(invitationId: $invitationId) {
      ...HearingInvitationFields
    }
  }
`;

export interface BlockCommentCount {
  blockId: string;
  comments: number;
  answered: number;
}

/** What only the secretariat sees: invitations with their links and the heat map. */
export const HEARING_PROCESSING: TypedDocumentNode<
  { hearing: { id: string; responseCount: number; invitations: Invitation[]; blockCommentCounts: BlockCommentCount[] } | null },
  { id: string }
> = gql`
  ${INVITATION_FIELDS}
  query HearingProcessing($id: ID!) {
    hearing(id: $id) {
      id
      responseCount
      invitations {
        ...HearingInvitationFields
      }
      blockCommentCounts {
        blockId
        comments
        answered
      }
    }
  }
`;

export interface CommentFilter {
  organisationId: string | null;
  kind: OrganisationKind | null;
  outcome: CommentOutcome | null;
  unanswered: boolean | null;
  search: string | null;
}

export const HEARING_COMMENTS: TypedDocumentNode<{ hearing: { id: string; comments: HearingComment[] } | null }, CommentFilter & { id: string }> = gql`
  ${COMMENT_FIELDS}
  query HearingComments($id: ID!, $organisationId: ID, $kind: OrganisationKind, $outcome: CommentOutcome, $unanswered: Boolean, $search: String) {
    hearing(id: $id) {
      id
      comments(organisationId: $organisationId, kind: $kind, outcome: $outcome, unanswered: $unanswered, search: $search) {
        ...HearingCommentFields
      }
    }
  }
`;

export const REPLY_TO_COMMENT: TypedDocumentNode<
  { replyToHearingComment: HearingComment },
  { input: { commentId: string; reply: string; outcome: CommentOutcome; changedBlockId: string | null } }
> = gql`
  ${COMMENT_FIELDS}
  mutation ReplyToHearingComment($input: ReplyInput!) {
    replyToHearingComment(input: $input) {
      ...HearingCommentFields
    }
  }
`;

export const EXTEND_HEARING_DEADLINE: TypedDocumentNode<
  { extendHearingDeadline: { id: string; status: HearingStatus; closesAt: string; deadlineChanges: DeadlineChange[] } },
  { input: { hearingId: string; closesAt: string; reason: string } }
> = gql`
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
`;

export const HEARING_MEMO: TypedDocumentNode<{ hearingMemo: { html: string; docxUrl: string; pdfUrl: string } }, { hearingId: string }> = gql`
  query HearingMemo($hearingId: ID!) {
    hearingMemo(hearingId: $hearingId) {
      html
      docxUrl
      pdfUrl
    }
  }
`;

export const ACCEPT_INVITATION: TypedDocumentNode<
  { acceptHearingInvitation: { acceptanceId: string; email: string; expiresAt: string } },
  { input: { token: string; name: string; email: string } }
> = gql`
  mutation AcceptHearingInvitation($input: AcceptInvitationInput!) {
    acceptHearingInvitation(input: $input) {
      acceptanceId
      email
      expiresAt
    }
  }
`;

export const CONFIRM_INVITATION: TypedDocumentNode<
  { confirmHearingInvitation: { token: string; hearingId: string; user: { id: string; name: string } } },
  { input: { acceptanceId: string; code: string } }
> = gql`
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
`;

export interface ResponseInput {
  hearingId: string;
  organisationId: string;
  idempotencyKey: string;
  summary: string | null;
  comments: Array<{ blockId: string | null; quote: string | null; text: string }>;
  publish: boolean;
  attachmentIds: string[];
}

export const SUBMIT_RESPONSE: TypedDocumentNode<{ submitHearingResponse: HearingResponse }, { input: ResponseInput }> = gql`
  ${RESPONSE_FIELDS}
  mutation SubmitHearingResponse($input: SubmitHearingResponseInput!) {
    submitHearingResponse(input: $input) {
      ...HearingResponseFields
    }
  }
`;

export const REGISTER_LATE_RESPONSE: TypedDocumentNode<{ registerLateHearingResponse: HearingResponse }, { input: ResponseInput }> = gql`
  ${RESPONSE_FIELDS}
  mutation RegisterLateHearingResponse($input: SubmitHearingResponseInput!) {
    registerLateHearingResponse(input: $input) {
      ...HearingResponseFields
    }
  }
`;

export const SAVE_RESPONSE_DRAFT: TypedDocumentNode<
  { saveHearingResponseDraft: string },
  { input: { hearingId: string; organisationId: string; content: string } }
> = gql`
  mutation SaveHearingResponseDraft($input: SaveHearingDraftInput!) {
    saveHearingResponseDraft(input: $input)
  }
`;

export const RESPONSE_RECEIVED: TypedDocumentNode<
  { hearingResponseReceived: { id: string; reference: string; receivedAt: string; organisation: { id: string; name: string } } },
  { hearingId: string }
> = gql`
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
`;

export interface PublicHearing {
  id: string;
  title: string;
  agreementTitle: string;
  status: HearingStatus;
  opensAt: string;
  closesAt: string;
  content: string;
  deadlineChanges: DeadlineChange[];
  publishedResponses: Array<{
    reference: string;
    organisationName: string;
    receivedAt: string;
    summary: string | null;
    comments: Array<{ blockId: string | null; text: string }>;
  }>;
}

export const PUBLIC_HEARING: TypedDocumentNode<{ publicHearing: PublicHearing | null }, { id: string }> = gql`
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
        comments {
          blockId
          text
        }
      }
    }
  }
`;
