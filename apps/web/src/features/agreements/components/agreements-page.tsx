import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { errorMessage } from '../../../lib/apollo';
import { daysUntil, formatDate } from '../../../lib/format';
import { useAuth } from '../../auth/hooks/use-auth';
import { AGREEMENTS, PHASE_LABELS } from '../graphql/agreements';

export function AgreementsPage() {
  const { data, loading, error } = useQuery(AGREEMENTS);
  const { user } = useAuth();
  // Organisations read no agreement, only the hearings they are invited to (API-CONTRACT, "Who may read what").
  const readsNoAgreements = user?.role === 'ORGANISATION';

  return (
    <section aria-labelledby="agreements-title">
      <h1 id="agreements-title">Sundhedsaftaler</h1>
      {loading && !data && <p aria-live="polite">Henter aftaler…</p>}
      {error && (
        <p className="error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {data && data.agreements.length === 0 && !readsNoAgreements && <p>Der er endnu ingen aftaler.</p>}
      {data && data.agreements.length === 0 && readsNoAgreements && (
        <p>
          Udkastet til sundhedsaftalen læses af regionens sekretariat, klynger og kommuner. De høringer, din organisation er
          inviteret til, finder du under <Link to="/hoeringer">Høringer</Link>.
        </p>
      )}
      <ul className="agreement-list">
        {data?.agreements.map((agreement) => {
          const days = daysUntil(agreement.effectiveDate);
          return (
            <li key={agreement.id} className="card">
              <h2>{agreement.title}</h2>
              <dl className="facts">
                <div>
                  <dt>Region</dt>
                  <dd>{agreement.region.name}</dd>
                </div>
                <div>
                  <dt>Periode</dt>
                  <dd>
                    {agreement.periodStart}–{agreement.periodEnd}
                  </dd>
                </div>
                <div>
                  <dt>Ikrafttræden</dt>
                  <dd>
                    {formatDate(agreement.effectiveDate)}{' '}
                    {/* "trådt i kraft" only when it is: in phase IN_FORCE, not because the date has passed. */}
                    <span className="muted">
                      ({agreement.currentPhase === 'IN_FORCE' ? 'trådt i kraft' : days > 0 ? `om ${days} dage` : days === 0 ? 'planlagt i dag' : 'planlagt; ikke trådt i kraft'})
                    </span>
                  </dd>
                </div>
                <div>
                  <dt>Fase</dt>
                  <dd>
                    <span className="badge">{PHASE_LABELS[agreement.phase]}</span>
                  </dd>
                </div>
              </dl>
              <p className="card__actions">
                <Link className="button-link" to={`/aftaler/${agreement.id}`}>
                  Åbn udkast<span className="visually-hidden"> til {agreement.title}</span>
                </Link>
                <Link className="card__link" to={`/aftaler/${agreement.id}/input`} aria-label={`Inputrunder for ${agreement.title}`}>
                  Inputrunder
                </Link>
                <Link className="card__link" to={`/aftaler/${agreement.id}/hoeringer`} aria-label={`Høringer for ${agreement.title}`}>
                  Høringer
                </Link>
                <Link className="card__link" to={`/aftaler/${agreement.id}/tidslinje`} aria-label={`Tidslinje for ${agreement.title}`}>
                  Tidslinje
                </Link>
                <Link className="card__link" to={`/aftaler/${agreement.id}/godkendelser`} aria-label={`Godkendelser for ${agreement.title}`}>
                  Godkendelser
                </Link>
                <Link className="card__link" to={`/aftaler/${agreement.id}/overblik`} aria-label={`Overblik over ${agreement.title}`}>
                  Overblik
                </Link>
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
