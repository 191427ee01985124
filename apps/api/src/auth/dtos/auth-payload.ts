import { Field, ObjectType } from '@nestjs/graphql';
import { User } from '../../users/user.entity';

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Access token: send as `Authorization: Bearer <token>`; also opens /collab. Short-lived (see expiresAt).' })
  token!: string;

  @Field(() => Date, { nullable: true, description: 'When the access token expires; renew it with refreshSession before then.' })
  expiresAt?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Renews the access token once through refreshSession (a new one comes back each time). Keep it secret; using one twice ends the session.',
  })
  refreshToken?: string | null;

  @Field(() => User)
  user!: User;
}
