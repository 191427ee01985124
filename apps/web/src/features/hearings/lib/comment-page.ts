import type { CommentFilter } from '../graphql/hearings';

/** No filter: every comment. */
export const EMPTY_FILTER: CommentFilter = { organisationId: null, kind: null, outcome: null, unanswered: null, search: null, blockId: null };

/** How many comments one page brings. */
export const PAGE_SIZE = 50;
