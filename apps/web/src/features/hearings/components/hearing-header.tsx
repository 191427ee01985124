import { ReactNode } from 'react';
import { HearingHead } from '../graphql/hearings';
import { useNow } from '../hooks/use-now';
import { countdown, formatDateTime } from '../lib/time';
import { StatusBadge } from './status-badge';

/** The hearing's title, status, deadline (with its extensions) and version. */
export function HearingHeader({ hearing, agreementTitle, children }: { hearing: HearingHead; agreementTitle: string | null; children?: ReactNode }) {
  const now = useNow();
  const lastChange = hearing.deadlineChanges.at(-1);
  return (
    <header className="hd-header">
      {agreementTitle && <p className="muted hd-header__agreement">{agreementTitle}</p>}
      <h1 id="hearing-title">{hearing.title}</h1>
      <dl className="facts hd-facts">
        <div>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={hearing.status} />
          </dd>
        </div>
        <div>
          <dt>Høringsfrist</dt>
          <dd>
            {formatDateTime(hearing.closesAt)}
            {hearing.status !== 'CLOSED' && (
              <>
                {' '}
                <strong className="hd-countdown">({countdown(hearing.closesAt, now)})</strong>
              </>
            )}
            {lastChange && <span className="hd-facts__note">Forlænget: {lastChange.reason}</span>}
          </dd>
        </div>
        <div>
          <dt>{hearing.status === 'SCHEDULED' ? 'Åbner' : 'Åbnede'}</dt>
          <dd>{formatDateTime(hearing.opensAt)}</dd>
        </div>
        <div>
          <dt>Høringsudkast</dt>
          <dd>
            Version {hearing.version.number}: {hearing.version.label}
          </dd>
        </div>
        {children}
      </dl>
    </header>
  );
}
