import { graphql } from '../../../gql';

export const DECIDE_SUGGESTIONS = graphql(`
  mutation DecideSuggestions($input: DecideSuggestionsInput!) {
    decideSuggestions(input: $input) {
      decided
      accepted
      pending
    }
  }
`);
