import { gql, TypedDocumentNode } from '@apollo/client';
import { AgreementHead, HEAD_FIELDS, Milestone, MILESTONE_FIELDS } from '../../timeline/graphql/timeline';

export interface Notification {
  id: string;
  kind: string;
  subject: string;
  body: string;
  recipients: string[];
  createdAt: string;
  sentAt: string | null;
}

export interface AgreementDashboard {
  /** The phase as of today. */
  phase: string;
  nextDeadline: { id: string; title: string; date: string } | null;
  daysToEffectiveDate: number;
  inputsReceived: number;
  hearingResponses: number;
  hearingComments: number;
  hearingCommentsAnswered: number;
  approvals: { required: number; approved: number; rejected: number };
}

export interface DashboardData {
  agreement:
    | (AgreementHead & {
        milestones: Milestone[];
        inputRounds: Array<{ id: string; title: string; participants: Array<{ name: string; submitted: boolean }> }>;
      })
    | null;
  agreementDashboard: AgreementDashboard;
  outbox: Notification[];
}

export const AGREEMENT_DASHBOARD: TypedDocumentNode<DashboardData, { id: string }> = gql`
  ${HEAD_FIELDS}
  ${MILESTONE_FIELDS}
  query AgreementDashboard($id: ID!) {
    agreement(id: $id) {
      ...AgreementHeadFields
      milestones {
        ...MilestoneFields
      }
      inputRounds {
        id
        title
        participants {
          name
          submitted
        }
      }
    }
    agreementDashboard(agreementId: $id) {
      phase
      nextDeadline {
        id
        title
        date
      }
      daysToEffectiveDate
      inputsReceived
      hearingResponses
      hearingComments
      hearingCommentsAnswered
      approvals {
        required
        approved
        rejected
      }
    }
    outbox(agreementId: $id) {
      id
      kind
      subject
      body
      recipients
      createdAt
      sentAt
    }
  }
`;
