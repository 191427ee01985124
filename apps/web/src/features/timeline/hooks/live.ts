import { useSubscription } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { APPROVAL_RECORDED } from '../graphql/timeline';
import { PARTY_STATUS_LABELS } from '../lib/labels';

/** How often a page refreshes itself when live updates are not available (or not offered). */
export const LIVE_REFRESH_MS = 10_000;

/** A slow refresh while live, in case an event was missed while the connection was re-established. */
export const SAFETY_REFRESH_MS = 60_000;

/**
 * Decisions recorded on the agreement, live over graphql-ws: each calls `onDecision` (to refetch)
 * and is announced in words. Should the live connection fail, `live` turns false and the page
 * polls every ten seconds instead.
 */
export function useApprovalEvents(agreementId: string, onDecision: () => void) {
  const [live, setLive] = useState(true);
  const [announcement, setAnnouncement] = useState('');
  const callback = useRef(onDecision);
  callback.current = onDecision;
  useSubscription(APPROVAL_RECORDED, {
    variables: { agreementId },
    skip: !agreementId,
    onData: ({ data }) => {
      const recorded = data.data?.approvalRecorded;
      if (recorded) setAnnouncement(`Ny beslutning: ${recorded.organisation.name} – ${PARTY_STATUS_LABELS[recorded.decision]}.`);
      callback.current();
    },
    onError: () => setLive(false),
  });
  return { live, announcement };
}
