import { graphql } from '../../../gql';
import type { AgreementHeadFieldsFragment, ApprovalStatusFieldsFragment, MilestoneFieldsFragment } from '../../../gql/graphql';

/** What every page of an agreement shows in its header. */
export type AgreementHead = AgreementHeadFieldsFragment;
export type Milestone = MilestoneFieldsFragment;
export type ApprovalStatus = ApprovalStatusFieldsFragment;
export type ApprovalParty = ApprovalStatus['parties'][number];

export const HEAD_FIELDS = graphql(`
  fragment AgreementHeadFields on Agreement {
    id
    title
    effectiveDate
    phase
    currentPhase
    canEdit
    finalVersion {
      id
      number
      label
    }
  }
`);

export const MILESTONE_FIELDS = graphql(`
  fragment MilestoneFields on Milestone {
    id
    title
    kind
    date
    phase
    description
    linkType
    linkId
    done
    derived
  }
`);

// One selection of approvalStatus everywhere, so the cache never replaces it with less.
export const APPROVAL_STATUS_FIELDS = graphql(`
  fragment ApprovalStatusFields on ApprovalStatus {
    required
    approved
    rejected
    pending {
      id
      name
    }
    rejectedBy {
      id
      name
    }
    parties {
      organisation {
        id
        name
        kind
      }
      decision
      decidedAt
      superseded
    }
  }
`);

export const AGREEMENT_TIMELINE = graphql(`
  query AgreementTimeline($id: ID!) {
    agreement(id: $id) {
      ...AgreementHeadFields
      milestones {
        ...MilestoneFields
      }
    }
  }
`);

export const AGREEMENT_APPROVALS = graphql(`
  query AgreementApprovals($id: ID!) {
    agreement(id: $id) {
      ...AgreementHeadFields
      approvals {
        id
        organisation {
          id
          name
          kind
        }
        decision
        decidedAt
        meetingReference
        note
        documentId
        recordedAt
        versionId
        version {
          id
          number
          label
        }
        superseded
        changesUrl
      }
      approvalStatus {
        ...ApprovalStatusFields
        onSupersededVersion {
          id
          name
        }
      }
      lockedFinalVersion {
        id
        number
        label
        finalLockedAt
      }
      versions {
        id
        number
        label
        createdAt
      }
    }
  }
`);

export const LOCK_FINAL_VERSION = graphql(`
  mutation LockFinalVersion($input: LockFinalVersionInput!) {
    lockFinalVersion(input: $input) {
      id
      number
      finalLockedAt
    }
  }
`);

export const RECORD_APPROVAL = graphql(`
  mutation RecordApproval($input: RecordApprovalInput!) {
    recordApproval(input: $input) {
      id
      decision
      decidedAt
      organisation {
        id
        name
      }
    }
  }
`);

export const CREATE_MILESTONE = graphql(`
  mutation CreateMilestone($input: CreateMilestoneInput!) {
    createMilestone(input: $input) {
      ...MilestoneFields
    }
  }
`);

export const SET_AGREEMENT_PHASE = graphql(`
  mutation SetAgreementPhase($input: SetAgreementPhaseInput!) {
    setAgreementPhase(input: $input) {
      id
      phase
      currentPhase
    }
  }
`);

export const APPROVAL_RECORDED = graphql(`
  subscription ApprovalRecorded($agreementId: ID!) {
    approvalRecorded(agreementId: $agreementId) {
      id
      decision
      decidedAt
      organisation {
        id
        name
      }
    }
  }
`);
