import { graphql } from '../../../gql';
import type { CompareVersionsQuery, VersionSummaryFieldsFragment } from '../../../gql/graphql';

export type VersionSummary = VersionSummaryFieldsFragment;
export type BlockChange = CompareVersionsQuery['compareVersions']['changes'][number];
export type WordChange = BlockChange['words'][number];

export const VERSION_FIELDS = graphql(`
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
`);

export const AGREEMENT_VERSIONS = graphql(`
  query AgreementVersions($agreementId: ID!) {
    agreement(id: $agreementId) {
      id
      canEdit
      versions {
        ...VersionSummaryFields
      }
    }
  }
`);

export const AGREEMENT_VERSION = graphql(`
  query AgreementVersion($id: ID!) {
    agreementVersion(id: $id) {
      ...VersionSummaryFields
      content
    }
  }
`);

export const COMPARE_VERSIONS = graphql(`
  query CompareVersions($fromVersionId: ID!, $toVersionId: ID) {
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
`);

export const CREATE_VERSION = graphql(`
  mutation CreateVersion($input: CreateVersionInput!) {
    createVersion(input: $input) {
      ...VersionSummaryFields
    }
  }
`);

export const RESTORE_VERSION = graphql(`
  mutation RestoreVersion($versionId: ID!) {
    restoreVersion(versionId: $versionId) {
      id
      versions {
        ...VersionSummaryFields
      }
    }
  }
`);
