import { gql, TypedDocumentNode } from '@apollo/client';

export interface VersionSummary {
  id: string;
  number: number;
  label: string;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
}

export interface VersionDetail extends VersionSummary {
  /** The frozen draft as ProseMirror JSON (a string). */
  content: string;
}

export type BlockChangeKind = 'ADDED' | 'REMOVED' | 'CHANGED';
export type WordChangeKind = 'SAME' | 'ADDED' | 'REMOVED';

export interface WordChange {
  kind: WordChangeKind;
  text: string;
}

export interface BlockChange {
  blockId: string;
  change: BlockChangeKind;
  /** paragraph or heading. */
  type: string;
  before: string | null;
  after: string | null;
  sectionTitle: string | null;
  words: WordChange[];
}

export interface VersionComparison {
  from: VersionSummary;
  to: VersionSummary;
  changes: BlockChange[];
}

const VERSION_FIELDS = gql`
  fragment VersionSummaryFields on AgreementVersion {
    id
    number
    label
    createdAt
    createdBy {
      id
      name
    }
  }
`;

export const AGREEMENT_VERSIONS: TypedDocumentNode<
  { agreement: { id: string; canEdit: boolean; versions: VersionSummary[] } | null },
  { agreementId: string }
> = gql`
  ${VERSION_FIELDS}
  query AgreementVersions($agreementId: ID!) {
    agreement(id: $agreementId) {
      id
      canEdit
      versions {
        ...VersionSummaryFields
      }
    }
  }
`;

export const AGREEMENT_VERSION: TypedDocumentNode<{ agreementVersion: VersionDetail | null }, { id: string }> = gql`
  ${VERSION_FIELDS}
  query AgreementVersion($id: ID!) {
    agreementVersion(id: $id) {
      ...VersionSummaryFields
      content
    }
  }
`;

export const COMPARE_VERSIONS: TypedDocumentNode<
  { compareVersions: VersionComparison },
  { fromVersionId: string; toVersionId: string }
> = gql`
  ${VERSION_FIELDS}
  query CompareVersions($fromVersionId: ID!, $toVersionId: ID!) {
    compareVersions(fromVersionId: $fromVersionId, toVersionId: $toVersionId) {
      from {
        ...VersionSummaryFields
      }
      to {
        ...VersionSummaryFields
      }
      changes {
        blockId
        change
        type
        before
        after
        sectionTitle
        words {
          kind
          text
        }
      }
    }
  }
`;

export const CREATE_VERSION: TypedDocumentNode<
  { createVersion: VersionSummary },
  { input: { agreementId: string; label: string } }
> = gql`
  ${VERSION_FIELDS}
  mutation CreateVersion($input: CreateVersionInput!) {
    createVersion(input: $input) {
      ...VersionSummaryFields
    }
  }
`;

export const RESTORE_VERSION: TypedDocumentNode<
  { restoreVersion: { id: string; versions: VersionSummary[] } },
  { versionId: string }
> = gql`
  ${VERSION_FIELDS}
  mutation RestoreVersion($versionId: ID!) {
    restoreVersion(versionId: $versionId) {
      id
      versions {
        ...VersionSummaryFields
      }
    }
  }
`;
