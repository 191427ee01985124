import { useQuery } from '@apollo/client/react';
import { useId, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { errorMessage } from '../../../lib/apollo';
import { formatDate } from '../../../lib/format';
import { useAuth } from '../../auth/hooks/use-auth';
import { AGREEMENT_TIMELINE } from '../graphql/timeline';
import { useToday } from '../hooks/use-today';
import { dayValue, daysBetween, isoOfDay } from '../lib/dates';
import { KIND_LABELS, KINDS, plural } from '../lib/labels';
import { effectiveDateText, milestoneState } from '../lib/milestone-status';
import { fullRange, inRange, processRange } from '../lib/timeline-layout';
import { AgreementHeader, PageState } from './agreement-header';
import { AddMilestoneForm, PhaseForm } from './planning-forms';
import { milestoneRowId, MilestoneTable } from './milestone-table';
import { KindIcon } from './milestone-shape';
import { TimelineChart } from './timeline-chart';

type View = 'process' | 'all';

/** The agreement's timeline: phases, milestones, today and the countdown to the effective date. */
export function TimelinePage() {
  const { agreementId = '' } = useParams();
  const id = useId();
  const today = useToday();
  const { user } = useAuth();
  const { data, loading, error } = useQuery(AGREEMENT_TIMELINE, { variables: { id: agreementId } });
  const [activeId, setActiveId] = useState<string | null>(null);
  // null: chosen by what there is to see (open milestones after the effective date show the whole period).
  const [chosenView, setView] = useState<View | null>(null);
  const agreement = data?.agreement;
  const milestones = useMemo(() => agreement?.milestones ?? [], [agreement]);

  const ranges = useMemo(() => {
    if (!agreement) return null;
    return { process: processRange(milestones, agreement.effectiveDate, today), all: fullRange(milestones, agreement.effectiveDate, today) };
  }, [agreement, milestones, today]);

  if (!agreement || !ranges) {
    return (
      <section className="tl" aria-label="Tidslinje">
        <PageState loading={loading && !data} error={error ? errorMessage(error) : null} missing={Boolean(data && !agreement)} />
      </section>
    );
  }

  const openOutside = milestones.some((m) => !m.done && !inRange(ranges.process, dayValue(m.date)));
  const view: View = chosenView ?? (openOutside ? 'all' : 'process');
  const range = ranges[view];
  const outside = milestones.filter((m) => !inRange(range, dayValue(m.date)));
  const needsAll = milestones.some((m) => !inRange(ranges.process, dayValue(m.date))) || !inRange(ranges.process, dayValue(today));
  const late = milestones.filter((m) => milestoneState(m, today) === 'late');
  const due = milestones.filter((m) => milestoneState(m, today) === 'due');
  const next = milestones.find((m) => m.kind === 'DEADLINE' && m.date >= today) ?? null;
  const inForce = agreement.currentPhase === 'IN_FORCE';
  const countdown = effectiveDateText(agreement.effectiveDate, today, inForce, formatDate(agreement.effectiveDate));
  const manage = agreement.canEdit || (Boolean(agreement.finalVersion) && (user?.role === 'SECRETARIAT' || user?.role === 'ADMIN'));

  function select(milestoneId: string) {
    const row = document.getElementById(milestoneRowId(milestoneId));
    if (!row) return;
    row.scrollIntoView({ behavior: 'smooth', block: 'center' });
    row.focus({ preventScroll: true });
  }

  return (
    <section className="tl" aria-labelledby={`${id}-title`}>
      <AgreementHeader agreement={agreement} heading="Tidslinje" headingId={`${id}-title`}>
        <span className={inForce ? 'tl-countdown tl-countdown--done' : 'tl-countdown'}>{countdown}</span>
      </AgreementHeader>

      <ul className="tl-stats" aria-label="Status for tidsplanen">
        <li className="tl-stat">
          <span className="tl-stat__label">Ikrafttræden</span>
          <span className="tl-stat__value">{formatDate(agreement.effectiveDate)}</span>
          <span className="tl-stat__hint">{countdown}</span>
        </li>
        <li className="tl-stat">
          <span className="tl-stat__label">Næste frist</span>
          {next ? (
            <>
              <span className="tl-stat__value">{formatDate(next.date)}</span>
              <span className="tl-stat__hint">
                {next.title} ({daysBetween(today, next.date) === 0 ? 'i dag' : `om ${plural(daysBetween(today, next.date), 'dag', 'dage')}`})
              </span>
            </>
          ) : (
            <span className="tl-stat__value tl-stat__value--muted">Ingen kommende frister</span>
          )}
        </li>
        <li className={late.length ? 'tl-stat tl-stat--late' : 'tl-stat'}>
          <span className="tl-stat__label">Overskredet</span>
          <span className="tl-stat__value">{plural(late.length, 'milepæl', 'milepæle')}</span>
          <span className="tl-stat__hint">{late.length ? late.map((m) => m.title).join(', ') : 'Intet er overskredet'}</span>
        </li>
        <li className={due.length ? 'tl-stat tl-stat--due' : 'tl-stat'}>
          <span className="tl-stat__label">Forfalder inden for 14 dage</span>
          <span className="tl-stat__value">{plural(due.length, 'milepæl', 'milepæle')}</span>
          <span className="tl-stat__hint">{due.length ? due.map((m) => m.title).join(', ') : 'Intet forfalder de næste 14 dage'}</span>
        </li>
      </ul>

      <section className="card tl-card" aria-labelledby={`${id}-chart`}>
        <div className="tl-card__head">
          <h2 id={`${id}-chart`}>Forløbet</h2>
          {needsAll && (
            <fieldset className="segmented">
              <legend>Vis</legend>
              <label>
                <input type="radio" name={`${id}-view`} checked={view === 'process'} onChange={() => setView('process')} />
                <span>Frem til ikrafttræden</span>
              </label>
              <label>
                <input type="radio" name={`${id}-view`} checked={view === 'all'} onChange={() => setView('all')} />
                <span>Hele perioden til i dag</span>
              </label>
            </fieldset>
          )}
        </div>
        <figure className="tl-figure">
          <TimelineChart
            milestones={milestones}
            range={range}
            effectiveDate={agreement.effectiveDate}
            currentPhase={agreement.currentPhase}
            today={today}
            activeId={activeId}
            onActivate={setActiveId}
            onSelect={select}
          />
          <figcaption className="tl-figure__caption">
            Tidslinje fra {formatDate(isoOfDay(range.start))} til {formatDate(isoOfDay(range.end))}{' '}
            med {plural(milestones.length - outside.length, 'milepæl', 'milepæle')}; faserne er vist som farvede bånd. Alle milepæle står også i tabellen
            nedenfor.
            {outside.length > 0 && ` ${plural(outside.length, 'milepæl', 'milepæle')} ligger uden for det viste tidsrum.`}
          </figcaption>
        </figure>
        <Legend />
      </section>

      <section className="card tl-card" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>Alle milepæle ({milestones.length})</h2>
        {milestones.length === 0 ? (
          <p>Der er ingen milepæle endnu.</p>
        ) : (
          <MilestoneTable milestones={milestones} today={today} captionId={`${id}-list`} activeId={activeId} onActivate={setActiveId} />
        )}
      </section>

      {manage && (
        <section className="card tl-card" aria-labelledby={`${id}-plan`}>
          <h2 id={`${id}-plan`}>Planlægning</h2>
          <div className="tl-plan">
            <AddMilestoneForm agreementId={agreement.id} defaultPhase={agreement.phase} />
            <PhaseForm agreement={agreement} />
          </div>
        </section>
      )}
    </section>
  );
}

function Legend() {
  return (
    <ul className="tl-legend" aria-label="Signaturforklaring">
      {KINDS.map((kind) => (
        <li key={kind}>
          <KindIcon kind={kind} /> {KIND_LABELS[kind]}
        </li>
      ))}
      <li>
        <KindIcon kind="MEETING" filled={false} /> Åben (ikke gennemført)
      </li>
      <li>
        <span className="tl-legend__ring tl-legend__ring--late" aria-hidden="true" /> Overskredet
      </li>
      <li>
        <span className="tl-legend__ring tl-legend__ring--due" aria-hidden="true" /> Forfalder snart
      </li>
      <li>
        <span className="tl-legend__line tl-legend__line--today" aria-hidden="true" /> I dag
      </li>
      <li>
        <span className="tl-legend__line tl-legend__line--effective" aria-hidden="true" /> Ikrafttræden
      </li>
      <li>
        <span className="tl-legend__band" aria-hidden="true" /> Nuværende fase
      </li>
    </ul>
  );
}

