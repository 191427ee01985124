import { graphql } from '../../../gql';
import type { DraftCommentThreadsQuery } from '../../../gql/graphql';

export type DraftThread = DraftCommentThreadsQuery['draftCommentThreads'][number];

export const DRAFT_COMMENT_THREAD_FIELDS = graphql(`
  fragment DraftCommentThreadFields on DraftCommentThread {
    id
    blockId
    anchorStart
    anchorEnd
    quote
    status
    createdAt
    resolvedAt
    resolvedByName
    comments {
      id
      authorName
      organisationName
      text
      createdAt
    }
  }
`);

export const DRAFT_COMMENT_THREADS = graphql(`
  query DraftCommentThreads($agreementId: ID!) {
    draftCommentThreads(agreementId: $agreementId) {
      ...DraftCommentThreadFields
    }
  }
`);

export const CREATE_DRAFT_COMMENT_THREAD = graphql(`
  mutation CreateDraftCommentThread($input: CreateDraftCommentThreadInput!) {
    createDraftCommentThread(input: $input) {
      ...DraftCommentThreadFields
    }
  }
`);

export const REPLY_TO_DRAFT_COMMENT_THREAD = graphql(`
  mutation ReplyToDraftCommentThread($input: ReplyToDraftCommentThreadInput!) {
    replyToDraftCommentThread(input: $input) {
      ...DraftCommentThreadFields
    }
  }
`);

export const RESOLVE_DRAFT_COMMENT_THREAD = graphql(`
  mutation ResolveDraftCommentThread($threadId: ID!) {
    resolveDraftCommentThread(threadId: $threadId) {
      ...DraftCommentThreadFields
    }
  }
`);

export const REOPEN_DRAFT_COMMENT_THREAD = graphql(`
  mutation ReopenDraftCommentThread($threadId: ID!) {
    reopenDraftCommentThread(threadId: $threadId) {
      ...DraftCommentThreadFields
    }
  }
`);

export const DRAFT_COMMENT_THREAD_CHANGED = graphql(`
  subscription DraftCommentThreadChanged($agreementId: ID!) {
    draftCommentThreadChanged(agreementId: $agreementId) {
      threadId
      action
    }
  }
`);
