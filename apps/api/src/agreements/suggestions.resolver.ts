import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, RequestId, Roles } from '../auth/decorators';
import type { AuthUser } from '../users/auth-user';
import { Role } from '../users/role.enum';
import { DecideSuggestionsInput, SuggestionDecision } from './dtos/decide-suggestions.input';
import { SuggestionsService } from './suggestions.service';

@Resolver()
export class SuggestionsResolver {
  constructor(private readonly suggestions: SuggestionsService) {}

  @Roles(Role.SECRETARIAT)
  @Mutation(() => SuggestionDecision, {
    description:
      'Accepts or rejects suggested changes in the live draft (one, a selection, or all of one author’s) as an edit every connected editor sees at once. The secretariat of the region only. NOT_FOUND when none of them is pending any more.',
  })
  decideSuggestions(@CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Args('input') input: DecideSuggestionsInput): Promise<SuggestionDecision> {
    return this.suggestions.decide(user, input, requestId);
  }
}
