import { useQuery } from '@apollo/client/react';
import { ReactNode, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../../lib/apollo';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useAuth } from '../../auth/hooks/use-auth';
import { AgreementHeader, PageState } from '../../timeline/components/agreement-header';
import { LIVE_REFRESH_MS, useApprovalEvents } from '../../timeline/hooks/live';
import { useToday } from '../../timeline/hooks/use-today';
import { daysBetween } from '../../timeline/lib/dates';
import { isPhase, NOTIFICATION_KIND_LABELS, PHASES, phaseLabel, plural } from '../../timeline/lib/labels';
import { effectiveDateText } from '../../timeline/lib/milestone-status';
import { AGREEMENT_DASHBOARD, Notification } from '../graphql/dashboard';
import '../dashboard.css';

const SHOWN = 12;

/** The secretariat's overview of an agreement: where it stands, as cards, and the outbox. */
export function DashboardPage() {
  const { agreementId = '' } = useParams();
  const id = useId();
  const today = useToday();
  const { user } = useAuth();
  // The outbox has no live feed: the page polls; recorded decisions also refresh it at once.
  const { data, loading, error, refetch } = useQuery(AGREEMENT_DASHBOARD, { variables: { id: agreementId }, pollInterval: LIVE_REFRESH_MS });
  useApprovalEvents(agreementId, () => void refetch());
  const agreement = data?.agreement;

  if (!agreement || !data) {
    return (
      <section className="tl" aria-label="Overblik">
        <PageState loading={loading && !data} error={error ? errorMessage(error) : null} missing={Boolean(data && !agreement)} />
      </section>
    );
  }

  const d = data.agreementDashboard;
  const phaseIndex = isPhase(d.phase) ? PHASES.indexOf(d.phase) + 1 : 0;
  const first = agreement.milestones[0]?.date ?? null;
  const span = first ? daysBetween(first, agreement.effectiveDate) : 0;
  const elapsed = first ? Math.min(Math.max(daysBetween(first, today), 0), span) : 0;
  const next = d.nextDeadline;
  const previous = next ? [...agreement.milestones].reverse().find((m) => m.date < today && m.date < next.date) : undefined;
  const stretch = next && previous ? daysBetween(previous.date, next.date) : 0;
  const left = next ? daysBetween(today, next.date) : 0;
  const participants = agreement.inputRounds.flatMap((r) => r.participants);
  const submitted = participants.filter((p) => p.submitted).length;
  const inForce = d.phase === 'IN_FORCE';
  const manager = agreement.canEdit || user?.role === 'SECRETARIAT' || user?.role === 'ADMIN';

  return (
    <section className="tl" aria-labelledby={`${id}-title`}>
      <AgreementHeader agreement={agreement} heading="Overblik" headingId={`${id}-title`} />

      <section aria-labelledby={`${id}-status`}>
        <h2 id={`${id}-status`} className="visually-hidden">
          Status
        </h2>
        <ul className="db-cards">
          <Card title="Fase" value={phaseLabel(d.phase)} progress={{ value: phaseIndex, max: PHASES.length, text: `Fase ${phaseIndex} af ${PHASES.length}` }}>
            <Link to={`/aftaler/${agreement.id}/tidslinje`}>Se tidslinjen</Link>
          </Card>
          <Card
            title="Næste frist"
            value={next ? formatDate(next.date) : 'Ingen kommende frister'}
            progress={
              next && stretch > 0
                ? { value: stretch - left, max: stretch, text: left === 0 ? 'Fristen er i dag' : `${plural(left, 'dag', 'dage')} tilbage` }
                : undefined
            }
          >
            {next ? next.title : 'Der er ingen frister på tidslinjen efter i dag.'}
          </Card>
          <Card
            title="Ikrafttræden"
            value={formatDate(agreement.effectiveDate)}
            progress={span > 0 ? { value: elapsed, max: span, text: effectiveDateText(agreement.effectiveDate, today, inForce, formatDate(agreement.effectiveDate)) } : undefined}
            tone={inForce ? 'good' : undefined}
          >
            {/* What is true for the phase, from the server: never "N dage siden ikrafttrædelsesdatoen" before it is in force. */}
            {d.effectiveDateStatus}
          </Card>
          <Card
            title="Input modtaget"
            value={plural(d.inputsReceived, 'indsendelse', 'indsendelser')}
            progress={participants.length ? { value: submitted, max: participants.length, text: `${submitted} af ${participants.length} adspurgte har indsendt` } : undefined}
          >
            {plural(agreement.inputRounds.length, 'inputrunde', 'inputrunder')}
          </Card>
          <Card
            title="Høringssvar"
            value={`${plural(d.hearingResponses, 'svar', 'svar')} modtaget`}
            progress={
              d.hearingComments
                ? { value: d.hearingCommentsAnswered, max: d.hearingComments, text: `${d.hearingCommentsAnswered} af ${d.hearingComments} bemærkninger besvaret` }
                : undefined
            }
          >
            {d.hearingComments ? '' : 'Ingen bemærkninger at besvare endnu'}
          </Card>
          <Card
            title="Godkendelser"
            value={`${d.approvals.approved} af ${d.approvals.required} har godkendt`}
            progress={{ value: d.approvals.approved, max: d.approvals.required, text: `${Math.round((d.approvals.approved / Math.max(d.approvals.required, 1)) * 100)} % godkendt` }}
            tone={d.approvals.rejected > 0 ? 'bad' : d.approvals.approved === d.approvals.required ? 'good' : undefined}
          >
            {d.approvals.rejected > 0 && <strong className="db-card__bad">{plural(d.approvals.rejected, 'part', 'parter')} har ikke godkendt. </strong>}
            <Link to={`/aftaler/${agreement.id}/godkendelser`}>Se godkendelserne</Link>
          </Card>
        </ul>
      </section>

      <Outbox notifications={data.outbox} heading={manager ? 'Udbakke' : `Meddelelser til ${user?.organisation.name ?? 'jer'}`} all={manager} />
    </section>
  );
}

interface CardProps {
  title: string;
  value: string;
  progress?: { value: number; max: number; text: string };
  tone?: 'good' | 'bad';
  children?: ReactNode;
}

function Card({ title, value, progress, tone, children }: CardProps) {
  const id = useId();
  const pct = progress ? Math.round((Math.min(Math.max(progress.value, 0), progress.max) / Math.max(progress.max, 1)) * 100) : 0;
  return (
    <li className={`db-card${tone ? ` db-card--${tone}` : ''}`} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="db-card__title">
        {title}
      </h3>
      <p className="db-card__value">{value}</p>
      {progress ? (
        <>
          <div
            className="db-bar"
            role="progressbar"
            aria-labelledby={`${id}-title`}
            aria-valuemin={0}
            aria-valuemax={progress.max}
            aria-valuenow={Math.min(Math.max(progress.value, 0), progress.max)}
            aria-valuetext={progress.text}
          >
            <span className="db-bar__fill" style={{ width: `${pct}%` }} />
          </div>
          <p className="db-card__progress">{progress.text}</p>
        </>
      ) : (
        <div className="db-bar db-bar--empty" aria-hidden="true" />
      )}
      {children && <p className="db-card__detail">{children}</p>}
    </li>
  );
}

interface MessageGroup {
  key: string;
  kind: string;
  subject: string;
  body: string;
  items: Notification[];
}

/** The same message to several parties (an approval request to every municipality) is shown once, with its count. */
function groupMessages(notifications: Notification[]): MessageGroup[] {
  const groups = new Map<string, MessageGroup>();
  for (const n of notifications) {
    const key = `${n.kind}\u0000${n.subject}\u0000${n.body}`;
    const group = groups.get(key) ?? { key, kind: n.kind, subject: n.subject, body: n.body, items: [] };
    group.items.push(n);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function Outbox({ notifications, heading, all }: { notifications: Notification[]; heading: string; all: boolean }) {
  const id = useId();
  const [showAll, setShowAll] = useState(false);
  const groups = groupMessages(notifications);
  const shown = showAll ? groups : groups.slice(0, SHOWN);
  return (
    <section className="card tl-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {heading} ({notifications.length})
      </h2>
      <p className="muted db-outbox__intro">
        {all
          ? 'Påmindelser om frister og anmodninger om godkendelse, som platformen har sendt til parterne. Samme meddelelse til flere parter vises én gang.'
          : 'Påmindelser og anmodninger, som platformen har sendt til jeres organisation.'}
      </p>
      {notifications.length === 0 ? (
        <p>Der er ingen meddelelser endnu.</p>
      ) : (
        <ul className="db-outbox">
          {shown.map((group) => {
            const sent = group.items.filter((n) => n.sentAt).length;
            const recipients = [...new Set(group.items.flatMap((n) => n.recipients))];
            const latest = group.items.reduce((a, b) => (a.createdAt > b.createdAt ? a : b));
            return (
              <li key={group.key} className="db-message">
                <div className="db-message__head">
                  <span className={`db-kind db-kind--${group.kind.toLowerCase()}`}>{NOTIFICATION_KIND_LABELS[group.kind] ?? group.kind}</span>
                  <h3 className="db-message__subject">{group.subject}</h3>
                  {group.items.length > 1 && <span className="db-count">{group.items.length} meddelelser</span>}
                </div>
                <p className="db-message__meta">
                  Oprettet {formatDateTime(latest.createdAt)} ·{' '}
                  {sent === group.items.length ? (
                    <span className="db-sent">{group.items.length > 1 ? 'Alle sendt' : `Sendt ${formatDateTime(latest.sentAt ?? latest.createdAt)}`}</span>
                  ) : sent > 0 ? (
                    <span className="db-queued">
                      {sent} sendt, {group.items.length - sent} afventer afsendelse
                    </span>
                  ) : (
                    <span className="db-queued">Afventer afsendelse</span>
                  )}{' '}
                  · Til {recipients.length ? recipients.join(', ') : <span>parter uden e-mailadresse i Aftalerum</span>}
                </p>
                <details className="db-message__body">
                  <summary>
                    Vis teksten<span className="visually-hidden"> i {group.subject}</span>
                  </summary>
                  <p>{group.body}</p>
                </details>
              </li>
            );
          })}
        </ul>
      )}
      {groups.length > SHOWN && (
        <button type="button" className="db-more" onClick={() => setShowAll((v) => !v)} aria-expanded={showAll}>
          {showAll ? 'Vis færre' : `Vis alle ${groups.length} meddelelser`}
        </button>
      )}
    </section>
  );
}
