/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Agreements {\n    agreements {\n      id\n      title\n      periodStart\n      periodEnd\n      effectiveDate\n      phase\n      currentPhase\n      documentName\n      region {\n        id\n        code\n        name\n      }\n    }\n  }\n": typeof types.AgreementsDocument,
    "\n  fragment CurrentUserFields on User {\n    id\n    email\n    name\n    role\n    organisation {\n      id\n      name\n      kind\n    }\n  }\n": typeof types.CurrentUserFieldsFragmentDoc,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      user {\n        ...CurrentUserFields\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query Me {\n    me {\n      ...CurrentUserFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation UseSessionCookie {\n    useSessionCookie\n  }\n": typeof types.UseSessionCookieDocument,
    "\n  mutation CollaborationToken($documentName: String!) {\n    collaborationToken(documentName: $documentName) {\n      token\n      expiresAt\n      readOnly\n    }\n  }\n": typeof types.CollaborationTokenDocument,
    "\n  query AgreementDashboard($id: ID!) {\n    agreement(id: $id) {\n      ...AgreementHeadFields\n      milestones {\n        ...MilestoneFields\n      }\n      inputRounds {\n        id\n        title\n        participants {\n          name\n          submitted\n        }\n      }\n    }\n    agreementDashboard(agreementId: $id) {\n      phase\n      nextDeadline {\n        id\n        title\n        date\n      }\n      daysToEffectiveDate\n      effectiveDateStatus\n      inputsReceived\n      hearingResponses\n      hearingComments\n      hearingCommentsAnswered\n      approvals {\n        required\n        approved\n        rejected\n      }\n    }\n    outbox(agreementId: $id) {\n      id\n      kind\n      subject\n      body\n      recipients\n      createdAt\n      sentAt\n    }\n  }\n": typeof types.AgreementDashboardDocument,
    "\n  query EditorAgreement($id: ID!) {\n    agreement(id: $id) {\n      id\n      title\n      documentName\n      canEdit\n      region {\n        id\n        name\n      }\n    }\n  }\n": typeof types.EditorAgreementDocument,
    "\n  fragment HearingSummaryFields on Hearing {\n    id\n    title\n    status\n    opensAt\n    closesAt\n    responseCount\n    canManage\n    invited\n    myResponse {\n      id\n      reference\n      receivedAt\n      receiptUrl\n    }\n    version {\n      id\n      number\n      label\n    }\n  }\n": typeof types.HearingSummaryFieldsFragmentDoc,
    "\n  query AgreementHearings {\n    agreements {\n      id\n      title\n      canEdit\n      region {\n        id\n        name\n      }\n      versions {\n        id\n        number\n        label\n        createdAt\n      }\n      hearings {\n        ...HearingSummaryFields\n      }\n    }\n  }\n": typeof types.AgreementHearingsDocument,
    "\n  query ReadableHearings {\n    hearings {\n      ...HearingSummaryFields\n      agreementId\n      agreementTitle\n    }\n  }\n": typeof types.ReadableHearingsDocument,
    "\n  query HearingOrganisations {\n    organisations {\n      id\n      name\n      kind\n      region {\n        id\n      }\n    }\n  }\n": typeof types.HearingOrganisationsDocument,
    "\n  mutation OpenHearing($input: OpenHearingInput!) {\n    openHearing(input: $input) {\n      id\n    }\n  }\n": typeof types.OpenHearingDocument,
    "\n  fragment HearingCommentFields on HearingComment {\n    id\n    responseId\n    position\n    blockId\n    quote\n    text\n    reply\n    outcome\n    changedBlockId\n    repliedAt\n    responseReference\n    organisation {\n      id\n      name\n      kind\n    }\n  }\n": typeof types.HearingCommentFieldsFragmentDoc,
    "\n  fragment HearingResponseFields on HearingResponse {\n    id\n    reference\n    receivedAt\n    late\n    publish\n    summary\n    reply\n    outcome\n    repliedAt\n    receiptUrl\n    submittedBy\n    sender\n    sha256\n    organisation {\n      id\n      name\n      kind\n    }\n    attachments {\n      id\n      fileName\n      contentType\n      size\n      url\n    }\n    comments {\n      ...HearingCommentFields\n    }\n  }\n": typeof types.HearingResponseFieldsFragmentDoc,
    "\n  mutation ReplyToHearingResponse($input: ResponseReplyInput!) {\n    replyToHearingResponse(input: $input) {\n      ...HearingResponseFields\n    }\n  }\n": typeof types.ReplyToHearingResponseDocument,
    "\n  mutation PublishHearingMemo($input: PublishHearingMemoInput!) {\n    publishHearingMemo(input: $input) {\n      id\n      memoPublishedAt\n    }\n  }\n": typeof types.PublishHearingMemoDocument,
    "\n  query HearingMemoVersions($id: ID!) {\n    hearing(id: $id) {\n      id\n      status\n      memoPublishedAt\n      memoDefaultVersionId\n      memoComparableVersions {\n        id\n        number\n        label\n      }\n    }\n  }\n": typeof types.HearingMemoVersionsDocument,
    "\n  query InvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      hearingId\n      organisationName\n      hearingTitle\n      agreementTitle\n      closesAt\n      status\n    }\n  }\n": typeof types.InvitationPreviewDocument,
    "\n  query HearingHead($id: ID!) {\n    hearing(id: $id) {\n      ...HearingSummaryFields\n      agreementId\n      agreementTitle\n      deadlineChanges {\n        changedAt\n        closesAt\n        previousClosesAt\n        reason\n      }\n      version {\n        id\n        number\n        label\n        content\n        blocks {\n          blockId\n          type\n          text\n        }\n      }\n    }\n  }\n": typeof types.HearingHeadDocument,
    "\n  query HearingResponses($id: ID!) {\n    hearing(id: $id) {\n      id\n      responses {\n        ...HearingResponseFields\n      }\n    }\n  }\n": typeof types.HearingResponsesDocument,
    "\n  query Hearing($id: ID!) {\n    hearing(id: $id) {\n      ...HearingSummaryFields\n      agreementId\n      agreementTitle\n      myDraft\n      deadlineChanges {\n        changedAt\n        closesAt\n        previousClosesAt\n        reason\n      }\n      version {\n        id\n        number\n        label\n        content\n        blocks {\n          blockId\n          type\n          text\n        }\n      }\n      responses {\n        ...HearingResponseFields\n      }\n    }\n  }\n": typeof types.HearingDocument,
    "\n  query HearingAgreementTitle($id: ID!) {\n    agreement(id: $id) {\n      id\n      title\n    }\n  }\n": typeof types.HearingAgreementTitleDocument,
    "\n  fragment HearingInvitationFields on HearingInvitation {\n    id\n    organisationId\n    organisationName\n    link\n    answered\n    issuedAt\n    withdrawnAt\n  }\n": typeof types.HearingInvitationFieldsFragmentDoc,
    "\n  mutation WithdrawHearingInvitation($invitationId: ID!) {\n    withdrawHearingInvitation(invitationId: $invitationId) {\n      ...HearingInvitationFields\n    }\n  }\n": typeof types.WithdrawHearingInvitationDocument,
    "\n  mutation ReissueHearingInvitation($invitationId: ID!) {\n    reissueHearingInvitation(invitationId: $invitationId) {\n      ...HearingInvitationFields\n    }\n  }\n": typeof types.ReissueHearingInvitationDocument,
    "\n  query HearingProcessing($id: ID!) {\n    hearing(id: $id) {\n      id\n      responseCount\n      invitations {\n        ...HearingInvitationFields\n      }\n    }\n  }\n": typeof types.HearingProcessingDocument,
    "\n  query HearingCommentPage($id: ID!, $first: Int!, $after: String, $filter: CommentFilterInput) {\n    hearing(id: $id) {\n      id\n      commentConnection(first: $first, after: $after, filter: $filter) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...HearingCommentFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.HearingCommentPageDocument,
    "\n  query HearingCommentFacets($id: ID!, $filter: CommentFilterInput) {\n    hearing(id: $id) {\n      id\n      commentConnection(first: 0, filter: $filter) {\n        totalCount\n        facets {\n          organisations {\n            organisationId\n            name\n            count\n          }\n          kinds {\n            kind\n            count\n          }\n          outcomes {\n            outcome\n            count\n          }\n          unanswered\n          blocks {\n            blockId\n            comments\n            answered\n          }\n        }\n      }\n    }\n  }\n": typeof types.HearingCommentFacetsDocument,
    "\n  mutation ReplyToHearingComment($input: ReplyInput!) {\n    replyToHearingComment(input: $input) {\n      ...HearingCommentFields\n    }\n  }\n": typeof types.ReplyToHearingCommentDocument,
    "\n  mutation ExtendHearingDeadline($input: ExtendHearingDeadlineInput!) {\n    extendHearingDeadline(input: $input) {\n      id\n      status\n      closesAt\n      deadlineChanges {\n        changedAt\n        closesAt\n        previousClosesAt\n        reason\n      }\n    }\n  }\n": typeof types.ExtendHearingDeadlineDocument,
    "\n  query HearingMemo($hearingId: ID!, $compareWithVersionId: ID) {\n    hearingMemo(hearingId: $hearingId, compareWithVersionId: $compareWithVersionId) {\n      html\n      docxUrl\n      pdfUrl\n      comparedWith\n      comparedVersionId\n    }\n  }\n": typeof types.HearingMemoDocument,
    "\n  mutation AcceptHearingInvitation($input: AcceptInvitationInput!) {\n    acceptHearingInvitation(input: $input) {\n      acceptanceId\n      email\n      expiresAt\n    }\n  }\n": typeof types.AcceptHearingInvitationDocument,
    "\n  mutation ConfirmHearingInvitation($input: ConfirmInvitationInput!) {\n    confirmHearingInvitation(input: $input) {\n      token\n      hearingId\n      user {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ConfirmHearingInvitationDocument,
    "\n  mutation SubmitHearingResponse($input: SubmitHearingResponseInput!) {\n    submitHearingResponse(input: $input) {\n      ...HearingResponseFields\n    }\n  }\n": typeof types.SubmitHearingResponseDocument,
    "\n  mutation RegisterLateHearingResponse($input: SubmitHearingResponseInput!) {\n    registerLateHearingResponse(input: $input) {\n      ...HearingResponseFields\n    }\n  }\n": typeof types.RegisterLateHearingResponseDocument,
    "\n  mutation SaveHearingResponseDraft($input: SaveHearingDraftInput!) {\n    saveHearingResponseDraft(input: $input)\n  }\n": typeof types.SaveHearingResponseDraftDocument,
    "\n  subscription HearingResponseReceived($hearingId: ID!) {\n    hearingResponseReceived(hearingId: $hearingId) {\n      id\n      reference\n      receivedAt\n      organisation {\n        id\n        name\n      }\n    }\n  }\n": typeof types.HearingResponseReceivedDocument,
    "\n  query PublicHearing($id: ID!) {\n    publicHearing(id: $id) {\n      id\n      title\n      agreementTitle\n      status\n      opensAt\n      closesAt\n      content\n      deadlineChanges {\n        changedAt\n        closesAt\n        previousClosesAt\n        reason\n      }\n      publishedResponses {\n        reference\n        organisationName\n        receivedAt\n        summary\n        reply\n        outcome\n        comments {\n          blockId\n          text\n          reply\n          outcome\n        }\n      }\n      memoPublishedAt\n      memoHtml\n    }\n  }\n": typeof types.PublicHearingDocument,
    "\n  fragment InputItemFields on ClusterInputItem {\n    id\n    position\n    blockId\n    theme\n    text\n    level\n    section {\n      id\n      title\n      kind\n      live\n    }\n    assessment {\n      outcome\n      reason\n      assessedAt\n      assessedBy\n      version {\n        id\n        number\n        label\n      }\n    }\n  }\n": typeof types.InputItemFieldsFragmentDoc,
    "\n  fragment ClusterInputFields on ClusterInput {\n    id\n    number\n    status\n    submittedAt\n    submittedByName\n    updatedAt\n    meetingDate\n    meetingItem\n    supersedesId\n    cluster {\n      id\n      name\n    }\n    organisation {\n      id\n      name\n    }\n    items {\n      ...InputItemFields\n    }\n  }\n": typeof types.ClusterInputFieldsFragmentDoc,
    "\n  query InputRounds {\n    agreements {\n      id\n      title\n      canEdit\n      region {\n        id\n        name\n        clusters {\n          id\n          name\n        }\n      }\n      versions {\n        id\n        number\n        label\n      }\n      inputRounds {\n        id\n        title\n        deadline\n        status\n        participants {\n          name\n          submitted\n        }\n        myParticipation {\n          deadline\n          submitted\n          status\n        }\n      }\n    }\n  }\n": typeof types.InputRoundsDocument,
    "\n  query InputRoundOrganisations {\n    patients: organisations(kind: PATIENT_ORGANISATION) {\n      id\n      name\n    }\n    professionals: organisations(kind: PROFESSIONAL_ORGANISATION) {\n      id\n      name\n    }\n  }\n": typeof types.InputRoundOrganisationsDocument,
    "\n  query InputRound($id: ID!) {\n    inputRound(id: $id) {\n      id\n      title\n      description\n      deadline\n      status\n      canManage\n      docxUrl\n      agreement {\n        id\n        title\n        sections {\n          blockId\n          kind\n          title\n        }\n        versions {\n          id\n          number\n          label\n        }\n      }\n      version {\n        id\n        number\n        label\n      }\n      deadlineChanges {\n        participantName\n        previousDeadline\n        deadline\n        reason\n        changedAt\n      }\n      participants {\n        name\n        deadline\n        extended\n        status\n        submitted\n        lastSubmittedAt\n        submissions\n        cluster {\n          id\n        }\n        organisation {\n          id\n        }\n      }\n      myParticipation {\n        name\n        deadline\n        extended\n        status\n        submitted\n        lastSubmittedAt\n        submissions\n        cluster {\n          id\n        }\n        organisation {\n          id\n        }\n      }\n      myDraft {\n        ...ClusterInputFields\n      }\n      inputs(includeSuperseded: true) {\n        ...ClusterInputFields\n      }\n    }\n  }\n": typeof types.InputRoundDocument,
    "\n  query InputMatrix($id: ID!) {\n    inputRound(id: $id) {\n      id\n      matrix {\n        total\n        sections {\n          sectionId\n          title\n          kind\n          total\n        }\n        rows {\n          name\n          organisationId\n          clusterId\n          counts\n          total\n          submitted\n        }\n        themes {\n          theme\n          count\n          participants\n        }\n      }\n    }\n  }\n": typeof types.InputMatrixDocument,
    "\n  mutation OpenInputRound($input: OpenInputRoundInput!) {\n    openInputRound(input: $input) {\n      id\n    }\n  }\n": typeof types.OpenInputRoundDocument,
    "\n  mutation ExtendInputRoundDeadline($input: ExtendInputRoundDeadlineInput!) {\n    extendInputRoundDeadline(input: $input) {\n      id\n      deadline\n    }\n  }\n": typeof types.ExtendInputRoundDeadlineDocument,
    "\n  mutation SaveClusterInputDraft($input: SaveClusterInputDraftInput!) {\n    saveClusterInputDraft(input: $input) {\n      ...ClusterInputFields\n    }\n  }\n": typeof types.SaveClusterInputDraftDocument,
    "\n  mutation SubmitClusterInput($input: SubmitClusterInputInput!) {\n    submitClusterInput(input: $input) {\n      ...ClusterInputFields\n    }\n  }\n": typeof types.SubmitClusterInputDocument,
    "\n  mutation AssessInputItem($input: AssessInputItemInput!) {\n    assessInputItem(input: $input) {\n      ...InputItemFields\n    }\n  }\n": typeof types.AssessInputItemDocument,
    "\n  subscription ClusterInputSubmitted($agreementId: ID!) {\n    clusterInputSubmitted(agreementId: $agreementId) {\n      id\n      number\n      round {\n        id\n      }\n      organisation {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ClusterInputSubmittedDocument,
    "\n  fragment AgreementHeadFields on Agreement {\n    id\n    title\n    effectiveDate\n    phase\n    currentPhase\n    canEdit\n    finalVersion {\n      id\n      number\n      label\n    }\n  }\n": typeof types.AgreementHeadFieldsFragmentDoc,
    "\n  fragment MilestoneFields on Milestone {\n    id\n    title\n    kind\n    date\n    phase\n    description\n    linkType\n    linkId\n    done\n    derived\n  }\n": typeof types.MilestoneFieldsFragmentDoc,
    "\n  fragment ApprovalStatusFields on ApprovalStatus {\n    required\n    approved\n    rejected\n    pending {\n      id\n      name\n    }\n    rejectedBy {\n      id\n      name\n    }\n    parties {\n      organisation {\n        id\n        name\n        kind\n      }\n      decision\n      decidedAt\n      superseded\n    }\n  }\n": typeof types.ApprovalStatusFieldsFragmentDoc,
    "\n  query AgreementTimeline($id: ID!) {\n    agreement(id: $id) {\n      ...AgreementHeadFields\n      milestones {\n        ...MilestoneFields\n      }\n    }\n  }\n": typeof types.AgreementTimelineDocument,
    "\n  query AgreementApprovals($id: ID!) {\n    agreement(id: $id) {\n      ...AgreementHeadFields\n      approvals {\n        id\n        organisation {\n          id\n          name\n          kind\n        }\n        decision\n        decidedAt\n        meetingReference\n        note\n        documentId\n        recordedAt\n        versionId\n        version {\n          id\n          number\n          label\n        }\n        superseded\n        changesUrl\n      }\n      approvalStatus {\n        ...ApprovalStatusFields\n        onSupersededVersion {\n          id\n          name\n        }\n      }\n      lockedFinalVersion {\n        id\n        number\n        label\n        finalLockedAt\n      }\n      versions {\n        id\n        number\n        label\n        createdAt\n      }\n    }\n  }\n": typeof types.AgreementApprovalsDocument,
    "\n  mutation LockFinalVersion($input: LockFinalVersionInput!) {\n    lockFinalVersion(input: $input) {\n      id\n      number\n      finalLockedAt\n    }\n  }\n": typeof types.LockFinalVersionDocument,
    "\n  mutation RecordApproval($input: RecordApprovalInput!) {\n    recordApproval(input: $input) {\n      id\n      decision\n      decidedAt\n      organisation {\n        id\n        name\n      }\n    }\n  }\n": typeof types.RecordApprovalDocument,
    "\n  mutation CreateMilestone($input: CreateMilestoneInput!) {\n    createMilestone(input: $input) {\n      ...MilestoneFields\n    }\n  }\n": typeof types.CreateMilestoneDocument,
    "\n  mutation SetAgreementPhase($input: SetAgreementPhaseInput!) {\n    setAgreementPhase(input: $input) {\n      id\n      phase\n      currentPhase\n    }\n  }\n": typeof types.SetAgreementPhaseDocument,
    "\n  subscription ApprovalRecorded($agreementId: ID!) {\n    approvalRecorded(agreementId: $agreementId) {\n      id\n      decision\n      decidedAt\n      organisation {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ApprovalRecordedDocument,
    "\n  fragment VersionSummaryFields on AgreementVersion {\n    id\n    number\n    label\n    createdAt\n    createdBy {\n      id\n      name\n    }\n  }\n": typeof types.VersionSummaryFieldsFragmentDoc,
    "\n  query AgreementVersions($agreementId: ID!) {\n    agreement(id: $agreementId) {\n      id\n      canEdit\n      versions {\n        ...VersionSummaryFields\n      }\n    }\n  }\n": typeof types.AgreementVersionsDocument,
    "\n  query AgreementVersion($id: ID!) {\n    agreementVersion(id: $id) {\n      ...VersionSummaryFields\n      content\n    }\n  }\n": typeof types.AgreementVersionDocument,
    "\n  query CompareVersions($fromVersionId: ID!, $toVersionId: ID) {\n    compareVersions(fromVersionId: $fromVersionId, toVersionId: $toVersionId) {\n      from {\n        ...VersionSummaryFields\n      }\n      to {\n        ...VersionSummaryFields\n      }\n      changes {\n        blockId\n        change\n        type\n        before\n        after\n        sectionTitle\n        words {\n          kind\n          text\n        }\n      }\n    }\n  }\n": typeof types.CompareVersionsDocument,
    "\n  mutation CreateVersion($input: CreateVersionInput!) {\n    createVersion(input: $input) {\n      ...VersionSummaryFields\n    }\n  }\n": typeof types.CreateVersionDocument,
    "\n  mutation RestoreVersion($versionId: ID!) {\n    restoreVersion(versionId: $versionId) {\n      id\n      versions {\n        ...VersionSummaryFields\n      }\n    }\n  }\n": typeof types.RestoreVersionDocument,
    "\n  query WordAgreements {\n    agreements {\n      id\n      title\n      periodStart\n      periodEnd\n      canEdit\n      region {\n        id\n        name\n      }\n      versions {\n        id\n        number\n        label\n      }\n    }\n  }\n": typeof types.WordAgreementsDocument,
    "\n  query WordRegions {\n    regions {\n      id\n      name\n    }\n  }\n": typeof types.WordRegionsDocument,
    "\n  query ImportedSections($id: ID!) {\n    agreement(id: $id) {\n      id\n      title\n      sections {\n        blockId\n        kind\n        title\n      }\n    }\n  }\n": typeof types.ImportedSectionsDocument,
};
const documents: Documents = {
    "\n  query Agreements {\n    agreements {\n      id\n      title\n      periodStart\n      periodEnd\n      effectiveDate\n      phase\n      currentPhase\n      documentName\n      region {\n        id\n        code\n        name\n      }\n    }\n  }\n": types.AgreementsDocument,
    "\n  fragment CurrentUserFields on User {\n    id\n    email\n    name\n    role\n    organisation {\n      id\n      name\n      kind\n    }\n  }\n": types.CurrentUserFieldsFragmentDoc,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      user {\n        ...CurrentUserFields\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  query Me {\n    me {\n      ...CurrentUserFields\n    }\n  }\n": types.MeDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation UseSessionCookie {\n    useSessionCookie\n  }\n": types.UseSessionCookieDocument,
    "\n  mutation CollaborationToken($documentName: String!) {\n    collaborationToken(documentName: $documentName) {\n      token\n      expiresAt\n      readOnly\n    }\n  }\n": types.CollaborationTokenDocument,
    "\n  query AgreementDashboard($id: ID!) {\n    agreement(id: $id) {\n      ...AgreementHeadFields\n      milestones {\n        ...MilestoneFields\n      }\n      inputRounds {\n        id\n        title\n        participants {\n          name\n          submitted\n        }\n      }\n    }\n    agreementDashboard(agreementId: $id) {\n      phase\n      nextDeadline {\n        id\n        title\n        date\n      }\n      daysToEffectiveDate\n      effectiveDateStatus\n      inputsReceived\n      hearingResponses\n      hearingComments\n      hearingCommentsAnswered\n      approvals {\n        required\n        approved\n        rejected\n      }\n    }\n    outbox(agreementId: $id) {\n      id\n      kind\n      subject\n      body\n      recipients\n      createdAt\n      sentAt\n    }\n  }\n": types.AgreementDashboardDocument,
    "\n  query EditorAgreement($id: ID!) {\n    agreement(id: $id) {\n      id\n      title\n      documentName\n      canEdit\n      region {\n        id\n        name\n      }\n    }\n  }\n": types.EditorAgreementDocument,
    "\n  fragment HearingSummaryFields on Hearing {\n    id\n    title\n    status\n    opensAt\n    closesAt\n    responseCount\n    canManage\n    invited\n    myResponse {\n      id\n      reference\n      receivedAt\n      receiptUrl\n    }\n    version {\n      id\n      number\n      label\n    }\n  }\n": types.HearingSummaryFieldsFragmentDoc,
    "\n  query AgreementHearings {\n    agreements {\n      id\n      title\n      canEdit\n      region {\n        id\n        name\n      }\n      versions {\n        id\n        number\n        label\n        createdAt\n      }\n      hearings {\n        ...HearingSummaryFields\n      }\n    }\n  }\n": types.AgreementHearingsDocument,
    "\n  query ReadableHearings {\n    hearings {\n      ...HearingSummaryFields\n      agreementId\n      agreementTitle\n    }\n  }\n": types.ReadableHearingsDocument,
    "\n  query HearingOrganisations {\n    organisations {\n      id\n      name\n      kind\n      region {\n        id\n      }\n    }\n  }\n": types.HearingOrganisationsDocument,
    "\n  mutation OpenHearing($input: OpenHearingInput!) {\n    openHearing(input: $input) {\n      id\n    }\n  }\n": types.OpenHearingDocument,
    "\n  fragment HearingCommentFields on HearingComment {\n    id\n    responseId\n    position\n    blockId\n    quote\n    text\n    reply\n    outcome\n    changedBlockId\n    repliedAt\n    responseReference\n    organisation {\n      id\n      name\n      kind\n    }\n  }\n": types.HearingCommentFieldsFragmentDoc,
    "\n  fragment HearingResponseFields on HearingResponse {\n    id\n    reference\n    receivedAt\n    late\n    publish\n    summary\n    reply\n    outcome\n    repliedAt\n    receiptUrl\n    submittedBy\n    sender\n    sha256\n    organisation {\n      id\n      name\n      kind\n    }\n    attachments {\n      id\n      fileName\n      contentType\n      size\n      url\n    }\n    comments {\n      ...HearingCommentFields\n    }\n  }\n": types.HearingResponseFieldsFragmentDoc,
    "\n  mutation ReplyToHearingResponse($input: ResponseReplyInput!) {\n    replyToHearingResponse(input: $input) {\n      ...HearingResponseFields\n    }\n  }\n": types.ReplyToHearingResponseDocument,
    "\n  mutation PublishHearingMemo($input: PublishHearingMemoInput!) {\n    publishHearingMemo(input: $input) {\n      id\n      memoPublishedAt\n    }\n  }\n": types.PublishHearingMemoDocument,
    "\n  query HearingMemoVersions($id: ID!) {\n    hearing(id: $id) {\n      id\n      status\n      memoPublishedAt\n      memoDefaultVersionId\n      memoComparableVersions {\n        id\n        number\n        label\n      }\n    }\n  }\n": types.HearingMemoVersionsDocument,
    "\n  query InvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      hearingId\n      organisationName\n      hearingTitle\n      agreementTitle\n      closesAt\n      status\n    }\n  }\n": types.InvitationPreviewDocument,
    "\n  query HearingHead($id: ID!) {\n    hearing(id: $id) {\n      ...HearingSummaryFields\n      agreementId\n      agreementTitle\n      deadlineChanges {\n        changedAt\n        closesAt\n        previousClosesAt\n        reason\n      }\n      version {\n        id\n        number\n        label\n        content\n        blocks {\n          blockId\n          type\n          text\n        }\n      }\n    }\n  }\n": types.HearingHeadDocument,
    "\n  query HearingResponses($id: ID!) {\n    hearing(id: $id) {\n      id\n      responses {\n        ...HearingResponseFields\n      }\n    }\n  }\n": types.HearingResponsesDocument,
    "\n  query Hearing($id: ID!) {\n    hearing(id: $id) {\n      ...HearingSummaryFields\n      agreementId\n      agreementTitle\n      myDraft\n      deadlineChanges {\n        changedAt\n        closesAt\n        previousClosesAt\n        reason\n      }\n      version {\n        id\n        number\n        label\n        content\n        blocks {\n          blockId\n          type\n          text\n        }\n      }\n      responses {\n        ...HearingResponseFields\n      }\n    }\n  }\n": types.HearingDocument,
    "\n  query HearingAgreementTitle($id: ID!) {\n    agreement(id: $id) {\n      id\n      title\n    }\n  }\n": types.HearingAgreementTitleDocument,
    "\n  fragment HearingInvitationFields on HearingInvitation {\n    id\n    organisationId\n    organisationName\n    link\n    answered\n    issuedAt\n    withdrawnAt\n  }\n": types.HearingInvitationFieldsFragmentDoc,
    "\n  mutation WithdrawHearingInvitation($invitationId: ID!) {\n    withdrawHearingInvitation(invitationId: $invitationId) {\n      ...HearingInvitationFields\n    }\n  }\n": types.WithdrawHearingInvitationDocument,
    "\n  mutation ReissueHearingInvitation($invitationId: ID!) {\n    reissueHearingInvitation(invitationId: $invitationId) {\n      ...HearingInvitationFields\n    }\n  }\n": types.ReissueHearingInvitationDocument,
    "\n  query HearingProcessing($id: ID!) {\n    hearing(id: $id) {\n      id\n      responseCount\n      invitations {\n        ...HearingInvitationFields\n      }\n    }\n  }\n": types.HearingProcessingDocument,
    "\n  query HearingCommentPage($id: ID!, $first: Int!, $after: String, $filter: CommentFilterInput) {\n    hearing(id: $id) {\n      id\n      commentConnection(first: $first, after: $after, filter: $filter) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...HearingCommentFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.HearingCommentPageDocument,
    "\n  query HearingCommentFacets($id: ID!, $filter: CommentFilterInput) {\n    hearing(id: $id) {\n      id\n      commentConnection(first: 0, filter: $filter) {\n        totalCount\n        facets {\n          organisations {\n            organisationId\n            name\n            count\n          }\n          kinds {\n            kind\n            count\n          }\n          outcomes {\n            outcome\n            count\n          }\n          unanswered\n          blocks {\n            blockId\n            comments\n            answered\n          }\n        }\n      }\n    }\n  }\n": types.HearingCommentFacetsDocument,
    "\n  mutation ReplyToHearingComment($input: ReplyInput!) {\n    replyToHearingComment(input: $input) {\n      ...HearingCommentFields\n    }\n  }\n": types.ReplyToHearingCommentDocument,
    "\n  mutation ExtendHearingDeadline($input: ExtendHearingDeadlineInput!) {\n    extendHearingDeadline(input: $input) {\n      id\n      status\n      closesAt\n      deadlineChanges {\n        changedAt\n        closesAt\n        previousClosesAt\n        reason\n      }\n    }\n  }\n": types.ExtendHearingDeadlineDocument,
    "\n  query HearingMemo($hearingId: ID!, $compareWithVersionId: ID) {\n    hearingMemo(hearingId: $hearingId, compareWithVersionId: $compareWithVersionId) {\n      html\n      docxUrl\n      pdfUrl\n      comparedWith\n      comparedVersionId\n    }\n  }\n": types.HearingMemoDocument,
    "\n  mutation AcceptHearingInvitation($input: AcceptInvitationInput!) {\n    acceptHearingInvitation(input: $input) {\n      acceptanceId\n      email\n      expiresAt\n    }\n  }\n": types.AcceptHearingInvitationDocument,
    "\n  mutation ConfirmHearingInvitation($input: ConfirmInvitationInput!) {\n    confirmHearingInvitation(input: $input) {\n      token\n      hearingId\n      user {\n        id\n        name\n      }\n    }\n  }\n": types.ConfirmHearingInvitationDocument,
    "\n  mutation SubmitHearingResponse($input: SubmitHearingResponseInput!) {\n    submitHearingResponse(input: $input) {\n      ...HearingResponseFields\n    }\n  }\n": types.SubmitHearingResponseDocument,
    "\n  mutation RegisterLateHearingResponse($input: SubmitHearingResponseInput!) {\n    registerLateHearingResponse(input: $input) {\n      ...HearingResponseFields\n    }\n  }\n": types.RegisterLateHearingResponseDocument,
    "\n  mutation SaveHearingResponseDraft($input: SaveHearingDraftInput!) {\n    saveHearingResponseDraft(input: $input)\n  }\n": types.SaveHearingResponseDraftDocument,
    "\n  subscription HearingResponseReceived($hearingId: ID!) {\n    hearingResponseReceived(hearingId: $hearingId) {\n      id\n      reference\n      receivedAt\n      organisation {\n        id\n        name\n      }\n    }\n  }\n": types.HearingResponseReceivedDocument,
    "\n  query PublicHearing($id: ID!) {\n    publicHearing(id: $id) {\n      id\n      title\n      agreementTitle\n      status\n      opensAt\n      closesAt\n      content\n      deadlineChanges {\n        changedAt\n        closesAt\n        previousClosesAt\n        reason\n      }\n      publishedResponses {\n        reference\n        organisationName\n        receivedAt\n        summary\n        reply\n        outcome\n        comments {\n          blockId\n          text\n          reply\n          outcome\n        }\n      }\n      memoPublishedAt\n      memoHtml\n    }\n  }\n": types.PublicHearingDocument,
    "\n  fragment InputItemFields on ClusterInputItem {\n    id\n    position\n    blockId\n    theme\n    text\n    level\n    section {\n      id\n      title\n      kind\n      live\n    }\n    assessment {\n      outcome\n      reason\n      assessedAt\n      assessedBy\n      version {\n        id\n        number\n        label\n      }\n    }\n  }\n": types.InputItemFieldsFragmentDoc,
    "\n  fragment ClusterInputFields on ClusterInput {\n    id\n    number\n    status\n    submittedAt\n    submittedByName\n    updatedAt\n    meetingDate\n    meetingItem\n    supersedesId\n    cluster {\n      id\n      name\n    }\n    organisation {\n      id\n      name\n    }\n    items {\n      ...InputItemFields\n    }\n  }\n": types.ClusterInputFieldsFragmentDoc,
    "\n  query InputRounds {\n    agreements {\n      id\n      title\n      canEdit\n      region {\n        id\n        name\n        clusters {\n          id\n          name\n        }\n      }\n      versions {\n        id\n        number\n        label\n      }\n      inputRounds {\n        id\n        title\n        deadline\n        status\n        participants {\n          name\n          submitted\n        }\n        myParticipation {\n          deadline\n          submitted\n          status\n        }\n      }\n    }\n  }\n": types.InputRoundsDocument,
    "\n  query InputRoundOrganisations {\n    patients: organisations(kind: PATIENT_ORGANISATION) {\n      id\n      name\n    }\n    professionals: organisations(kind: PROFESSIONAL_ORGANISATION) {\n      id\n      name\n    }\n  }\n": types.InputRoundOrganisationsDocument,
    "\n  query InputRound($id: ID!) {\n    inputRound(id: $id) {\n      id\n      title\n      description\n      deadline\n      status\n      canManage\n      docxUrl\n      agreement {\n        id\n        title\n        sections {\n          blockId\n          kind\n          title\n        }\n        versions {\n          id\n          number\n          label\n        }\n      }\n      version {\n        id\n        number\n        label\n      }\n      deadlineChanges {\n        participantName\n        previousDeadline\n        deadline\n        reason\n        changedAt\n      }\n      participants {\n        name\n        deadline\n        extended\n        status\n        submitted\n        lastSubmittedAt\n        submissions\n        cluster {\n          id\n        }\n        organisation {\n          id\n        }\n      }\n      myParticipation {\n        name\n        deadline\n        extended\n        status\n        submitted\n        lastSubmittedAt\n        submissions\n        cluster {\n          id\n        }\n        organisation {\n          id\n        }\n      }\n      myDraft {\n        ...ClusterInputFields\n      }\n      inputs(includeSuperseded: true) {\n        ...ClusterInputFields\n      }\n    }\n  }\n": types.InputRoundDocument,
    "\n  query InputMatrix($id: ID!) {\n    inputRound(id: $id) {\n      id\n      matrix {\n        total\n        sections {\n          sectionId\n          title\n          kind\n          total\n        }\n        rows {\n          name\n          organisationId\n          clusterId\n          counts\n          total\n          submitted\n        }\n        themes {\n          theme\n          count\n          participants\n        }\n      }\n    }\n  }\n": types.InputMatrixDocument,
    "\n  mutation OpenInputRound($input: OpenInputRoundInput!) {\n    openInputRound(input: $input) {\n      id\n    }\n  }\n": types.OpenInputRoundDocument,
    "\n  mutation ExtendInputRoundDeadline($input: ExtendInputRoundDeadlineInput!) {\n    extendInputRoundDeadline(input: $input) {\n      id\n      deadline\n    }\n  }\n": types.ExtendInputRoundDeadlineDocument,
    "\n  mutation SaveClusterInputDraft($input: SaveClusterInputDraftInput!) {\n    saveClusterInputDraft(input: $input) {\n      ...ClusterInputFields\n    }\n  }\n": types.SaveClusterInputDraftDocument,
    "\n  mutation SubmitClusterInput($input: SubmitClusterInputInput!) {\n    submitClusterInput(input: $input) {\n      ...ClusterInputFields\n    }\n  }\n": types.SubmitClusterInputDocument,
    "\n  mutation AssessInputItem($input: AssessInputItemInput!) {\n    assessInputItem(input: $input) {\n      ...InputItemFields\n    }\n  }\n": types.AssessInputItemDocument,
    "\n  subscription ClusterInputSubmitted($agreementId: ID!) {\n    clusterInputSubmitted(agreementId: $agreementId) {\n      id\n      number\n      round {\n        id\n      }\n      organisation {\n        id\n        name\n      }\n    }\n  }\n": types.ClusterInputSubmittedDocument,
    "\n  fragment AgreementHeadFields on Agreement {\n    id\n    title\n    effectiveDate\n    phase\n    currentPhase\n    canEdit\n    finalVersion {\n      id\n      number\n      label\n    }\n  }\n": types.AgreementHeadFieldsFragmentDoc,
    "\n  fragment MilestoneFields on Milestone {\n    id\n    title\n    kind\n    date\n    phase\n    description\n    linkType\n    linkId\n    done\n    derived\n  }\n": types.MilestoneFieldsFragmentDoc,
    "\n  fragment ApprovalStatusFields on ApprovalStatus {\n    required\n    approved\n    rejected\n    pending {\n      id\n      name\n    }\n    rejectedBy {\n      id\n      name\n    }\n    parties {\n      organisation {\n        id\n        name\n        kind\n      }\n      decision\n      decidedAt\n      superseded\n    }\n  }\n": types.ApprovalStatusFieldsFragmentDoc,
    "\n  query AgreementTimeline($id: ID!) {\n    agreement(id: $id) {\n      ...AgreementHeadFields\n      milestones {\n        ...MilestoneFields\n      }\n    }\n  }\n": types.AgreementTimelineDocument,
    "\n  query AgreementApprovals($id: ID!) {\n    agreement(id: $id) {\n      ...AgreementHeadFields\n      approvals {\n        id\n        organisation {\n          id\n          name\n          kind\n        }\n        decision\n        decidedAt\n        meetingReference\n        note\n        documentId\n        recordedAt\n        versionId\n        version {\n          id\n          number\n          label\n        }\n        superseded\n        changesUrl\n      }\n      approvalStatus {\n        ...ApprovalStatusFields\n        onSupersededVersion {\n          id\n          name\n        }\n      }\n      lockedFinalVersion {\n        id\n        number\n        label\n        finalLockedAt\n      }\n      versions {\n        id\n        number\n        label\n        createdAt\n      }\n    }\n  }\n": types.AgreementApprovalsDocument,
    "\n  mutation LockFinalVersion($input: LockFinalVersionInput!) {\n    lockFinalVersion(input: $input) {\n      id\n      number\n      finalLockedAt\n    }\n  }\n": types.LockFinalVersionDocument,
    "\n  mutation RecordApproval($input: RecordApprovalInput!) {\n    recordApproval(input: $input) {\n      id\n      decision\n      decidedAt\n      organisation {\n        id\n        name\n      }\n    }\n  }\n": types.RecordApprovalDocument,
    "\n  mutation CreateMilestone($input: CreateMilestoneInput!) {\n    createMilestone(input: $input) {\n      ...MilestoneFields\n    }\n  }\n": types.CreateMilestoneDocument,
    "\n  mutation SetAgreementPhase($input: SetAgreementPhaseInput!) {\n    setAgreementPhase(input: $input) {\n      id\n      phase\n      currentPhase\n    }\n  }\n": types.SetAgreementPhaseDocument,
    "\n  subscription ApprovalRecorded($agreementId: ID!) {\n    approvalRecorded(agreementId: $agreementId) {\n      id\n      decision\n      decidedAt\n      organisation {\n        id\n        name\n      }\n    }\n  }\n": types.ApprovalRecordedDocument,
    "\n  fragment VersionSummaryFields on AgreementVersion {\n    id\n    number\n    label\n    createdAt\n    createdBy {\n      id\n      name\n    }\n  }\n": types.VersionSummaryFieldsFragmentDoc,
    "\n  query AgreementVersions($agreementId: ID!) {\n    agreement(id: $agreementId) {\n      id\n      canEdit\n      versions {\n        ...VersionSummaryFields\n      }\n    }\n  }\n": types.AgreementVersionsDocument,
    "\n  query AgreementVersion($id: ID!) {\n    agreementVersion(id: $id) {\n      ...VersionSummaryFields\n      content\n    }\n  }\n": types.AgreementVersionDocument,
    "\n  query CompareVersions($fromVersionId: ID!, $toVersionId: ID) {\n    compareVersions(fromVersionId: $fromVersionId, toVersionId: $toVersionId) {\n      from {\n        ...VersionSummaryFields\n      }\n      to {\n        ...VersionSummaryFields\n      }\n      changes {\n        blockId\n        change\n        type\n        before\n        after\n        sectionTitle\n        words {\n          kind\n          text\n        }\n      }\n    }\n  }\n": types.CompareVersionsDocument,
    "\n  mutation CreateVersion($input: CreateVersionInput!) {\n    createVersion(input: $input) {\n      ...VersionSummaryFields\n    }\n  }\n": types.CreateVersionDocument,
    "\n  mutation RestoreVersion($versionId: ID!) {\n    restoreVersion(versionId: $versionId) {\n      id\n      versions {\n        ...VersionSummaryFields\n      }\n    }\n  }\n": types.RestoreVersionDocument,
    "\n  query WordAgreements {\n    agreements {\n      id\n      title\n      periodStart\n      periodEnd\n      canEdit\n      region {\n        id\n        name\n      }\n      versions {\n        id\n        number\n        label\n      }\n    }\n  }\n": types.WordAgreementsDocument,
    "\n  query WordRegions {\n    regions {\n      id\n      name\n    }\n  }\n": types.WordRegionsDocument,
    "\n  query ImportedSections($id: ID!) {\n    agreement(id: $id) {\n      id\n      title\n      sections {\n        blockId\n        kind\n        title\n      }\n    }\n  }\n": types.ImportedSectionsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Agreements {\n    agreements {\n      id\n      title\n      periodStart\n      periodEnd\n      effectiveDate\n      phase\n      currentPhase\n      documentName\n      region {\n        id\n        code\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Agreements {\n    agreements {\n      id\n      title\n      periodStart\n      periodEnd\n      effectiveDate\n      phase\n      currentPhase\n      documentName\n      region {\n        id\n        code\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CurrentUserFields on User {\n    id\n    email\n    name\n    role\n    organisation {\n      id\n      name\n      kind\n    }\n  }\n"): (typeof documents)["\n  fragment CurrentUserFields on User {\n    id\n    email\n    name\n    role\n    organisation {\n      id\n      name\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      user {\n        ...CurrentUserFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      user {\n        ...CurrentUserFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...CurrentUserFields\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...CurrentUserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UseSessionCookie {\n    useSessionCookie\n  }\n"): (typeof documents)["\n  mutation UseSessionCookie {\n    useSessionCookie\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CollaborationToken($documentName: String!) {\n    collaborationToken(documentName: $documentName) {\n      token\n      expiresAt\n      readOnly\n    }\n  }\n"): (typeof documents)["\n  mutation CollaborationToken($documentName: String!) {\n    collaborationToken(documentName: $documentName) {\n      token\n      expiresAt\n      readOnly\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AgreementDashboard($id: ID!) {\n    agreement(id: $id) {\n      ...AgreementHeadFields\n      milestones {\n        ...MilestoneFields\n      }\n      inputRounds {\n        id\n        title\n        participants {\n          name\n          submitted\n        }\n      }\n    }\n    agreementDashboard(agreementId: $id) {\n      phase\n      nextDeadline {\n        id\n        title\n        date\n      }\n      daysToEffectiveDate\n      effectiveDateStatus\n      inputsReceived\n      hearingResponses\n      hearingComments\n      hearingCommentsAnswered\n      approvals {\n        required\n        approved\n        rejected\n      }\n    }\n    outbox(agreementId: $id) {\n      id\n      kind\n      subject\n      body\n      recipients\n      createdAt\n      sentAt\n    }\n  }\n"): (typeof documents)["\n  query AgreementDashboard($id: ID!) {\n    agreement(id: $id) {\n      ...AgreementHeadFields\n      milestones {\n        ...MilestoneFields\n      }\n      inputRounds {\n        id\n        title\n        participants {\n          name\n          submitted\n        }\n      }\n    }\n    agreementDashboard(agreementId: $id) {\n      phase\n      nextDeadline {\n        id\n        title\n        date\n      }\n      daysToEffectiveDate\n      effectiveDateStatus\n      inputsReceived\n      hearingResponses\n      hearingComments\n      hearingCommentsAnswered\n      approvals {\n        required\n        approved\n        rejected\n      }\n    }\n    outbox(agreementId: $id) {\n      id\n      kind\n      subject\n      body\n      recipients\n      createdAt\n      sentAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditorAgreement($id: ID!) {\n    agreement(id: $id) {\n      id\n      title\n      documentName\n      canEdit\n      region {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query EditorAgreement($id: ID!) {\n    agreement(id: $id) {\n      id\n      title\n      documentName\n      canEdit\n      region {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HearingSummaryFields on Hearing {\n    id\n    title\n    status\n    opensAt\n    closesAt\n    responseCount\n    canManage\n    invited\n    myResponse {\n      id\n      reference\n      receivedAt\n      receiptUrl\n    }\n    version {\n      id\n      number\n      label\n    }\n  }\n"): (typeof documents)["\n  fragment HearingSummaryFields on Hearing {\n    id\n    title\n    status\n    opensAt\n    closesAt\n    responseCount\n    canManage\n    invited\n    myResponse {\n      id\n      reference\n      receivedAt\n      receiptUrl\n    }\n    version {\n      id\n      number\n      label\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AgreementHearings {\n    agreements {\n      id\n      title\n      canEdit\n      region {\n        id\n        name\n      }\n      versions {\n        id\n        number\n        label\n        createdAt\n      }\n      hearings {\n        ...HearingSummaryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AgreementHearings {\n    agreements {\n      id\n      title\n      canEdit\n      region {\n        id\n        name\n      }\n      versions {\n        id\n        number\n        label\n        createdAt\n      }\n      hearings {\n        ...HearingSummaryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReadableHearings {\n    hearings {\n      ...HearingSummaryFields\n      agreementId\n      agreementTitle\n    }\n  }\n"): (typeof documents)["\n  query ReadableHearings {\n    hearings {\n      ...HearingSummaryFields\n      agreementId\n      agreementTitle\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HearingOrganisations {\n    organisations {\n      id\n      name\n      kind\n      region {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query HearingOrganisations {\n    organisations {\n      id\n      name\n      kind\n      region {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenHearing($input: OpenHearingInput!) {\n    openHearing(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation OpenHearing($input: OpenHearingInput!) {\n    openHearing(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HearingCommentFields on HearingComment {\n    id\n    responseId\n    position\n    blockId\n    quote\n    text\n    reply\n    outcome\n    changedBlockId\n    repliedAt\n    responseReference\n    organisation {\n      id\n      name\n      kind\n    }\n  }\n"): (typeof documents)["\n  fragment HearingCommentFields on HearingComment {\n    id\n    responseId\n    position\n    blockId\n    quote\n    text\n    reply\n    outcome\n    changedBlockId\n    repliedAt\n    responseReference\n    organisation {\n      id\n      name\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HearingResponseFields on HearingResponse {\n    id\n    reference\n    receivedAt\n    late\n    publish\n    summary\n    reply\n    outcome\n    repliedAt\n    receiptUrl\n    submittedBy\n    sender\n    sha256\n    organisation {\n      id\n      name\n      kind\n    }\n    attachments {\n      id\n      fileName\n      contentType\n      size\n      url\n    }\n    comments {\n      ...HearingCommentFields\n    }\n  }\n"): (typeof documents)["\n  fragment HearingResponseFields on HearingResponse {\n    id\n    reference\n    receivedAt\n    late\n    publish\n    summary\n    reply\n    outcome\n    repliedAt\n    receiptUrl\n    submittedBy\n    sender\n    sha256\n    organisation {\n      id\n      name\n      kind\n    }\n    attachments {\n      id\n      fileName\n      contentType\n      size\n      url\n    }\n    comments {\n      ...HearingCommentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplyToHearingResponse($input: ResponseReplyInput!) {\n    replyToHearingResponse(input: $input) {\n      ...HearingResponseFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReplyToHearingResponse($input: ResponseReplyInput!) {\n    replyToHearingResponse(input: $input) {\n      ...HearingResponseFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishHearingMemo($input: PublishHearingMemoInput!) {\n    publishHearingMemo(input: $input) {\n      id\n      memoPublishedAt\n    }\n  }\n"): (typeof documents)["\n  mutation PublishHearingMemo($input: PublishHearingMemoInput!) {\n    publishHearingMemo(input: $input) {\n      id\n      memoPublishedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HearingMemoVersions($id: ID!) {\n    hearing(id: $id) {\n      id\n      status\n      memoPublishedAt\n      memoDefaultVersionId\n      memoComparableVersions {\n        id\n        number\n        label\n      }\n    }\n  }\n"): (typeof documents)["\n  query HearingMemoVersions($id: ID!) {\n    hearing(id: $id) {\n      id\n      status\n      memoPublishedAt\n      memoDefaultVersionId\n      memoComparableVersions {\n        id\n        number\n        label\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      hearingId\n      organisationName\n      hearingTitle\n      agreementTitle\n      closesAt\n      status\n    }\n  }\n"): (typeof documents)["\n  query InvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      hearingId\n      organisationName\n      hearingTitle\n      agreementTitle\n      closesAt\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HearingHead($id: ID!) {\n    hearing(id: $id) {\n      ...HearingSummaryFields\n      agreementId\n      agreementTitle\n      deadlineChanges {\n        changedAt\n        closesAt\n        previousClosesAt\n        reason\n      }\n      version {\n        id\n        number\n        label\n        content\n        blocks {\n          blockId\n          type\n          text\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query HearingHead($id: ID!) {\n    hearing(id: $id) {\n      ...HearingSummaryFields\n      agreementId\n      agreementTitle\n      deadlineChanges {\n        changedAt\n        closesAt\n        previousClosesAt\n        reason\n      }\n      version {\n        id\n        number\n        label\n        content\n        blocks {\n          blockId\n          type\n          text\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HearingResponses($id: ID!) {\n    hearing(id: $id) {\n      id\n      responses {\n        ...HearingResponseFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query HearingResponses($id: ID!) {\n    hearing(id: $id) {\n      id\n      responses {\n        ...HearingResponseFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Hearing($id: ID!) {\n    hearing(id: $id) {\n      ...HearingSummaryFields\n      agreementId\n      agreementTitle\n      myDraft\n      deadlineChanges {\n        changedAt\n        closesAt\n        previousClosesAt\n        reason\n      }\n      version {\n        id\n        number\n        label\n        content\n        blocks {\n          blockId\n          type\n          text\n        }\n      }\n      responses {\n        ...HearingResponseFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Hearing($id: ID!) {\n    hearing(id: $id) {\n      ...HearingSummaryFields\n      agreementId\n      agreementTitle\n      myDraft\n      deadlineChanges {\n        changedAt\n        closesAt\n        previousClosesAt\n        reason\n      }\n      version {\n        id\n        number\n        label\n        content\n        blocks {\n          blockId\n          type\n          text\n        }\n      }\n      responses {\n        ...HearingResponseFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HearingAgreementTitle($id: ID!) {\n    agreement(id: $id) {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  query HearingAgreementTitle($id: ID!) {\n    agreement(id: $id) {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HearingInvitationFields on HearingInvitation {\n    id\n    organisationId\n    organisationName\n    link\n    answered\n    issuedAt\n    withdrawnAt\n  }\n"): (typeof documents)["\n  fragment HearingInvitationFields on HearingInvitation {\n    id\n    organisationId\n    organisationName\n    link\n    answered\n    issuedAt\n    withdrawnAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawHearingInvitation($invitationId: ID!) {\n    withdrawHearingInvitation(invitationId: $invitationId) {\n      ...HearingInvitationFields\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawHearingInvitation($invitationId: ID!) {\n    withdrawHearingInvitation(invitationId: $invitationId) {\n      ...HearingInvitationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReissueHearingInvitation($invitationId: ID!) {\n    reissueHearingInvitation(invitationId: $invitationId) {\n      ...HearingInvitationFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReissueHearingInvitation($invitationId: ID!) {\n    reissueHearingInvitation(invitationId: $invitationId) {\n      ...HearingInvitationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HearingProcessing($id: ID!) {\n    hearing(id: $id) {\n      id\n      responseCount\n      invitations {\n        ...HearingInvitationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query HearingProcessing($id: ID!) {\n    hearing(id: $id) {\n      id\n      responseCount\n      invitations {\n        ...HearingInvitationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HearingCommentPage($id: ID!, $first: Int!, $after: String, $filter: CommentFilterInput) {\n    hearing(id: $id) {\n      id\n      commentConnection(first: $first, after: $after, filter: $filter) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...HearingCommentFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query HearingCommentPage($id: ID!, $first: Int!, $after: String, $filter: CommentFilterInput) {\n    hearing(id: $id) {\n      id\n      commentConnection(first: $first, after: $after, filter: $filter) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...HearingCommentFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HearingCommentFacets($id: ID!, $filter: CommentFilterInput) {\n    hearing(id: $id) {\n      id\n      commentConnection(first: 0, filter: $filter) {\n        totalCount\n        facets {\n          organisations {\n            organisationId\n            name\n            count\n          }\n          kinds {\n            kind\n            count\n          }\n          outcomes {\n            outcome\n            count\n          }\n          unanswered\n          blocks {\n            blockId\n            comments\n            answered\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query HearingCommentFacets($id: ID!, $filter: CommentFilterInput) {\n    hearing(id: $id) {\n      id\n      commentConnection(first: 0, filter: $filter) {\n        totalCount\n        facets {\n          organisations {\n            organisationId\n            name\n            count\n          }\n          kinds {\n            kind\n            count\n          }\n          outcomes {\n            outcome\n            count\n          }\n          unanswered\n          blocks {\n            blockId\n            comments\n            answered\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplyToHearingComment($input: ReplyInput!) {\n    replyToHearingComment(input: $input) {\n      ...HearingCommentFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReplyToHearingComment($input: ReplyInput!) {\n    replyToHearingComment(input: $input) {\n      ...HearingCommentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExtendHearingDeadline($input: ExtendHearingDeadlineInput!) {\n    extendHearingDeadline(input: $input) {\n      id\n      status\n      closesAt\n      deadlineChanges {\n        changedAt\n        closesAt\n        previousClosesAt\n        reason\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ExtendHearingDeadline($input: ExtendHearingDeadlineInput!) {\n    extendHearingDeadline(input: $input) {\n      id\n      status\n      closesAt\n      deadlineChanges {\n        changedAt\n        closesAt\n        previousClosesAt\n        reason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HearingMemo($hearingId: ID!, $compareWithVersionId: ID) {\n    hearingMemo(hearingId: $hearingId, compareWithVersionId: $compareWithVersionId) {\n      html\n      docxUrl\n      pdfUrl\n      comparedWith\n      comparedVersionId\n    }\n  }\n"): (typeof documents)["\n  query HearingMemo($hearingId: ID!, $compareWithVersionId: ID) {\n    hearingMemo(hearingId: $hearingId, compareWithVersionId: $compareWithVersionId) {\n      html\n      docxUrl\n      pdfUrl\n      comparedWith\n      comparedVersionId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptHearingInvitation($input: AcceptInvitationInput!) {\n    acceptHearingInvitation(input: $input) {\n      acceptanceId\n      email\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptHearingInvitation($input: AcceptInvitationInput!) {\n    acceptHearingInvitation(input: $input) {\n      acceptanceId\n      email\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmHearingInvitation($input: ConfirmInvitationInput!) {\n    confirmHearingInvitation(input: $input) {\n      token\n      hearingId\n      user {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmHearingInvitation($input: ConfirmInvitationInput!) {\n    confirmHearingInvitation(input: $input) {\n      token\n      hearingId\n      user {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitHearingResponse($input: SubmitHearingResponseInput!) {\n    submitHearingResponse(input: $input) {\n      ...HearingResponseFields\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitHearingResponse($input: SubmitHearingResponseInput!) {\n    submitHearingResponse(input: $input) {\n      ...HearingResponseFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterLateHearingResponse($input: SubmitHearingResponseInput!) {\n    registerLateHearingResponse(input: $input) {\n      ...HearingResponseFields\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterLateHearingResponse($input: SubmitHearingResponseInput!) {\n    registerLateHearingResponse(input: $input) {\n      ...HearingResponseFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveHearingResponseDraft($input: SaveHearingDraftInput!) {\n    saveHearingResponseDraft(input: $input)\n  }\n"): (typeof documents)["\n  mutation SaveHearingResponseDraft($input: SaveHearingDraftInput!) {\n    saveHearingResponseDraft(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription HearingResponseReceived($hearingId: ID!) {\n    hearingResponseReceived(hearingId: $hearingId) {\n      id\n      reference\n      receivedAt\n      organisation {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription HearingResponseReceived($hearingId: ID!) {\n    hearingResponseReceived(hearingId: $hearingId) {\n      id\n      reference\n      receivedAt\n      organisation {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicHearing($id: ID!) {\n    publicHearing(id: $id) {\n      id\n      title\n      agreementTitle\n      status\n      opensAt\n      closesAt\n      content\n      deadlineChanges {\n        changedAt\n        closesAt\n        previousClosesAt\n        reason\n      }\n      publishedResponses {\n        reference\n        organisationName\n        receivedAt\n        summary\n        reply\n        outcome\n        comments {\n          blockId\n          text\n          reply\n          outcome\n        }\n      }\n      memoPublishedAt\n      memoHtml\n    }\n  }\n"): (typeof documents)["\n  query PublicHearing($id: ID!) {\n    publicHearing(id: $id) {\n      id\n      title\n      agreementTitle\n      status\n      opensAt\n      closesAt\n      content\n      deadlineChanges {\n        changedAt\n        closesAt\n        previousClosesAt\n        reason\n      }\n      publishedResponses {\n        reference\n        organisationName\n        receivedAt\n        summary\n        reply\n        outcome\n        comments {\n          blockId\n          text\n          reply\n          outcome\n        }\n      }\n      memoPublishedAt\n      memoHtml\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InputItemFields on ClusterInputItem {\n    id\n    position\n    blockId\n    theme\n    text\n    level\n    section {\n      id\n      title\n      kind\n      live\n    }\n    assessment {\n      outcome\n      reason\n      assessedAt\n      assessedBy\n      version {\n        id\n        number\n        label\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment InputItemFields on ClusterInputItem {\n    id\n    position\n    blockId\n    theme\n    text\n    level\n    section {\n      id\n      title\n      kind\n      live\n    }\n    assessment {\n      outcome\n      reason\n      assessedAt\n      assessedBy\n      version {\n        id\n        number\n        label\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClusterInputFields on ClusterInput {\n    id\n    number\n    status\n    submittedAt\n    submittedByName\n    updatedAt\n    meetingDate\n    meetingItem\n    supersedesId\n    cluster {\n      id\n      name\n    }\n    organisation {\n      id\n      name\n    }\n    items {\n      ...InputItemFields\n    }\n  }\n"): (typeof documents)["\n  fragment ClusterInputFields on ClusterInput {\n    id\n    number\n    status\n    submittedAt\n    submittedByName\n    updatedAt\n    meetingDate\n    meetingItem\n    supersedesId\n    cluster {\n      id\n      name\n    }\n    organisation {\n      id\n      name\n    }\n    items {\n      ...InputItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InputRounds {\n    agreements {\n      id\n      title\n      canEdit\n      region {\n        id\n        name\n        clusters {\n          id\n          name\n        }\n      }\n      versions {\n        id\n        number\n        label\n      }\n      inputRounds {\n        id\n        title\n        deadline\n        status\n        participants {\n          name\n          submitted\n        }\n        myParticipation {\n          deadline\n          submitted\n          status\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query InputRounds {\n    agreements {\n      id\n      title\n      canEdit\n      region {\n        id\n        name\n        clusters {\n          id\n          name\n        }\n      }\n      versions {\n        id\n        number\n        label\n      }\n      inputRounds {\n        id\n        title\n        deadline\n        status\n        participants {\n          name\n          submitted\n        }\n        myParticipation {\n          deadline\n          submitted\n          status\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InputRoundOrganisations {\n    patients: organisations(kind: PATIENT_ORGANISATION) {\n      id\n      name\n    }\n    professionals: organisations(kind: PROFESSIONAL_ORGANISATION) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query InputRoundOrganisations {\n    patients: organisations(kind: PATIENT_ORGANISATION) {\n      id\n      name\n    }\n    professionals: organisations(kind: PROFESSIONAL_ORGANISATION) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InputRound($id: ID!) {\n    inputRound(id: $id) {\n      id\n      title\n      description\n      deadline\n      status\n      canManage\n      docxUrl\n      agreement {\n        id\n        title\n        sections {\n          blockId\n          kind\n          title\n        }\n        versions {\n          id\n          number\n          label\n        }\n      }\n      version {\n        id\n        number\n        label\n      }\n      deadlineChanges {\n        participantName\n        previousDeadline\n        deadline\n        reason\n        changedAt\n      }\n      participants {\n        name\n        deadline\n        extended\n        status\n        submitted\n        lastSubmittedAt\n        submissions\n        cluster {\n          id\n        }\n        organisation {\n          id\n        }\n      }\n      myParticipation {\n        name\n        deadline\n        extended\n        status\n        submitted\n        lastSubmittedAt\n        submissions\n        cluster {\n          id\n        }\n        organisation {\n          id\n        }\n      }\n      myDraft {\n        ...ClusterInputFields\n      }\n      inputs(includeSuperseded: true) {\n        ...ClusterInputFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query InputRound($id: ID!) {\n    inputRound(id: $id) {\n      id\n      title\n      description\n      deadline\n      status\n      canManage\n      docxUrl\n      agreement {\n        id\n        title\n        sections {\n          blockId\n          kind\n          title\n        }\n        versions {\n          id\n          number\n          label\n        }\n      }\n      version {\n        id\n        number\n        label\n      }\n      deadlineChanges {\n        participantName\n        previousDeadline\n        deadline\n        reason\n        changedAt\n      }\n      participants {\n        name\n        deadline\n        extended\n        status\n        submitted\n        lastSubmittedAt\n        submissions\n        cluster {\n          id\n        }\n        organisation {\n          id\n        }\n      }\n      myParticipation {\n        name\n        deadline\n        extended\n        status\n        submitted\n        lastSubmittedAt\n        submissions\n        cluster {\n          id\n        }\n        organisation {\n          id\n        }\n      }\n      myDraft {\n        ...ClusterInputFields\n      }\n      inputs(includeSuperseded: true) {\n        ...ClusterInputFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InputMatrix($id: ID!) {\n    inputRound(id: $id) {\n      id\n      matrix {\n        total\n        sections {\n          sectionId\n          title\n          kind\n          total\n        }\n        rows {\n          name\n          organisationId\n          clusterId\n          counts\n          total\n          submitted\n        }\n        themes {\n          theme\n          count\n          participants\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query InputMatrix($id: ID!) {\n    inputRound(id: $id) {\n      id\n      matrix {\n        total\n        sections {\n          sectionId\n          title\n          kind\n          total\n        }\n        rows {\n          name\n          organisationId\n          clusterId\n          counts\n          total\n          submitted\n        }\n        themes {\n          theme\n          count\n          participants\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenInputRound($input: OpenInputRoundInput!) {\n    openInputRound(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation OpenInputRound($input: OpenInputRoundInput!) {\n    openInputRound(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExtendInputRoundDeadline($input: ExtendInputRoundDeadlineInput!) {\n    extendInputRoundDeadline(input: $input) {\n      id\n      deadline\n    }\n  }\n"): (typeof documents)["\n  mutation ExtendInputRoundDeadline($input: ExtendInputRoundDeadlineInput!) {\n    extendInputRoundDeadline(input: $input) {\n      id\n      deadline\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveClusterInputDraft($input: SaveClusterInputDraftInput!) {\n    saveClusterInputDraft(input: $input) {\n      ...ClusterInputFields\n    }\n  }\n"): (typeof documents)["\n  mutation SaveClusterInputDraft($input: SaveClusterInputDraftInput!) {\n    saveClusterInputDraft(input: $input) {\n      ...ClusterInputFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitClusterInput($input: SubmitClusterInputInput!) {\n    submitClusterInput(input: $input) {\n      ...ClusterInputFields\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitClusterInput($input: SubmitClusterInputInput!) {\n    submitClusterInput(input: $input) {\n      ...ClusterInputFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssessInputItem($input: AssessInputItemInput!) {\n    assessInputItem(input: $input) {\n      ...InputItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation AssessInputItem($input: AssessInputItemInput!) {\n    assessInputItem(input: $input) {\n      ...InputItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ClusterInputSubmitted($agreementId: ID!) {\n    clusterInputSubmitted(agreementId: $agreementId) {\n      id\n      number\n      round {\n        id\n      }\n      organisation {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ClusterInputSubmitted($agreementId: ID!) {\n    clusterInputSubmitted(agreementId: $agreementId) {\n      id\n      number\n      round {\n        id\n      }\n      organisation {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AgreementHeadFields on Agreement {\n    id\n    title\n    effectiveDate\n    phase\n    currentPhase\n    canEdit\n    finalVersion {\n      id\n      number\n      label\n    }\n  }\n"): (typeof documents)["\n  fragment AgreementHeadFields on Agreement {\n    id\n    title\n    effectiveDate\n    phase\n    currentPhase\n    canEdit\n    finalVersion {\n      id\n      number\n      label\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MilestoneFields on Milestone {\n    id\n    title\n    kind\n    date\n    phase\n    description\n    linkType\n    linkId\n    done\n    derived\n  }\n"): (typeof documents)["\n  fragment MilestoneFields on Milestone {\n    id\n    title\n    kind\n    date\n    phase\n    description\n    linkType\n    linkId\n    done\n    derived\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApprovalStatusFields on ApprovalStatus {\n    required\n    approved\n    rejected\n    pending {\n      id\n      name\n    }\n    rejectedBy {\n      id\n      name\n    }\n    parties {\n      organisation {\n        id\n        name\n        kind\n      }\n      decision\n      decidedAt\n      superseded\n    }\n  }\n"): (typeof documents)["\n  fragment ApprovalStatusFields on ApprovalStatus {\n    required\n    approved\n    rejected\n    pending {\n      id\n      name\n    }\n    rejectedBy {\n      id\n      name\n    }\n    parties {\n      organisation {\n        id\n        name\n        kind\n      }\n      decision\n      decidedAt\n      superseded\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AgreementTimeline($id: ID!) {\n    agreement(id: $id) {\n      ...AgreementHeadFields\n      milestones {\n        ...MilestoneFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AgreementTimeline($id: ID!) {\n    agreement(id: $id) {\n      ...AgreementHeadFields\n      milestones {\n        ...MilestoneFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AgreementApprovals($id: ID!) {\n    agreement(id: $id) {\n      ...AgreementHeadFields\n      approvals {\n        id\n        organisation {\n          id\n          name\n          kind\n        }\n        decision\n        decidedAt\n        meetingReference\n        note\n        documentId\n        recordedAt\n        versionId\n        version {\n          id\n          number\n          label\n        }\n        superseded\n        changesUrl\n      }\n      approvalStatus {\n        ...ApprovalStatusFields\n        onSupersededVersion {\n          id\n          name\n        }\n      }\n      lockedFinalVersion {\n        id\n        number\n        label\n        finalLockedAt\n      }\n      versions {\n        id\n        number\n        label\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query AgreementApprovals($id: ID!) {\n    agreement(id: $id) {\n      ...AgreementHeadFields\n      approvals {\n        id\n        organisation {\n          id\n          name\n          kind\n        }\n        decision\n        decidedAt\n        meetingReference\n        note\n        documentId\n        recordedAt\n        versionId\n        version {\n          id\n          number\n          label\n        }\n        superseded\n        changesUrl\n      }\n      approvalStatus {\n        ...ApprovalStatusFields\n        onSupersededVersion {\n          id\n          name\n        }\n      }\n      lockedFinalVersion {\n        id\n        number\n        label\n        finalLockedAt\n      }\n      versions {\n        id\n        number\n        label\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LockFinalVersion($input: LockFinalVersionInput!) {\n    lockFinalVersion(input: $input) {\n      id\n      number\n      finalLockedAt\n    }\n  }\n"): (typeof documents)["\n  mutation LockFinalVersion($input: LockFinalVersionInput!) {\n    lockFinalVersion(input: $input) {\n      id\n      number\n      finalLockedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordApproval($input: RecordApprovalInput!) {\n    recordApproval(input: $input) {\n      id\n      decision\n      decidedAt\n      organisation {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RecordApproval($input: RecordApprovalInput!) {\n    recordApproval(input: $input) {\n      id\n      decision\n      decidedAt\n      organisation {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMilestone($input: CreateMilestoneInput!) {\n    createMilestone(input: $input) {\n      ...MilestoneFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateMilestone($input: CreateMilestoneInput!) {\n    createMilestone(input: $input) {\n      ...MilestoneFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAgreementPhase($input: SetAgreementPhaseInput!) {\n    setAgreementPhase(input: $input) {\n      id\n      phase\n      currentPhase\n    }\n  }\n"): (typeof documents)["\n  mutation SetAgreementPhase($input: SetAgreementPhaseInput!) {\n    setAgreementPhase(input: $input) {\n      id\n      phase\n      currentPhase\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ApprovalRecorded($agreementId: ID!) {\n    approvalRecorded(agreementId: $agreementId) {\n      id\n      decision\n      decidedAt\n      organisation {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ApprovalRecorded($agreementId: ID!) {\n    approvalRecorded(agreementId: $agreementId) {\n      id\n      decision\n      decidedAt\n      organisation {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment VersionSummaryFields on AgreementVersion {\n    id\n    number\n    label\n    createdAt\n    createdBy {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment VersionSummaryFields on AgreementVersion {\n    id\n    number\n    label\n    createdAt\n    createdBy {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AgreementVersions($agreementId: ID!) {\n    agreement(id: $agreementId) {\n      id\n      canEdit\n      versions {\n        ...VersionSummaryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AgreementVersions($agreementId: ID!) {\n    agreement(id: $agreementId) {\n      id\n      canEdit\n      versions {\n        ...VersionSummaryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AgreementVersion($id: ID!) {\n    agreementVersion(id: $id) {\n      ...VersionSummaryFields\n      content\n    }\n  }\n"): (typeof documents)["\n  query AgreementVersion($id: ID!) {\n    agreementVersion(id: $id) {\n      ...VersionSummaryFields\n      content\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompareVersions($fromVersionId: ID!, $toVersionId: ID) {\n    compareVersions(fromVersionId: $fromVersionId, toVersionId: $toVersionId) {\n      from {\n        ...VersionSummaryFields\n      }\n      to {\n        ...VersionSummaryFields\n      }\n      changes {\n        blockId\n        change\n        type\n        before\n        after\n        sectionTitle\n        words {\n          kind\n          text\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CompareVersions($fromVersionId: ID!, $toVersionId: ID) {\n    compareVersions(fromVersionId: $fromVersionId, toVersionId: $toVersionId) {\n      from {\n        ...VersionSummaryFields\n      }\n      to {\n        ...VersionSummaryFields\n      }\n      changes {\n        blockId\n        change\n        type\n        before\n        after\n        sectionTitle\n        words {\n          kind\n          text\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateVersion($input: CreateVersionInput!) {\n    createVersion(input: $input) {\n      ...VersionSummaryFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateVersion($input: CreateVersionInput!) {\n    createVersion(input: $input) {\n      ...VersionSummaryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreVersion($versionId: ID!) {\n    restoreVersion(versionId: $versionId) {\n      id\n      versions {\n        ...VersionSummaryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreVersion($versionId: ID!) {\n    restoreVersion(versionId: $versionId) {\n      id\n      versions {\n        ...VersionSummaryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WordAgreements {\n    agreements {\n      id\n      title\n      periodStart\n      periodEnd\n      canEdit\n      region {\n        id\n        name\n      }\n      versions {\n        id\n        number\n        label\n      }\n    }\n  }\n"): (typeof documents)["\n  query WordAgreements {\n    agreements {\n      id\n      title\n      periodStart\n      periodEnd\n      canEdit\n      region {\n        id\n        name\n      }\n      versions {\n        id\n        number\n        label\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WordRegions {\n    regions {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query WordRegions {\n    regions {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportedSections($id: ID!) {\n    agreement(id: $id) {\n      id\n      title\n      sections {\n        blockId\n        kind\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  query ImportedSections($id: ID!) {\n    agreement(id: $id) {\n      id\n      title\n      sections {\n        blockId\n        kind\n        title\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;