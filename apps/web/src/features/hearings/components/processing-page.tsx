import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import { ReactNode, useEffect, useMemo, useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { errorMessage } from '../../../lib/apollo';
import { AGREEMENT_TITLE, HEARING_COMMENT_FACETS, HEARING_COMMENT_PAGE, HEARING_HEAD, HEARING_PROCESSING, HEARING_RESPONSES, HearingHead, RESPONSE_RECEIVED } from '../graphql/hearings';
import { draftBlocks, parseDraft } from '../lib/draft';
import { EMPTY_FILTER, PAGE_SIZE } from '../lib/comment-page';
import { CommentsWorkbench } from './comments-workbench';
import { Deferred } from './deferred';
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
/** Up to this many responses the panel shows them at once; above, on request (they are heavy to load and render). */
const RESPONSES_SHOWN_AT_ONCE = 25;

/** `/hoeringer/:hearingId`: the secretariat processes the hearing. Others are sent to the response form. */
export function HearingProcessingPage() {
  const { hearingId = '' } = useParams();
  const { data, loading, error } = useQuery(HEARING_HEAD, { variables: { id: hearingId } });
  const hearing = data?.hearing ?? null;
  // What the workbench asks for first, asked for at once rather than after the hearing has come
  // and been drawn: the first page of comments, the counts, the invitations (refused, and ignored,
  // for anyone but the secretariat, who is sent on to the response form).
  useQuery(HEARING_COMMENT_PAGE, { variables: { id: hearingId, first: PAGE_SIZE, filter: EMPTY_FILTER } });
  useQuery(HEARING_COMMENT_FACETS, { variables: { id: hearingId, filter: EMPTY_FILTER } });
  useQuery(HEARING_PROCESSING, { variables: { id: hearingId } });

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

function Processing({ hearing }: { hearing: HearingHead }) {
  const client = useApolloClient();
  const agreement = useQuery(AGREEMENT_TITLE, { variables: { id: hearing.agreementId } });
  const [liveFailed, setLiveFailed] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  /** Counts the responses that arrived while the page was open: the comment list then loads what came after its end. */
  const [arrivals, setArrivals] = useState(0);
  // The page above asked for these as it opened; here they are read from the cache, and polled
  // (always from the server) when the live connection fails.
  const processing = useQuery(HEARING_PROCESSING, { variables: { id: hearing.id }, fetchPolicy: 'cache-first', pollInterval: liveFailed ? POLL_MS : 0 });
  useQuery(HEARING_HEAD, { variables: { id: hearing.id }, fetchPolicy: 'cache-first', pollInterval: liveFailed ? POLL_MS : 0 });

  // New responses arrive live over graphql-ws; each refreshes the responses, the counts and the heat map, and
  // the comment list loads the new comments (they come last) once it has reached its end.
  useSubscription(RESPONSE_RECEIVED, {
    variables: { hearingId: hearing.id },
    onData: ({ data: event }) => {
      const received = event.data?.hearingResponseReceived;
      if (received) setAnnouncement(`Nyt høringssvar fra ${received.organisation.name} (${received.reference}).`);
      void client.refetchQueries({ include: ['HearingHead', 'HearingProcessing', 'HearingResponses', 'HearingCommentFacets'] });
      setArrivals((n) => n + 1);
    },
    onError: () => setLiveFailed(true),
  });

  const doc = useMemo(() => parseDraft(hearing.version.content), [hearing.version.content]);
  const blocks = useMemo(() => draftBlocks(doc), [doc]);
  const invitations = processing.data?.hearing?.invitations ?? [];
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
            {hearing.responseCount} modtaget · {answered} af {invitations.length} inviterede har svaret
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
        <Deferred fallback={<p className="card muted">Henter invitationerne…</p>}>
          <InvitationsPanel invitations={invitations} />
        </Deferred>
        <DeadlinePanel hearing={hearing} />
      </div>

      <ProcessingResponses hearingId={hearing.id} count={hearing.responseCount} liveNote={liveFailed ? 'Opdateres hvert 10. sekund' : 'Opdateres live'} poll={liveFailed}>
        <LateResponseForm hearingId={hearing.id} invitations={invitations} />
        <LetterLinks hearingId={hearing.id} />
      </ProcessingResponses>

      <ThemesPanel hearingId={hearing.id} responseCount={hearing.responseCount} />

      {doc ? (
        <CommentsWorkbench hearingId={hearing.id} doc={doc} blocks={blocks} invitations={invitations} arrivals={arrivals} poll={liveFailed} />
      ) : (
        <p className="error" role="alert">
          Høringsudkastet kunne ikke vises.
        </p>
      )}
    </>
  );
}

/**
 * The responses panel. A hearing of many responses shows their number and loads them on request:
 * each comes with its receipt, attachments and comments, too much to fetch and draw before the
 * comments (which have their own paged list).
 */
function ProcessingResponses({ hearingId, count, liveNote, poll, children }: { hearingId: string; count: number; liveNote: string; poll: boolean; children: ReactNode }) {
  const [wanted, setWanted] = useState(false);
  const show = wanted || count <= RESPONSES_SHOWN_AT_ONCE;
  const { data, error } = useQuery(HEARING_RESPONSES, { variables: { id: hearingId }, skip: !show, pollInterval: poll ? POLL_MS : 0 });
  const responses = show ? data?.hearing?.responses : undefined;
  const placeholder = error ? (
    <p className="error" role="alert">
      {errorMessage(error)}
    </p>
  ) : show ? (
    <p className="muted" aria-live="polite">
      Henter høringssvarene…
    </p>
  ) : (
    <p>
      <button type="button" onClick={() => setWanted(true)}>
        Vis alle {count} høringssvar med kvitteringer og bilag
      </button>
    </p>
  );
  return (
    <ResponsesPanel count={count} responses={responses} liveNote={liveNote} placeholder={placeholder}>
      {children}
    </ResponsesPanel>
  );
}
