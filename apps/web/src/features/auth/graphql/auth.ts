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

/** Sets the session cookie; the app asks for no token (the cookie is the session). */
export const LOGIN: TypedDocumentNode<{ login: { user: CurrentUser } }, { email: string; password: string }> = gql`
  ${USER_FIELDS}
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
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

/** Ends the session on the server (every tab, socket and token of it) and clears the cookies. */
export const LOGOUT: TypedDocumentNode<{ logout: boolean }, Record<string, never>> = gql`
  mutation Logout {
    logout
  }
`;

/** Moves the session of a bearer token (sent once, in the header) into the session cookie. */
export const USE_SESSION_COOKIE: TypedDocumentNode<{ useSessionCookie: boolean }, Record<string, never>> = gql`
  mutation UseSessionCookie {
    useSessionCookie
  }
`;

/** A short-lived token that opens one collaboration document (a fresh one for each connection). */
export const COLLABORATION_TOKEN: TypedDocumentNode<
  { collaborationToken: { token: string; expiresAt: string; readOnly: boolean } },
  { documentName: string }
> = gql`
  mutation CollaborationToken($documentName: String!) {
    collaborationToken(documentName: $documentName) {
      token
      expiresAt
      readOnly
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
