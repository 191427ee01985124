import { formatDanishDateTime } from '@aftalerum/dates';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { useId, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { errorMessage } from '../../../lib/apollo';
import { formatDate } from '../../../lib/format';
import { useAuth } from '../../auth/hooks/use-auth';
import { AGREEMENT_APPROVALS, ApprovalParty, ApprovalStatus } from '../graphql/timeline';
import { LIVE_REFRESH_MS, SAFETY_REFRESH_MS, useApprovalEvents } from '../hooks/live';
import { PARTY_STATUS_LABELS, PartyStatus, plural } from '../lib/labels';
import { AgreementHeader, PageState } from './agreement-header';
import { ApprovalForm } from './approval-form';
import { useDownload } from '../../hearings/hooks/use-download';
import { DecisionDocument } from './decision-document';
import { FinalVersionPanel } from './final-version-panel';

type Filter = 'ALL' | PartyStatus;

/** '2026-11-23T16:25:00Z' → '23.11.2026 17.25' (Danish time). */
const formatRecorded = (iso: string) => formatDanishDateTime(iso);

export const partyStatus = (party: ApprovalParty): PartyStatus => party.decision ?? 'PENDING';

/** Who has approved the agreement: the count, the parties as a grid, and recording a decision. */
export function ApprovalsPage() {
  const { agreementId = '' } = useParams();
  const id = useId();
  const { user } = useAuth();
  // Decisions recorded elsewhere arrive live and refresh the grid; without the live connection the page polls.
  const client = useApolloClient();
  const events = useApprovalEvents(agreementId, () => void client.refetchQueries({ include: [AGREEMENT_APPROVALS] }));
  const { data, loading, error } = useQuery(AGREEMENT_APPROVALS, { variables: { id: agreementId }, pollInterval: events.live ? SAFETY_REFRESH_MS : LIVE_REFRESH_MS });
  const agreement = data?.agreement;

  if (!agreement) {
    return (
      <section className="tl" aria-label="Godkendelser">
        <PageState loading={loading && !data} error={error ? errorMessage(error) : null} missing={Boolean(data && !agreement)} />
      </section>
    );
  }

  const status = agreement.approvalStatus;
  const ownParty = user?.role === 'MUNICIPALITY' ? status.parties.find((p) => p.organisation.id === user.organisation.id) : undefined;
  // Decisions are recorded in Godkendelse on a locked final version, until every party has approved it.
  const open = !agreement.finalVersion && agreement.phase === 'APPROVAL' && Boolean(agreement.lockedFinalVersion);
  const recordable = !open ? [] : agreement.canEdit ? status.parties : ownParty ? [ownParty] : [];
  const decisions = [...agreement.approvals].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));

  return (
    <section className="tl" aria-labelledby={`${id}-title`}>
      <AgreementHeader agreement={agreement} heading="Godkendelser" headingId={`${id}-title`} />

      {agreement.finalVersion && (
        <p className="ap-final">
          <span className="ap-final__icon" aria-hidden="true">
            ✓
          </span>
          Aftalen er godkendt af alle parter – version {agreement.finalVersion.number} er låst
          {agreement.finalVersion.label && <span className="ap-final__label"> ({agreement.finalVersion.label})</span>}
        </p>
      )}

      {status.rejected > 0 && (
        <div className="ap-alert" role="alert">
          <span className="ap-alert__icon" aria-hidden="true">
            !
          </span>
          <div>
            <p className="ap-alert__title">
              {status.rejected === 1 ? 'En part har ikke godkendt aftalen' : `${status.rejected} parter har ikke godkendt aftalen`}
            </p>
            <p className="ap-alert__who">{status.rejectedBy.map((o) => o.name).join(', ')}</p>
          </div>
        </div>
      )}

      <p className="visually-hidden" role="status">
        {events.announcement}
      </p>

      <FinalVersionPanel
        agreementId={agreement.id}
        phase={agreement.phase}
        canEdit={agreement.canEdit}
        approvedByAll={Boolean(agreement.finalVersion)}
        locked={agreement.lockedFinalVersion ?? null}
        versions={agreement.versions}
        superseded={status.onSupersededVersion.map((o) => o.name)}
      />

      <Summary status={status} headingId={`${id}-summary`} />

      <PartyGrid status={status} headingId={`${id}-grid`} ownId={ownParty?.organisation.id ?? null} live={events.live} />

      {recordable.length > 0 && <ApprovalForm agreementId={agreement.id} parties={recordable} fixed={!agreement.canEdit} />}
      {open && recordable.length === 0 && (
        <p className="card tl-note">
          {user?.role === 'MUNICIPALITY'
            ? 'Din kommune skal ikke godkende denne aftale.'
            : 'Sekretariatet og kommunerne registrerer beslutningerne. Du kan følge godkendelserne her.'}
        </p>
      )}

      <section className="card tl-card" aria-labelledby={`${id}-decisions`}>
        <h2 id={`${id}-decisions`}>Registrerede beslutninger ({decisions.length})</h2>
        {decisions.length === 0 ? (
          <p className="muted">Der er ikke registreret nogen beslutninger endnu.</p>
        ) : (
          // Many decisions make the table scroll sideways: the keyboard must reach it too.
          <div className="tl-table-wrap" tabIndex={0} role="region" aria-label="Tabel over registrerede beslutninger">
            <table className="tl-table ap-decisions" aria-labelledby={`${id}-decisions`}>
              <thead>
                <tr>
                  <th scope="col">Part</th>
                  <th scope="col">Beslutning</th>
                  <th scope="col">Dato</th>
                  <th scope="col">Møde</th>
                  <th scope="col">Note</th>
                  <th scope="col">Dokument</th>
                  <th scope="col">Version</th>
                </tr>
              </thead>
              <tbody>
                {decisions.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">{a.organisation.name}</th>
                    <td data-label="Beslutning">
                      <StatusBadge status={a.decision} />
                    </td>
                    <td data-label="Dato">
                      <time dateTime={a.decidedAt}>{formatDate(a.decidedAt)}</time>
                      <span className="tl-table__description">Registreret {formatRecorded(a.recordedAt)}</span>
                    </td>
                    <td data-label="Møde">{a.meetingReference ?? <span className="muted">–</span>}</td>
                    <td className="ap-note" data-label="Note">{a.note ?? <span className="muted">–</span>}</td>
                    <td data-label="Dokument">
                      {a.documentId ? (
                        <DecisionDocument documentId={a.documentId} organisation={a.organisation.name} />
                      ) : (
                        <span className="muted">–</span>
                      )}
                    </td>
                    <td data-label="Version">
                      Version {a.version.number}
                      {a.superseded && a.changesUrl && <ChangedSince url={a.changesUrl} organisation={a.organisation.name} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  );
}

/** A decision on an earlier final version: the Word comparison of what changed since the party decided. */
function ChangedSince({ url, organisation }: { url: string; organisation: string }) {
  const { busy, error, download } = useDownload('aendret-siden-godkendelsen.docx');
  return (
    <span className="tl-table__description">
      Afløst af en senere endelig version.{' '}
      <button type="button" className="small" onClick={() => void download(url)} disabled={busy} aria-label={`Hent ændringerne siden ${organisation} besluttede (DOCX)`}>
        {busy ? 'Henter…' : 'Ændret siden godkendelsen (DOCX)'}
      </button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

function Summary({ status, headingId }: { status: ApprovalStatus; headingId: string }) {
  const pending = status.required - status.approved - status.rejected;
  const pct = (n: number) => (status.required ? (n / status.required) * 100 : 0);
  return (
    <section className="card tl-card ap-summary" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        Status for godkendelserne
      </h2>
      <p className="ap-summary__count" aria-live="polite">
        <strong>{status.approved}</strong> af {status.required} har godkendt
      </p>
      <div className="ap-bar" aria-hidden="true">
        <span className="ap-bar__part ap-bar__part--approved" style={{ width: `${pct(status.approved)}%` }} />
        <span className="ap-bar__part ap-bar__part--rejected" style={{ width: `${pct(status.rejected)}%` }} />
      </div>
      <ul className="ap-counts">
        <li>
          <StatusBadge status="APPROVED" /> {status.approved}
        </li>
        <li>
          <StatusBadge status="REJECTED" /> {status.rejected}
        </li>
        <li>
          <StatusBadge status="PENDING" /> {pending}
        </li>
      </ul>
    </section>
  );
}

const ICONS: Record<PartyStatus, string> = { APPROVED: '✓', REJECTED: '✕', PENDING: '…' };

export function StatusBadge({ status }: { status: PartyStatus }) {
  return (
    <span className={`ap-badge ap-badge--${status.toLowerCase()}`}>
      <span aria-hidden="true" className="ap-badge__icon">
        {ICONS[status]}
      </span>
      {PARTY_STATUS_LABELS[status]}
    </span>
  );
}

function PartyGrid({ status, headingId, ownId, live }: { status: ApprovalStatus; headingId: string; ownId: string | null; live: boolean }) {
  const id = useId();
  const [filter, setFilter] = useState<Filter>('ALL');
  const counts = useMemo(() => {
    const c: Record<Filter, number> = { ALL: status.parties.length, APPROVED: 0, REJECTED: 0, PENDING: 0 };
    for (const p of status.parties) c[partyStatus(p)] += 1;
    return c;
  }, [status.parties]);
  const shown = status.parties.filter((p) => filter === 'ALL' || partyStatus(p) === filter);
  const groups = [
    { title: 'SSU og regionsrådet', wide: true, parties: shown.filter((p) => p.organisation.kind !== 'MUNICIPALITY') },
    { title: `Kommuner (${status.parties.filter((p) => p.organisation.kind === 'MUNICIPALITY').length})`, wide: false, parties: shown.filter((p) => p.organisation.kind === 'MUNICIPALITY') },
  ].filter((g) => g.parties.length > 0);
  const filters: Array<[Filter, string]> = [
    ['ALL', 'Alle'],
    ['PENDING', 'Afventer'],
    ['APPROVED', 'Godkendt'],
    ['REJECTED', 'Ikke godkendt'],
  ];

  return (
    <section className="card tl-card" aria-labelledby={headingId}>
      <div className="tl-card__head">
        <h2 id={headingId}>Parterne</h2>
        <fieldset className="segmented">
          <legend>Vis parter</legend>
          {filters.map(([value, label]) => (
            <label key={value}>
              <input type="radio" name={`${id}-filter`} checked={filter === value} onChange={() => setFilter(value)} />
              <span>
                {label} ({counts[value]})
              </span>
            </label>
          ))}
        </fieldset>
      </div>
      {groups.length === 0 && <p className="muted">Ingen parter med denne status.</p>}
      {groups.map((group) => (
        <div key={group.title} className="ap-group">
          <h3>{group.title}</h3>
          <ul className={group.wide ? 'ap-grid ap-grid--wide' : 'ap-grid'}>
            {group.parties.map((party) => {
              const s = partyStatus(party);
              return (
                <li
                  key={party.organisation.id}
                  className={`ap-tile ap-tile--${s.toLowerCase()}${party.organisation.id === ownId ? ' ap-tile--own' : ''}`}
                  aria-label={`${party.organisation.name}: ${PARTY_STATUS_LABELS[s]}${party.decidedAt ? ` ${formatDate(party.decidedAt)}` : ''}`}
                >
                  <span className="ap-tile__name">{party.organisation.name}</span>
                  <span className="ap-tile__status">
                    <span aria-hidden="true" className="ap-tile__icon">
                      {ICONS[s]}
                    </span>
                    {PARTY_STATUS_LABELS[s]}
                  </span>
                  {party.decidedAt && <span className="ap-tile__date">{formatDate(party.decidedAt)}</span>}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      <p className="muted ap-grid__note">
        {plural(counts.PENDING, 'part mangler', 'parter mangler')} at beslutte.{' '}
        {live ? 'Nye beslutninger vises, så snart de er registreret.' : 'Siden opdateres hvert 10. sekund.'}
      </p>
    </section>
  );
}
