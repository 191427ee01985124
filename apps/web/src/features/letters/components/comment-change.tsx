import { useFragment } from '@apollo/client/react';
import { COMMENT_CHANGE } from '../graphql/letters';
import { BlockChangeNote } from './block-change-note';

/** Beside a reply in processing: what became of the comment's paragraph (read from the cache the comment list filled). */
export function CommentChange({ commentId }: { commentId: string }) {
  const { data, complete } = useFragment({ fragment: COMMENT_CHANGE, from: { __typename: 'HearingComment', id: commentId } });
  if (!complete || !data?.change) return null;
  return <BlockChangeNote change={data.change} />;
}
