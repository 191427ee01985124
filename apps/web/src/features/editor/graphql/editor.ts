import { gql, TypedDocumentNode } from '@apollo/client';

export interface EditorAgreement {
  id: string;
  title: string;
  /** The Hocuspocus document of the live draft. */
  documentName: string;
  /** Whether the signed-in user may write in the draft and manage its versions. */
  canEdit: boolean;
  region: { id: string; name: string };
}

export const EDITOR_AGREEMENT: TypedDocumentNode<{ agreement: EditorAgreement | null }, { id: string }> = gql`
  query EditorAgreement($id: ID!) {
    agreement(id: $id) {
      id
      title
      documentName
      canEdit
      region {
        id
        name
      }
    }
  }
`;
