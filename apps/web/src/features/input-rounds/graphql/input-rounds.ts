import { gql, TypedDocumentNode } from '@apollo/client';

export type InputLevel = 'POLITICAL' | 'PROFESSIONAL';
export type InputOutcome = 'INCORPORATED' | 'PARTLY_INCORPORATED' | 'NOT_INCORPORATED' | 'NOTED';
export type RoundStatus = 'OPEN' | 'CLOSED';
export type ClusterInputStatus = 'DRAFT' | 'SUBMITTED' | 'SUPERSEDED';
export type SectionKind = 'PREAMBLE' | 'VISION' | 'FOCUS_AREA' | 'PRINCIPLE' | 'GOAL' | 'OTHER';

export interface DraftSection {
  blockId: string;
  kind: SectionKind;
  title: string;
}

export interface VersionRef {
  id: string;
  number: number;
  label: string;
}

export interface Participant {
  name: string;
  deadline: string;
  extended: boolean;
  status: RoundStatus;
  submitted: boolean;
  lastSubmittedAt: string | null;
  submissions: number;
  cluster: { id: string } | null;
  organisation: { id: string };
}

export interface Assessment {
  outcome: InputOutcome;
  reason: string;
  assessedAt: string;
  assessedBy: string | null;
  version: VersionRef | null;
}

export interface InputItem {
  id: string;
  position: number;
  blockId: string | null;
  theme: string;
  text: string;
  level: InputLevel | null;
  section: { id: string; title: string; kind: SectionKind; live: boolean } | null;
  assessment: Assessment | null;
}

export interface ClusterInput {
  id: string;
  number: number | null;
  status: ClusterInputStatus;
  submittedAt: string | null;
  submittedByName: string | null;
  updatedAt: string;
  meetingDate: string | null;
  meetingItem: string | null;
  supersedesId: string | null;
  cluster: { id: string; name: string } | null;
  organisation: { id: string; name: string };
  items: InputItem[];
}

export interface RoundSummary {
  id: string;
  title: string;
  deadline: string;
  status: RoundStatus;
  participants: Array<{ name: string; submitted: boolean }>;
  myParticipation: { deadline: string; submitted: boolean; status: RoundStatus } | null;
}

export interface AgreementWithRounds {
  id: string;
  title: string;
  canEdit: boolean;
  region: { id: string; name: string; clusters: Array<{ id: string; name: string }> };
  versions: VersionRef[];
  inputRounds: RoundSummary[];
}

export interface InputRoundDetail {
  id: string;
  title: string;
  description: string | null;
  deadline: string;
  status: RoundStatus;
  canManage: boolean;
  docxUrl: string;
  agreement: { id: string; title: string; sections: DraftSection[]; versions: VersionRef[] };
  version: VersionRef | null;
  deadlineChanges: Array<{ participantName: string | null; previousDeadline: string; deadline: string; reason: string; changedAt: string }>;
  participants: Participant[];
  myParticipation: Participant | null;
  myDraft: ClusterInput | null;
  inputs: ClusterInput[];
}

export interface InputMatrix {
  total: number;
  sections: Array<{ sectionId: string | null; title: string; kind: SectionKind | null; total: number }>;
  rows: Array<{ name: string; organisationId: string; clusterId: string | null; counts: number[]; total: number; submitted: boolean }>;
  themes: Array<{ theme: string; count: number; participants: string[] }>;
}

export interface ItemInput {
  blockId: string | null;
  theme: string;
  text: string;
  level: InputLevel | null;
}

export interface ClusterInputVariables {
  input: {
    roundId: string;
    clusterId?: string | null;
    organisationId?: string | null;
    meetingDate: string | null;
    meetingItem: string | null;
    items: ItemInput[];
  };
}

const ITEM_FIELDS = gql`
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
`;

const INPUT_FIELDS = gql`
  ${ITEM_FIELDS}
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
`;

export const INPUT_ROUNDS: TypedDocumentNode<{ agreements: AgreementWithRounds[] }, Record<string, never>> = gql`
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
`;

export const OTHER_ORGANISATIONS: TypedDocumentNode<
  { patients: Array<{ id: string; name: string }>; professionals: Array<{ id: string; name: string }> },
  Record<string, never>
> = gql`
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
`;

export const INPUT_ROUND: TypedDocumentNode<{ inputRound: InputRoundDetail | null }, { id: string }> = gql`
  ${INPUT_FIELDS}
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
`;

export const INPUT_MATRIX: TypedDocumentNode<{ inputRound: { id: string; matrix: InputMatrix } | null }, { id: string }> = gql`
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
`;

export const OPEN_INPUT_ROUND: TypedDocumentNode<
  { openInputRound: { id: string } },
  { input: { agreementId: string; title: string; description: string | null; versionId: string | null; deadline: string; clusterIds: string[]; organisationIds: string[] } }
> = gql`
  mutation OpenInputRound($input: OpenInputRoundInput!) {
    openInputRound(input: $input) {
      id
    }
  }
`;

export const EXTEND_DEADLINE: TypedDocumentNode<
  { extendInputRoundDeadline: { id: string; deadline: string } },
  { input: { roundId: string; deadline: string; reason: string; clusterId: string | null; organisationId: string | null } }
> = gql`
  mutation ExtendInputRoundDeadline($input: ExtendInputRoundDeadlineInput!) {
    extendInputRoundDeadline(input: $input) {
      id
      deadline
    }
  }
`;

export const SAVE_DRAFT: TypedDocumentNode<{ saveClusterInputDraft: ClusterInput }, ClusterInputVariables> = gql`
  ${INPUT_FIELDS}
  mutation SaveClusterInputDraft($input: SaveClusterInputDraftInput!) {
    saveClusterInputDraft(input: $input) {
      ...ClusterInputFields
    }
  }
`;

export const SUBMIT_INPUT: TypedDocumentNode<{ submitClusterInput: ClusterInput }, ClusterInputVariables> = gql`
  ${INPUT_FIELDS}
  mutation SubmitClusterInput($input: SubmitClusterInputInput!) {
    submitClusterInput(input: $input) {
      ...ClusterInputFields
    }
  }
`;

export const ASSESS_ITEM: TypedDocumentNode<
  { assessInputItem: InputItem },
  { input: { itemId: string; outcome: InputOutcome; reason: string; versionId: string | null } }
> = gql`
  ${ITEM_FIELDS}
  mutation AssessInputItem($input: AssessInputItemInput!) {
    assessInputItem(input: $input) {
      ...InputItemFields
    }
  }
`;
