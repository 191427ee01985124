import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../../lib/apollo';
import { useAuth } from '../../auth/hooks/use-auth';
import { HEARING, HearingResponse } from '../graphql/hearings';
import { useDownload } from '../hooks/use-download';
import { draftBlocks, parseDraft } from '../lib/draft';
import { plural } from '../lib/labels';
import { formatDateTime } from '../lib/time';
import { HearingHeader } from './hearing-header';
import { ResponseForm } from './response-form';
import { FiledResponse } from './filed-response';
import { ResponseReceipt } from './response-receipt';
import '../hearings.css';

/** `/hoeringer/:hearingId/svar`: the invited organisation reads the hearing draft and files its response. */
export function HearingResponsePage() {
  const { hearingId = '' } = useParams();
  const { user } = useAuth();
  const { data, loading, error } = useQuery(HEARING, { variables: { id: hearingId } });
  const hearing = data?.hearing ?? null;
  const [receipt, setReceipt] = useState<HearingResponse | null>(null);
  const [formKey, setFormKey] = useState(0);
  // Opened again after answering, the page shows what was filed; a new response only on request.
  const [writingAnother, setWritingAnother] = useState(false);
  const doc = useMemo(() => (hearing ? parseDraft(hearing.version.content) : null), [hearing]);
  const blocks = useMemo(() => draftBlocks(doc), [doc]);

  useEffect(() => {
    if (hearing) document.title = `Høringssvar: ${hearing.title} – Aftalerum`;
  }, [hearing]);

  const earlier = (hearing?.responses ?? []).filter((r) => r.id !== receipt?.id);
  const showFiled = !receipt && !writingAnother && earlier.length > 0;

  return (
    <section aria-labelledby="hearing-title" className="hd hd--wide">
      <p className="hd-back">
        <Link to="/hoeringer">← Høringer</Link>
      </p>
      {loading && !data && <p aria-live="polite">Henter høringen…</p>}
      {error && (
        <p className="error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {data && !hearing && (
        <p className="card" role="alert">
          Høringen findes ikke. Tjek linket, eller kontakt sekretariatet.
        </p>
      )}
      {hearing && user && (
        <>
          <HearingHeader hearing={hearing} agreementTitle={hearing.agreementTitle}>
            <div>
              <dt>Svarer for</dt>
              <dd>
                {user.organisation.name} ({user.name})
              </dd>
            </div>
          </HearingHeader>

          {!hearing.invited ? (
            <div className="card">
              <p>{user.organisation.name} er ikke inviteret til at afgive høringssvar i denne høring.</p>
              {hearing.canManage && (
                <p>
                  <Link to={`/hoeringer/${hearing.id}`}>Gå til behandlingen af høringssvarene</Link>
                </p>
              )}
            </div>
          ) : showFiled ? (
            <section className="hd-filed-list" aria-labelledby="filed-title">
              <h2 id="filed-title">Jeres høringssvar er indsendt</h2>
              {earlier.map((response) => (
                <FiledResponse key={response.id} response={response} blocks={blocks} />
              ))}
              {hearing.status === 'OPEN' && doc && (
                <p className="hd-actions">
                  <button type="button" onClick={() => setWritingAnother(true)}>
                    Skriv et nyt høringssvar
                  </button>
                </p>
              )}
            </section>
          ) : receipt ? (
            <ResponseReceipt
              response={receipt}
              versionLabel={`Version ${hearing.version.number}: ${hearing.version.label}`}
              onAnother={
                hearing.status === 'OPEN'
                  ? () => {
                      setReceipt(null);
                      setFormKey((k) => k + 1);
                    }
                  : null
              }
            />
          ) : hearing.status === 'SCHEDULED' ? (
            <p className="card">Høringen åbner {formatDateTime(hearing.opensAt)}. Så kan I afgive jeres høringssvar her.</p>
          ) : hearing.status === 'CLOSED' ? (
            <p className="card hd-note">Høringsfristen er overskredet. Kontakt sekretariatet for SSU, hvis I vil indsende et sent høringssvar.</p>
          ) : !doc ? (
            <p className="error" role="alert">
              Høringsudkastet kunne ikke vises.
            </p>
          ) : (
            <>
              <p className="hd-hint">
                <Link to={`/hoeringer/${hearing.id}/brev`}>Har I skrevet jeres høringssvar som brev? Upload det (PDF eller Word) i stedet for at skrive det her.</Link>
              </p>
              <ResponseForm key={formKey} hearing={hearing} doc={doc} blocks={blocks} organisation={user.organisation} onSubmitted={setReceipt} />
            </>
          )}

          {hearing.invited && earlier.length > 0 && !showFiled && <EarlierResponses responses={earlier} />}
        </>
      )}
    </section>
  );
}

function EarlierResponses({ responses }: { responses: HearingResponse[] }) {
  return (
    <section className="card" aria-labelledby="earlier-responses">
      <h2 id="earlier-responses">Jeres indsendte høringssvar</h2>
      <ul className="hd-earlier">
        {responses.map((response) => (
          <EarlierResponse key={response.id} response={response} />
        ))}
      </ul>
    </section>
  );
}

function EarlierResponse({ response }: { response: HearingResponse }) {
  const receipt = useDownload(`kvittering-${response.reference}.pdf`);
  return (
    <li>
      <p className="hd-earlier__line">
        <strong>{response.reference}</strong> · modtaget {formatDateTime(response.receivedAt)} · afgivet af {response.submittedBy} ·{' '}
        {plural(response.comments.length, 'kommentar', 'kommentarer')}
        {response.late && <span className="hd-tag hd-tag--late">Sent svar</span>}
      </p>
      <button type="button" className="small" onClick={() => void receipt.download(response.receiptUrl)} disabled={receipt.busy}>
        Hent kvittering (PDF)<span className="visually-hidden"> for {response.reference}</span>
      </button>
      {receipt.error && (
        <p className="error" role="alert">
          {receipt.error}
        </p>
      )}
    </li>
  );
}
