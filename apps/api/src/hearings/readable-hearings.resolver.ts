import { Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../users/auth-user';
import { CurrentUser, OpenToInvitationAccounts } from '../auth/decorators';
import { Hearing } from './hearing.entity';
import { HearingsService } from './hearings.service';

/**
 * The way into a hearing for those who may read the hearing but not its agreement (an invited
 * patient or professional organisation): `agreements` lists only what the caller may read
 * (API-CONTRACT.md, "Who may read what"), so their hearings are listed here.
 */
@Resolver(() => Hearing)
export class ReadableHearingsResolver {
  constructor(private readonly hearingsService: HearingsService) {}

  /** Every hearing the caller may read, newest first; for an account made from an invitation link, only the hearing it is bound to. */
  @OpenToInvitationAccounts()
  @Query(() => [Hearing], {
    description: 'The hearings you may read: those your organisation is invited to, and those of the agreements your secretariat runs; newest first.',
  })
  hearings(@CurrentUser() user: AuthUser): Promise<Hearing[]> {
    return this.hearingsService.listReadable(user);
  }

  /** Which agreement the hearing is about: whoever may read the hearing may know its title, not the live draft. */
  @ResolveField(() => String, { description: 'The title of the agreement the hearing is about.' })
  agreementTitle(@Parent() hearing: Hearing): Promise<string> {
    return this.hearingsService.agreementTitle(hearing);
  }
}
