import { graphql } from '../../../gql';
import type { CurrentUserFieldsFragment, Role } from '../../../gql/graphql';

export type CurrentUser = CurrentUserFieldsFragment;

export const USER_FIELDS = graphql(`
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
`);

/** Sets the session cookie; the app asks for no token (the cookie is the session). */
export const LOGIN = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      user {
        ...CurrentUserFields
      }
    }
  }
`);

export const ME = graphql(`
  query Me {
    me {
      ...CurrentUserFields
    }
  }
`);

/** Ends the session on the server (every tab, socket and token of it) and clears the cookies. */
export const LOGOUT = graphql(`
  mutation Logout {
    logout
  }
`);

/** Moves the session of a bearer token (sent once, in the header) into the session cookie. */
export const USE_SESSION_COOKIE = graphql(`
  mutation UseSessionCookie {
    useSessionCookie
  }
`);

/** A short-lived token that opens one collaboration document (a fresh one for each connection). */
export const COLLABORATION_TOKEN = graphql(`
  mutation CollaborationToken($documentName: String!) {
    collaborationToken(documentName: $documentName) {
      token
      expiresAt
      readOnly
      mode
    }
  }
`);

export const ROLE_LABELS: Record<Role, string> = {
  SECRETARIAT: 'Sekretariat',
  CLUSTER: 'Klyngesekretariat',
  ORGANISATION: 'Organisation',
  MUNICIPALITY: 'Kommune',
  ADMIN: 'Administrator',
};
