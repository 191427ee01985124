import { Args, Context, Field, Mutation, ObjectType, registerEnumType, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../users/auth-user';
import type { RequestWithUser } from '../auth/request-with-user';
import { CurrentUser } from '../auth/decorators';
import { unauthenticated } from '../common/domain-error';
import { CollaborationTokenService } from './collaboration-token.service';

/** What a collaboration socket may do with the live draft. */
export enum CollaborationMode {
  WRITE = 'write',
  SUGGEST = 'suggest',
  READ = 'read',
}

registerEnumType(CollaborationMode, {
  name: 'CollaborationMode',
  description: 'What a collaboration socket may do with the live draft.',
  valuesMap: {
    WRITE: { description: 'Write (and suggest changes): the secretariat of the region, ADMIN.' },
    SUGGEST: {
      description: 'Only suggest changes ("Foreslå ændringer"): every update may change nothing but the caller’s own suggested insertions and deletions; any other update is refused.',
    },
    READ: { description: 'Read only.' },
  },
});

@ObjectType({ description: 'Opens one document at /collab, for the session that asked for it.' })
export class CollaborationToken {
  @Field({ description: 'The Hocuspocus token for exactly this document.' })
  token!: string;

  @Field({ description: 'Connect before this; a reconnect needs a new token.' })
  expiresAt!: Date;

  @Field({ description: 'The socket will be read-only (the caller may read but not write the draft now).' })
  readOnly!: boolean;

  @Field(() => CollaborationMode, { description: 'What the socket may do now: write, only suggest changes, or read.' })
  mode!: CollaborationMode;
}

@Resolver()
export class CollaborationTokenResolver {
  constructor(private readonly tokens: CollaborationTokenService) {}

  @Mutation(() => CollaborationToken, { description: 'A short-lived token that opens one collaboration document the caller may read.' })
  collaborationToken(
    @CurrentUser() user: AuthUser,
    @Args('documentName') documentName: string,
    @Context() context: { req: RequestWithUser },
  ): Promise<CollaborationToken> {
    const sessionId = context.req.session?.id;
    if (!sessionId) throw unauthenticated();
    return this.tokens.issue(user, sessionId, documentName).then((issued) => ({ ...issued, mode: issued.mode as CollaborationMode }));
  }
}
