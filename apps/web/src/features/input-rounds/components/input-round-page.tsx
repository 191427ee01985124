import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../../lib/apollo';
import { CLUSTER_INPUT_SUBMITTED, INPUT_ROUND, InputRoundDetail } from '../graphql/input-rounds';
import { useNow } from '../hooks/use-now';
import { countdown, formatDateTime } from '../lib/time';
import { ClusterRoundView } from './cluster-round-view';
import { SecretariatRoundView } from './secretariat-round-view';
import '../input-rounds.css';

/** How often the secretariat's overview refreshes itself when live updates fail. */
const POLL_MS = 10_000;

/**
 * For the secretariat: each input a participant submits to this round arrives live (graphql-ws)
 * and refreshes the overview, the matrix and the count, and is announced in words. Returns the
 * announcement; `onFailed` is called when live updates are not available (the page then polls).
 */
function useLiveInputs(round: InputRoundDetail | null | undefined, onFailed: () => void): string {
  const client = useApolloClient();
  const [announcement, setAnnouncement] = useState('');
  const agreementId = round?.agreement?.id ?? '';
  useSubscription(CLUSTER_INPUT_SUBMITTED, {
    variables: { agreementId },
    skip: !round?.canManage || !agreementId,
    onData: ({ data: event }) => {
      const submitted = event.data?.clusterInputSubmitted;
      if (!submitted || submitted.round.id !== round?.id) return;
      setAnnouncement(`Nyt input fra ${submitted.organisation.name} (indsendelse ${submitted.number ?? 1}).`);
      void client.refetchQueries({ include: ['InputRound', 'InputMatrix'] });
    },
    onError: onFailed,
  });
  return announcement;
}

/** One input round: the secretariat's overview, or the asked cluster's own input. */
export function InputRoundPage() {
  const { roundId = '' } = useParams();
  const [liveFailed, setLiveFailed] = useState(false);
  const { data, loading, error } = useQuery(INPUT_ROUND, { variables: { id: roundId }, pollInterval: liveFailed ? POLL_MS : 0 });
  const round = data?.inputRound;
  const announcement = useLiveInputs(round, () => setLiveFailed(true));

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
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
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
