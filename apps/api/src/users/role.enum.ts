import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  SECRETARIAT = 'SECRETARIAT',
  CLUSTER = 'CLUSTER',
  ORGANISATION = 'ORGANISATION',
  MUNICIPALITY = 'MUNICIPALITY',
  ADMIN = 'ADMIN',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do; every user is bound to one organisation.',
});
