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

export const LOGIN = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
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

export const ROLE_LABELS: Record<Role, string> = {
  SECRETARIAT: 'Sekretariat',
  CLUSTER: 'Klyngesekretariat',
  ORGANISATION: 'Organisation',
  MUNICIPALITY: 'Kommune',
  ADMIN: 'Administrator',
};
