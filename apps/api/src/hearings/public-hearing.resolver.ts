import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../auth/decorators';
import { PublicHearing } from './dtos/hearing-types';
import { PublicHearingService } from './public-hearing.service';

export { redactEmails } from './public-hearing.service';

@Resolver(() => PublicHearing)
export class PublicHearingResolver {
  constructor(private readonly publicHearings: PublicHearingService) {}

  /** What anyone may see without signing in (PublicHearingService.view); null before the hearing opens. */
  @Public()
  @Query(() => PublicHearing, { nullable: true })
  publicHearing(@Args('id', { type: () => ID }) id: string): Promise<PublicHearing | null> {
    return this.publicHearings.view(id);
  }
}
