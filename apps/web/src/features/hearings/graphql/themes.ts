import { graphql } from '../../../gql';
import type { HearingCampaignsQuery, HearingThemeCommentsQuery, HearingThemesQuery } from '../../../gql/graphql';

export type ThemeSummary = NonNullable<HearingThemesQuery['hearing']>['themes'][number];
export type ThemeComment = NonNullable<HearingThemeCommentsQuery['hearing']>['themes'][number]['comments'][number];
export type ReplyTemplate = NonNullable<HearingThemesQuery['hearing']>['replyTemplates'][number];
export type Campaign = NonNullable<HearingCampaignsQuery['hearing']>['campaigns'][number];

export const HEARING_THEMES = graphql(`
  query HearingThemes($id: ID!) {
    hearing(id: $id) {
      id
      analysis {
        computedAt
        responseCount
        commentCount
      }
      themes {
        id
        label
        terms
        renamed
        size
        answered
      }
      replyTemplates {
        id
        title
        body
        outcome
      }
    }
  }
`);

export const HEARING_THEME_COMMENTS = graphql(`
  query HearingThemeComments($id: ID!, $themeId: ID!) {
    hearing(id: $id) {
      id
      themes(ids: [$themeId]) {
        id
        comments {
          id
          blockId
          text
          reply
          outcome
          organisation {
            id
            name
          }
        }
      }
    }
  }
`);

export const HEARING_CAMPAIGNS = graphql(`
  query HearingCampaigns($id: ID!) {
    hearing(id: $id) {
      id
      analysis {
        computedAt
      }
      campaigns {
        id
        size
        senders
        sampleText
        answered
        reply
        outcome
      }
    }
  }
`);

export const REPLY_TO_COMMENTS = graphql(`
  mutation ReplyToHearingComments($input: BulkReplyInput!) {
    replyToHearingComments(input: $input) {
      id
      reply
      outcome
    }
  }
`);

export const REPLY_TO_CAMPAIGN = graphql(`
  mutation ReplyToHearingCampaign($input: CampaignReplyInput!) {
    replyToHearingCampaign(input: $input) {
      id
      answered
      reply
      outcome
      # The members and their comments as the reply left them: the cards already on the page
      # (the comment list, the responses) show the reply at once, from the cache.
      responses {
        id
        reply
        outcome
        repliedAt
        comments {
          id
          reply
          outcome
          repliedAt
        }
      }
    }
  }
`);

export const RENAME_THEME = graphql(`
  mutation RenameHearingTheme($input: RenameHearingThemeInput!) {
    renameHearingTheme(input: $input) {
      id
      label
      renamed
    }
  }
`);

export const MERGE_THEMES = graphql(`
  mutation MergeHearingThemes($input: MergeHearingThemesInput!) {
    mergeHearingThemes(input: $input) {
      id
      label
      size
    }
  }
`);

export const MOVE_COMMENTS = graphql(`
  mutation MoveCommentsToTheme($input: MoveCommentsToThemeInput!) {
    moveCommentsToTheme(input: $input) {
      id
      label
      size
    }
  }
`);

export const SAVE_REPLY_TEMPLATE = graphql(`
  mutation SaveReplyTemplate($input: SaveReplyTemplateInput!) {
    saveReplyTemplate(input: $input) {
      id
      title
      body
      outcome
    }
  }
`);
