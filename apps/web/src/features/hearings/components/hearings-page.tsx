import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../../lib/apollo';
import { AGREEMENT_HEARINGS, HearingSummary, READABLE_HEARINGS } from '../graphql/hearings';
import { useDownload } from '../hooks/use-download';
import { useNow } from '../hooks/use-now';
import { formatDateTime } from '../lib/time';
import { plural } from '../lib/labels';
import { DeadlineText } from './deadline-text';
import { OpenHearingForm } from './open-hearing-form';
import { StatusBadge } from './status-badge';
import '../hearings.css';

/** Where a hearing's title leads: processing for the secretariat, the form for the invited, the public page for others. */
const hearingPath = (hearing: HearingSummary) =>
  hearing.canManage ? `/hoeringer/${hearing.id}` : hearing.invited ? `/hoeringer/${hearing.id}/svar` : `/offentlig/hoering/${hearing.id}`;

/** The hearings of every agreement (or of one), with the secretariat's form to open one. */
export function HearingsPage() {
  const { agreementId } = useParams();
  const { data, loading, error } = useQuery(AGREEMENT_HEARINGS);
  const now = useNow();
  const agreements = (data?.agreements ?? []).filter((a) => !agreementId || a.id === agreementId);
  // An invited organisation may read its hearings but not the agreement, so they are not under `agreements`.
  const readable = useQuery(READABLE_HEARINGS, { skip: Boolean(agreementId) });
  const listed = new Set((data?.agreements ?? []).map((a) => a.id));
  const invitedElsewhere = agreementId ? [] : (readable.data?.hearings ?? []).filter((h) => !listed.has(h.agreementId));

  return (
    <section aria-labelledby="hearings-title" className="hd">
      {agreementId && (
        <p className="hd-back">
          <Link to="/">← Alle aftaler</Link>
        </p>
      )}
      <h1 id="hearings-title">Høringer</h1>
      <p className="muted hd-lead">
        Høringsudkastet sendes i bred høring hos patientforeninger, faglige organisationer og andre. Sekretariatet for SSU besvarer hvert høringssvar i
        høringsnotatet.
      </p>
      {loading && !data && <p aria-live="polite">Henter høringer…</p>}
      {error && (
        <p className="error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {data && agreements.length === 0 && invitedElsewhere.length === 0 && <p>Der er ingen aftaler at vise.</p>}
      {invitedElsewhere.length > 0 && (
        <section className="card hd-agreement" aria-labelledby="hearings-invited">
          <h2 id="hearings-invited">Høringer I er inviteret til</h2>
          <ul className="hd-list">
            {invitedElsewhere.map((hearing) => (
              <HearingItem key={hearing.id} hearing={hearing} now={now} agreementTitle={hearing.agreementTitle} />
            ))}
          </ul>
        </section>
      )}
      {agreements.map((agreement) => (
        <section key={agreement.id} className="card hd-agreement" aria-labelledby={`hearings-${agreement.id}`}>
          <h2 id={`hearings-${agreement.id}`}>{agreement.title}</h2>
          {agreement.hearings.length === 0 ? (
            <p className="muted">Der er ingen høringer endnu.</p>
          ) : (
            <ul className="hd-list">
              {agreement.hearings.map((hearing) => (
                <HearingItem key={hearing.id} hearing={hearing} now={now} />
              ))}
            </ul>
          )}
          {agreement.canEdit && <OpenHearingForm agreement={agreement} />}
        </section>
      ))}
    </section>
  );
}

/** One hearing in a list: its title (leading where the user works with it), status, deadline and links. */
function HearingItem({ hearing, now, agreementTitle }: { hearing: HearingSummary; now: Date; agreementTitle?: string }) {
  return (
    <li className="hd-list__item">
      <div className="hd-list__head">
        <Link to={hearingPath(hearing)} className="hd-list__title">
          {hearing.title}
        </Link>
        <StatusBadge status={hearing.status} />
        {hearing.invited && !hearing.canManage && !hearing.myResponse && <span className="hd-tag hd-tag--invited">I er inviteret</span>}
        {hearing.myResponse && !hearing.canManage && <span className="hd-tag hd-tag--ok">Besvaret</span>}
      </div>
      {hearing.myResponse && !hearing.canManage && <AnsweredLine response={hearing.myResponse} hearingId={hearing.id} title={hearing.title} />}
      {agreementTitle && <p className="hd-list__meta muted">Om {agreementTitle}</p>}
      <p className="hd-list__meta">
        <DeadlineText hearing={hearing} now={now} />
      </p>
      <p className="hd-list__meta muted">
        Version {hearing.version.number}: {hearing.version.label} · {plural(hearing.responseCount, 'høringssvar', 'høringssvar')} modtaget
      </p>
      <p className="hd-list__links">
        {hearing.canManage && (
          <Link to={`/hoeringer/${hearing.id}`}>
            Behandl høringssvar<span className="visually-hidden"> i {hearing.title}</span>
          </Link>
        )}
        {hearing.invited && hearing.status === 'OPEN' && !hearing.myResponse && (
          <Link to={`/hoeringer/${hearing.id}/svar`}>
            Afgiv høringssvar<span className="visually-hidden"> til {hearing.title}</span>
          </Link>
        )}
        <Link to={`/offentlig/hoering/${hearing.id}`}>
          Offentlig side<span className="visually-hidden"> for {hearing.title}</span>
        </Link>
      </p>
    </li>
  );
}

/** "Besvaret": the receipt of the organisation's response and the way to what was filed. */
function AnsweredLine({ response, hearingId, title }: { response: NonNullable<HearingSummary['myResponse']>; hearingId: string; title: string }) {
  const receipt = useDownload(`kvittering-${response.reference}.pdf`);
  return (
    <div className="hd-list__meta">
      <p>
        Besvaret {formatDateTime(response.receivedAt)} · kvitteringsnummer {response.reference} ·{' '}
        <Link to={`/hoeringer/${hearingId}/svar`}>
          Se det indsendte høringssvar<span className="visually-hidden"> til {title}</span>
        </Link>{' '}
        ·{' '}
        <button type="button" className="hd-link-button" onClick={() => void receipt.download(response.receiptUrl)} disabled={receipt.busy}>
          Hent kvittering (PDF)<span className="visually-hidden"> for {response.reference}</span>
        </button>
      </p>
      {receipt.error && (
        <p className="error" role="alert">
          {receipt.error}
        </p>
      )}
    </div>
  );
}
