import { graphql } from '../../../gql';
import type { EditorAgreementQuery } from '../../../gql/graphql';

export type EditorAgreement = NonNullable<EditorAgreementQuery['agreement']>;

export const EDITOR_AGREEMENT = graphql(`
  query EditorAgreement($id: ID!) {
    agreement(id: $id) {
      id
      title
      documentName
      canEdit
      canSuggest
      region {
        id
        name
      }
    }
  }
`);
