import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../../lib/apollo';
import { INPUT_ROUNDS } from '../graphql/input-rounds';
import { useNow } from '../hooks/use-now';
import { countdown, formatDateTime } from '../lib/time';
import { OpenRoundForm } from './open-round-form';
import '../input-rounds.css';

/** The input rounds of every agreement (or of one), with the form to open a new one for the secretariat. */
export function InputRoundsPage() {
  const { agreementId } = useParams();
  const { data, loading, error } = useQuery(INPUT_ROUNDS);
  const now = useNow();
  const agreements = (data?.agreements ?? []).filter((a) => !agreementId || a.id === agreementId);

  return (
    <section aria-labelledby="input-rounds-title" className="ir">
      <h1 id="input-rounds-title">Inputrunder</h1>
      <p className="muted">Sekretariatet for SSU beder klyngerne (og andre organisationer) om input til udkastet inden en frist.</p>
      {loading && !data && <p aria-live="polite">Henter inputrunder…</p>}
      {error && (
        <p className="error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {data && agreements.length === 0 && <p>Der er ingen aftaler at vise.</p>}
      {agreements.map((agreement) => (
        <section key={agreement.id} className="card ir-agreement" aria-labelledby={`agreement-${agreement.id}`}>
          <h2 id={`agreement-${agreement.id}`}>{agreement.title}</h2>
          {agreement.inputRounds.length === 0 ? (
            <p className="muted">Der er ingen inputrunder endnu.</p>
          ) : (
            <ul className="ir-round-list">
              {agreement.inputRounds.map((round) => {
                const submitted = round.participants.filter((p) => p.submitted).length;
                const deadline = round.myParticipation?.deadline ?? round.deadline;
                return (
                  <li key={round.id} className="ir-round-list__item">
                    <Link to={`/input/${round.id}`} className="ir-round-list__title">
                      {round.title}
                    </Link>
                    <span className={`ir-status ir-status--${round.status.toLowerCase()}`}>{round.status === 'OPEN' ? 'Åben' : 'Lukket'}</span>
                    <span className="muted">
                      Frist {formatDateTime(deadline)} ({countdown(deadline, now)}) · {submitted} af {round.participants.length} har indsendt
                      {round.myParticipation && (round.myParticipation.submitted ? ' · I har indsendt' : ' · I mangler at indsende')}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
          {agreement.canEdit && <OpenRoundForm agreement={agreement} />}
        </section>
      ))}
    </section>
  );
}
