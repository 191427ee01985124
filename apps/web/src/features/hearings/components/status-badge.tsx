import { STATUS_LABELS } from '../lib/labels';
import type { HearingStatus } from '../../../gql/graphql';

/** Planlagt, Åben or Afsluttet, as a coloured badge that reads as text. */
export function StatusBadge({ status }: { status: HearingStatus }) {
  return <span className={`hd-status hd-status--${status.toLowerCase()}`}>{STATUS_LABELS[status]}</span>;
}
