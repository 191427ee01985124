import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { errorMessage } from '../../../lib/apollo';
import { AGREEMENT_TITLE, HEARING, HEARING_PROCESSING, HearingDetail, RESPONSE_RECEIVED } from '../graphql/hearings';
import { draftBlocks, parseDraft } from '../lib/draft';
import { CommentsWorkbench } from './comments-workbench';
import { DeadlinePanel } from './deadline-panel';
import { HearingHeader } from './hearing-header';
import { InvitationsPanel } from './invitations-panel';
import { LateResponseForm } from './late-response-form';
import { MemoTools } from './memo-panel';
import { ResponsesPanel } from './responses-panel';
import { LetterLinks } from '../../letters/components/letter-links';
import { ThemesPanel } from './themes-panel';
import '../hearings.css';

/** How often the responses refresh when the live connection (graphql-ws) is not available. */
const POLL_MS = 10_000;

/** `/hoeringer/:hearingId`: the secretariat processes the hearing. Others are sent to the response form. */
export function HearingProcessingPage() {
  const { hearingId = '' } = useParams();
  const { data, loading, error } = useQuery(HEARING, { variables: { id: hearingId } });
  const hearing = data?.hearing ?? null;

  useEffect(() => {
    if (hearing) document.title = `${hearing.title} – Aftalerum`;
  }, [hearing]);

  if (hearing && !hearing.canManage) return <Navigate to={`/hoeringer/${hearing.id}/svar`} replace />;
  return (
    <section aria-labelledby="hearing-title" className="hd hd--wide">
      {loading && !data && <p aria-live="polite">Henter høringen…</p>}
      {error && (
        <p className="error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {data && !hearing && (
        <p className="card" role="alert">
          Høringen findes ikke.
        </p>
      )}
      {hearing && <Processing hearing={hearing} />}
    </section>
  );
}

function Processing({ hearing }: { hearing: HearingDetail }) {
  const client = useApolloClient();
  const agreement = useQuery(AGREEMENT_TITLE, { variables: { id: hearing.agreementId } });
  const [liveFailed, setLiveFailed] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const processing = useQuery(HEARING_PROCESSING, { variables: { id: hearing.id }, pollInterval: liveFailed ? POLL_MS : 0 });
  useQuery(HEARING, { variables: { id: hearing.id }, pollInterval: liveFailed ? POLL_MS : 0 });

  // New responses arrive live over graphql-ws; each refreshes the responses, the heat map and the comments.
  useSubscription(RESPONSE_RECEIVED, {
    variables: { hearingId: hearing.id },
    onData: ({ data: event }) => {
      const received = event.data?.hearingResponseReceived;
      if (received) setAnnouncement(`Nyt høringssvar fra ${received.organisation.name} (${received.reference}).`);
      void client.refetchQueries({ include: ['Hearing', 'HearingProcessing', 'HearingComments'] });
    },
    onError: () => setLiveFailed(true),
  });

  const doc = useMemo(() => parseDraft(hearing.version.content), [hearing.version.content]);
  const blocks = useMemo(() => draftBlocks(doc), [doc]);
  const invitations = processing.data?.hearing?.invitations ?? [];
  const counts = processing.data?.hearing?.blockCommentCounts ?? [];
  const answered = invitations.filter((i) => i.answered).length;

  return (
    <>
      <p className="hd-back">
        <Link to={`/aftaler/${hearing.agreementId}/hoeringer`}>← Høringer</Link>
      </p>
      <HearingHeader hearing={hearing} agreementTitle={agreement.data?.agreement?.title ?? null}>
        <div>
          <dt>Høringssvar</dt>
          <dd>
            {hearing.responses.length} modtaget · {answered} af {invitations.length} inviterede har svaret
          </dd>
        </div>
      </HearingHeader>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>

      <MemoTools hearingId={hearing.id} />
      <p className="hd-hint">
        <Link to={`/offentlig/hoering/${hearing.id}`}>Se den offentlige side for høringen</Link>
      </p>
      {processing.error && (
        <p className="error" role="alert">
          {errorMessage(processing.error)}
        </p>
      )}

      <div className="hd-two">
        <InvitationsPanel invitations={invitations} />
        <DeadlinePanel hearing={hearing} />
      </div>

      <ResponsesPanel responses={hearing.responses} liveNote={liveFailed ? 'Opdateres hvert 10. sekund' : 'Opdateres live'}>
        <LateResponseForm hearingId={hearing.id} invitations={invitations} />
        <LetterLinks hearingId={hearing.id} responses={hearing.responses} />
      </ResponsesPanel>

      <ThemesPanel hearingId={hearing.id} responseCount={hearing.responses.length} />

      {doc ? (
        <CommentsWorkbench hearingId={hearing.id} doc={doc} blocks={blocks} counts={counts} invitations={invitations} responses={hearing.responses} />
      ) : (
        <p className="error" role="alert">
          Høringsudkastet kunne ikke vises.
        </p>
      )}
    </>
  );
}
