import { gql, TypedDocumentNode } from '@apollo/client';

export type AgreementPhase =
  | 'PREPARATION'
  | 'INPUT_ROUND'
  | 'DRAFTING'
  | 'HEARING'
  | 'PROCESSING'
  | 'APPROVAL'
  | 'SUBMITTED'
  | 'IN_FORCE';

export interface AgreementSummary {
  id: string;
  title: string;
  periodStart: number;
  periodEnd: number;
  effectiveDate: string;
  phase: AgreementPhase;
  documentName: string;
  region: { id: string; code: string; name: string };
}

export const AGREEMENTS: TypedDocumentNode<{ agreements: AgreementSummary[] }, Record<string, never>> = gql`
  query Agreements {
    agreements {
      id
      title
      periodStart
      periodEnd
      effectiveDate
      phase
      documentName
      region {
        id
        code
        name
      }
    }
  }
`;

export const PHASE_LABELS: Record<AgreementPhase, string> = {
  PREPARATION: 'Forberedelse',
  INPUT_ROUND: 'Inputrunde',
  DRAFTING: 'Udarbejdelse af udkast',
  HEARING: 'Høring',
  PROCESSING: 'Behandling af høringssvar',
  APPROVAL: 'Godkendelse',
  SUBMITTED: 'Sendt til Sundhedsstyrelsen',
  IN_FORCE: 'Trådt i kraft',
};
