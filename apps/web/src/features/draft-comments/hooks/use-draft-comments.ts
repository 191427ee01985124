import { useQuery, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { DRAFT_COMMENT_THREAD_CHANGED, DRAFT_COMMENT_THREADS, DraftThread } from '../graphql/draft-comments';

/** How often the threads are fetched again while the live updates are unavailable. */
const POLL_MS = 15_000;

/** The agreement's comment threads, fetched again whenever someone opens, answers, resolves or reopens one. */
export function useDraftComments(agreementId: string): { threads: DraftThread[]; loading: boolean; error: unknown; refetch: () => void } {
  const [liveFailed, setLiveFailed] = useState(false);
  const { data, loading, error, refetch } = useQuery(DRAFT_COMMENT_THREADS, { variables: { agreementId }, pollInterval: liveFailed ? POLL_MS : 0 });
  useSubscription(DRAFT_COMMENT_THREAD_CHANGED, {
    variables: { agreementId },
    onData: () => void refetch(),
    onError: () => setLiveFailed(true),
  });
  return { threads: data?.draftCommentThreads ?? [], loading, error, refetch: () => void refetch() };
}
