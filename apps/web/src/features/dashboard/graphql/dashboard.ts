import { graphql } from '../../../gql';
import type { AgreementDashboardQuery } from '../../../gql/graphql';

export type Notification = AgreementDashboardQuery['outbox'][number];

export const AGREEMENT_DASHBOARD = graphql(`
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
      effectiveDateStatus
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
`);
