import { gql, TypedDocumentNode } from '@apollo/client';

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: 'SECRETARIAT' | 'CLUSTER' | 'ORGANISATION' | 'MUNICIPALITY' | 'ADMIN';
  organisation: { id: string; name: string; kind: string };
}

const USER_FIELDS = gql`
  fragment CurrentUserFields on User {
    id
    email
    name
    role
    organisation {
      id
      name
      kind
    }
  }
`;

export const LOGIN: TypedDocumentNode<{ login: { token: string; user: CurrentUser } }, { email: string; password: string }> = gql`
  ${USER_FIELDS}
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      user {
        ...CurrentUserFields
      }
    }
  }
`;

export const ME: TypedDocumentNode<{ me: CurrentUser | null }, Record<string, never>> = gql`
  ${USER_FIELDS}
  query Me {
    me {
      ...CurrentUserFields
    }
  }
`;

export const ROLE_LABELS: Record<CurrentUser['role'], string> = {
  SECRETARIAT: 'Sekretariat',
  CLUSTER: 'Klyngesekretariat',
  ORGANISATION: 'Organisation',
  MUNICIPALITY: 'Kommune',
  ADMIN: 'Administrator',
};
