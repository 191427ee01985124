import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Public, RequestId } from '../auth/decorators';
import { ConfirmInvitationInput, InvitationCodeSent, InvitationPreview } from './dtos/confirm-invitation.input';
import { InvitationAcceptance } from './dtos/hearing-types';
import { AcceptInvitationInput } from './dtos/open-hearing.input';
import { InvitationCodesService } from './invitation-codes.service';

/** Accepting an invitation link: the account is created pending and confirmed with a mailed code. */
@Resolver()
export class InvitationCodesResolver {
  constructor(private readonly codes: InvitationCodesService) {}

  @Public()
  @Query(() => InvitationPreview, { nullable: true, description: 'What an invitation link is for: the organisation, the hearing and its deadline; null for a link that does not work.' })
  invitationPreview(@Args('token') token: string): Promise<InvitationPreview | null> {
    return this.codes.preview(token.slice(0, 300));
  }

  @Public()
  @Mutation(() => InvitationCodeSent, {
    description:
      'Creates the account of a named person of the invited organisation, bound to this hearing, pending, and mails a 6-digit code to the address (valid 15 minutes, 5 tries). Never signs in an existing account (CONFLICT).',
  })
  acceptHearingInvitation(@RequestId() requestId: string | null, @Args('input') input: AcceptInvitationInput): Promise<InvitationCodeSent> {
    return this.codes.accept(input, requestId);
  }

  @Public()
  @Mutation(() => InvitationAcceptance, { description: 'Activates the pending account with the mailed code and signs it in.' })
  confirmHearingInvitation(@RequestId() requestId: string | null, @Args('input') input: ConfirmInvitationInput): Promise<InvitationAcceptance> {
    return this.codes.confirm(input, requestId);
  }
}
