import type { HearingSummary } from '../graphql/hearings';
import { countdown, formatDateTime } from '../lib/time';

/** The deadline in words for the hearing's status: when it opens, when it closes, or that it has closed. */
export function DeadlineText({ hearing, now }: { hearing: Pick<HearingSummary, 'status' | 'opensAt' | 'closesAt'>; now: Date }) {
  if (hearing.status === 'SCHEDULED') {
    return (
      <>
        Åbner {formatDateTime(hearing.opensAt)} <span className="muted">({countdown(hearing.opensAt, now, 'nu')})</span> · høringsfrist {formatDateTime(hearing.closesAt)}
      </>
    );
  }
  if (hearing.status === 'OPEN') {
    return (
      <>
        Høringsfrist {formatDateTime(hearing.closesAt)} <strong className="hd-countdown">({countdown(hearing.closesAt, now)})</strong>
      </>
    );
  }
  return <>Afsluttet {formatDateTime(hearing.closesAt)}</>;
}
