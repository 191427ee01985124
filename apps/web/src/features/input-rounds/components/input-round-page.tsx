import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../../lib/apollo';
import { INPUT_ROUND, InputRoundDetail } from '../graphql/input-rounds';
import { useNow } from '../hooks/use-now';
import { countdown, formatDateTime } from '../lib/time';
import { ClusterRoundView } from './cluster-round-view';
import { SecretariatRoundView } from './secretariat-round-view';
import '../input-rounds.css';

/** One input round: the secretariat's overview, or the asked cluster's own input. */
export function InputRoundPage() {
  const { roundId = '' } = useParams();
  const { data, loading, error } = useQuery(INPUT_ROUND, { variables: { id: roundId } });
  const round = data?.inputRound;

  return (
    <section aria-labelledby="round-title" className="ir">
      <p className="ir-back">
        <Link to="/input">← Alle inputrunder</Link>
      </p>
      {loading && !data && <p aria-live="polite">Henter inputrunden…</p>}
      {error && (
        <p className="error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {data && !round && <p role="alert">Inputrunden findes ikke.</p>}
      {round && (
        <>
          <RoundHeader round={round} />
          {round.canManage ? (
            <SecretariatRoundView round={round} />
          ) : round.myParticipation ? (
            <ClusterRoundView round={round} participation={round.myParticipation} />
          ) : (
            <p className="card">Din organisation er ikke bedt om input i denne runde.</p>
          )}
        </>
      )}
    </section>
  );
}

function RoundHeader({ round }: { round: InputRoundDetail }) {
  const now = useNow();
  const deadline = round.myParticipation?.deadline ?? round.deadline;
  const open = new Date(deadline).getTime() > now.getTime();
  return (
    <header className="ir-header">
      {round.agreement && <p className="muted ir-header__agreement">{round.agreement.title}</p>}
      <h1 id="round-title">{round.title}</h1>
      {round.description && <p>{round.description}</p>}
      <dl className="facts">
        <div>
          <dt>{round.myParticipation?.extended ? 'Jeres forlængede frist' : 'Frist'}</dt>
          <dd>
            {formatDateTime(deadline)} <span className="muted">({countdown(deadline, now)})</span>
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <span className={`ir-status ir-status--${open ? 'open' : 'closed'}`}>{open ? 'Åben for input' : 'Lukket'}</span>
          </dd>
        </div>
        <div>
          <dt>Spørger til</dt>
          <dd>{round.version ? `Version ${round.version.number}: ${round.version.label}` : 'Det levende udkast'}</dd>
        </div>
        <div>
          <dt>Indsendt</dt>
          <dd>
            {round.participants.filter((p) => p.submitted).length} af {round.participants.length}
          </dd>
        </div>
      </dl>
    </header>
  );
}
