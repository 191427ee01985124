import { gql, TypedDocumentNode } from '@apollo/client';
import type { AgreementPhase } from '../../agreements/graphql/agreements';

export type MilestoneKind = 'MEETING' | 'DEADLINE' | 'DECISION' | 'SUBMISSION';
export type MilestoneLink = 'HEARING' | 'INPUT_ROUND' | 'VERSION';
export type ApprovalDecision = 'APPROVED' | 'REJECTED';
export type OrganisationKind =
  | 'COMMITTEE'
  | 'GENERAL_PRACTICE'
  | 'HOSPITAL'
  | 'MUNICIPALITY'
  | 'OTHER'
  | 'PATIENT_ORGANISATION'
  | 'PROFESSIONAL_ORGANISATION'
  | 'REGION';

export interface OrganisationRef {
  id: string;
  name: string;
  kind: OrganisationKind;
}

export interface Milestone {
  id: string;
  title: string;
  kind: MilestoneKind;
  /** YYYY-MM-DD */
  date: string;
  phase: string | null;
  description: string | null;
  linkType: MilestoneLink | null;
  linkId: string | null;
  done: boolean;
  /** Put there by an input round or a hearing, not entered by hand. */
  derived: boolean;
}

export interface Approval {
  id: string;
  organisation: OrganisationRef;
  decision: ApprovalDecision;
  decidedAt: string;
  meetingReference: string | null;
  note: string | null;
  documentId: string | null;
  recordedAt: string;
}

export interface ApprovalParty {
  organisation: OrganisationRef;
  decision: ApprovalDecision | null;
  decidedAt: string | null;
}

export interface ApprovalStatus {
  required: number;
  approved: number;
  rejected: number;
  pending: Array<{ id: string; name: string }>;
  rejectedBy: Array<{ id: string; name: string }>;
  parties: ApprovalParty[];
}

/** What every page of an agreement shows in its header. */
export interface AgreementHead {
  id: string;
  title: string;
  effectiveDate: string;
  phase: AgreementPhase;
  currentPhase: AgreementPhase;
  canEdit: boolean;
  finalVersion: { id: string; number: number; label: string } | null;
}

export const HEAD_FIELDS = gql`
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
`;

export const MILESTONE_FIELDS = gql`
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
`;

// One selection of approvalStatus everywhere, so the cache never replaces it with less.
const APPROVAL_STATUS_FIELDS = gql`
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
    }
  }
`;

export interface TimelineData {
  agreement: (AgreementHead & { milestones: Milestone[] }) | null;
}

export const AGREEMENT_TIMELINE: TypedDocumentNode<TimelineData, { id: string }> = gql`
  ${HEAD_FIELDS}
  ${MILESTONE_FIELDS}
  query AgreementTimeline($id: ID!) {
    agreement(id: $id) {
      ...AgreementHeadFields
      milestones {
        ...MilestoneFields
      }
    }
  }
`;

export interface ApprovalsData {
  agreement: (AgreementHead & { approvals: Approval[]; approvalStatus: ApprovalStatus }) | null;
}

export const AGREEMENT_APPROVALS: TypedDocumentNode<ApprovalsData, { id: string }> = gql`
  ${HEAD_FIELDS}
  ${APPROVAL_STATUS_FIELDS}
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
      }
      approvalStatus {
        ...ApprovalStatusFields
      }
    }
  }
`;

export interface RecordApprovalInput {
  agreementId: string;
  organisationId: string;
  decision: ApprovalDecision;
  decidedAt: string;
  meetingReference?: string | null;
  note?: string | null;
  documentId?: string | null;
}

export const RECORD_APPROVAL: TypedDocumentNode<
  { recordApproval: { id: string; decision: ApprovalDecision; decidedAt: string; organisation: { id: string; name: string } } },
  { input: RecordApprovalInput }
> = gql`
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
`;

export interface CreateMilestoneInput {
  agreementId: string;
  title: string;
  kind: MilestoneKind;
  date: string;
  phase?: AgreementPhase | null;
  description?: string | null;
}

export const CREATE_MILESTONE: TypedDocumentNode<{ createMilestone: Milestone }, { input: CreateMilestoneInput }> = gql`
  ${MILESTONE_FIELDS}
  mutation CreateMilestone($input: CreateMilestoneInput!) {
    createMilestone(input: $input) {
      ...MilestoneFields
    }
  }
`;

export const SET_AGREEMENT_PHASE: TypedDocumentNode<
  { setAgreementPhase: { id: string; phase: AgreementPhase; currentPhase: AgreementPhase } },
  { input: { agreementId: string; phase: AgreementPhase } }
> = gql`
  mutation SetAgreementPhase($input: SetAgreementPhaseInput!) {
    setAgreementPhase(input: $input) {
      id
      phase
      currentPhase
    }
  }
`;

export const APPROVAL_RECORDED: TypedDocumentNode<
  { approvalRecorded: { id: string; decision: ApprovalDecision; decidedAt: string; organisation: { id: string; name: string } } },
  { agreementId: string }
> = gql`
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
`;
