import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, OpenToInvitationAccounts } from '../auth/decorators';
import type { AuthUser } from '../users/auth-user';
import { LetterSplit } from './letter-types';
import { LettersService } from './letters.service';

@Resolver()
export class LettersResolver {
  constructor(private readonly letters: LettersService) {}

  @OpenToInvitationAccounts()
  @Query(() => LetterSplit, {
    description:
      'Reads an uploaded letter (PDF or Word, uploaded at /files/attachments) and splits it into numbered points, each with the three most likely paragraphs of the hearing draft. The points become comments when the response is filed.',
  })
  hearingLetterPoints(
    @CurrentUser() user: AuthUser,
    @Args('hearingId', { type: () => ID }) hearingId: string,
    @Args('attachmentId', { type: () => ID }) attachmentId: string,
  ): Promise<LetterSplit> {
    return this.letters.split(user, hearingId, attachmentId);
  }
}
