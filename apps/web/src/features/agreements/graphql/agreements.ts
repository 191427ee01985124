import { graphql } from '../../../gql';
import type { AgreementPhase } from '../../../gql/graphql';

export const AGREEMENTS = graphql(`
  query Agreements {
    agreements {
      id
      title
      periodStart
      periodEnd
      effectiveDate
      phase
      currentPhase
      documentName
      region {
        id
        code
        name
      }
    }
  }
`);

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
