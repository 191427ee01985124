import { Field, ObjectType } from '@nestjs/graphql';
import { User } from '../../users/user.entity';

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`; also the collaboration token.' })
  token!: string;

  @Field(() => User)
  user!: User;
}
