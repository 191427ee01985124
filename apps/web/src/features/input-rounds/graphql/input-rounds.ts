import { graphql } from '../../../gql';
import type {
  ClusterInputFieldsFragment,
  InputItemFieldsFragment,
  InputMatrixQuery,
  InputRoundQuery,
  InputRoundsQuery,
  SaveClusterInputDraftMutationVariables,
} from '../../../gql/graphql';

export type InputItem = InputItemFieldsFragment;
export type ClusterInput = ClusterInputFieldsFragment;
export type InputRoundDetail = NonNullable<InputRoundQuery['inputRound']>;
export type Participant = InputRoundDetail['participants'][number];
export type VersionRef = NonNullable<InputRoundDetail['agreement']>['versions'][number];
export type AgreementWithRounds = InputRoundsQuery['agreements'][number];
export type InputMatrix = NonNullable<InputMatrixQuery['inputRound']>['matrix'];
/** Saving a draft and submitting send the same input. */
export type ClusterInputVariables = SaveClusterInputDraftMutationVariables;

export const ITEM_FIELDS = graphql(`
  fragment InputItemFields on ClusterInputItem {
    id
    position
    blockId
    theme
    text
    level
    section {
      id
      title
      kind
      live
    }
    assessment {
      outcome
      reason
      assessedAt
      assessedBy
      version {
        id
        number
        label
      }
    }
  }
`);

export const INPUT_FIELDS = graphql(`
  fragment ClusterInputFields on ClusterInput {
    id
    number
    status
    submittedAt
    submittedByName
    updatedAt
    meetingDate
    meetingItem
    supersedesId
    cluster {
      id
      name
    }
    organisation {
      id
      name
    }
    items {
      ...InputItemFields
    }
  }
`);

export const INPUT_ROUNDS = graphql(`
  query InputRounds {
    agreements {
      id
      title
      canEdit
      region {
        id
        name
        clusters {
          id
          name
        }
      }
      versions {
        id
        number
        label
      }
      inputRounds {
        id
        title
        deadline
        status
        participants {
          name
          submitted
        }
        myParticipation {
          deadline
          submitted
          status
        }
      }
    }
  }
`);

export const OTHER_ORGANISATIONS = graphql(`
  query InputRoundOrganisations {
    patients: organisations(kind: PATIENT_ORGANISATION) {
      id
      name
    }
    professionals: organisations(kind: PROFESSIONAL_ORGANISATION) {
      id
      name
    }
  }
`);

export const INPUT_ROUND = graphql(`
  query InputRound($id: ID!) {
    inputRound(id: $id) {
      id
      title
      description
      deadline
      status
      canManage
      docxUrl
      agreement {
        id
        title
        sections {
          blockId
          kind
          title
        }
        versions {
          id
          number
          label
        }
      }
      version {
        id
        number
        label
      }
      deadlineChanges {
        participantName
        previousDeadline
        deadline
        reason
        changedAt
      }
      participants {
        name
        deadline
        extended
        status
        submitted
        lastSubmittedAt
        submissions
        cluster {
          id
        }
        organisation {
          id
        }
      }
      myParticipation {
        name
        deadline
        extended
        status
        submitted
        lastSubmittedAt
        submissions
        cluster {
          id
        }
        organisation {
          id
        }
      }
      myDraft {
        ...ClusterInputFields
      }
      inputs(includeSuperseded: true) {
        ...ClusterInputFields
      }
    }
  }
`);

export const INPUT_MATRIX = graphql(`
  query InputMatrix($id: ID!) {
    inputRound(id: $id) {
      id
      matrix {
        total
        sections {
          sectionId
          title
          kind
          total
        }
        rows {
          name
          organisationId
          clusterId
          counts
          total
          submitted
        }
        themes {
          theme
          count
          participants
        }
      }
    }
  }
`);

export const OPEN_INPUT_ROUND = graphql(`
  mutation OpenInputRound($input: OpenInputRoundInput!) {
    openInputRound(input: $input) {
      id
    }
  }
`);

export const EXTEND_DEADLINE = graphql(`
  mutation ExtendInputRoundDeadline($input: ExtendInputRoundDeadlineInput!) {
    extendInputRoundDeadline(input: $input) {
      id
      deadline
    }
  }
`);

export const SAVE_DRAFT = graphql(`
  mutation SaveClusterInputDraft($input: SaveClusterInputDraftInput!) {
    saveClusterInputDraft(input: $input) {
      ...ClusterInputFields
    }
  }
`);

export const SUBMIT_INPUT = graphql(`
  mutation SubmitClusterInput($input: SubmitClusterInputInput!) {
    submitClusterInput(input: $input) {
      ...ClusterInputFields
    }
  }
`);

export const ASSESS_ITEM = graphql(`
  mutation AssessInputItem($input: AssessInputItemInput!) {
    assessInputItem(input: $input) {
      ...InputItemFields
    }
  }
`);

/** Each input a participant submits to one of the agreement's rounds (for the agreement's secretariat). */
export const CLUSTER_INPUT_SUBMITTED = graphql(`
  subscription ClusterInputSubmitted($agreementId: ID!) {
    clusterInputSubmitted(agreementId: $agreementId) {
      id
      number
      round {
        id
      }
      organisation {
        id
        name
      }
    }
  }
`);
