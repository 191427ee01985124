import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo } from 'react';
import { errorMessage } from '../../../lib/apollo';
import { PUBLIC_HEARING } from '../graphql/hearings';
import { useNow } from '../hooks/use-now';
import { draftBlocks, parseDraft } from '../lib/draft';
import type { CommentOutcome } from '../../../gql/graphql';
import { hearingStatus, OUTCOME_LABELS, plural } from '../lib/labels';
import { countdown, formatDateTime } from '../lib/time';
import { DraftView } from './draft-view';
import { PublicLayout } from './public-layout';
import { StatusBadge } from './status-badge';

/** `/offentlig/hoering/:hearingId` (no login): the hearing draft, the deadline, how to answer, and the published responses once closed. */
export function PublicHearingPage({ hearingId }: { hearingId: string }) {
  const { data, loading, error } = useQuery(PUBLIC_HEARING, { variables: { id: hearingId } });
  const now = useNow();
  const hearing = data?.publicHearing ?? null;
  const doc = useMemo(() => (hearing ? parseDraft(hearing.content) : null), [hearing]);
  const blocks = useMemo(() => draftBlocks(doc), [doc]);
  const blockMap = useMemo(() => new Map(blocks.map((b) => [b.blockId, b])), [blocks]);

  useEffect(() => {
    document.title = hearing ? `${hearing.title} – offentlig høring` : 'Offentlig høring – Aftalerum';
  }, [hearing]);

  return (
    <PublicLayout>
      <section className="hd hd-public" aria-labelledby="public-title">
        {loading && !data && <p aria-live="polite">Henter høringen…</p>}
        {error && (
          <p className="error" role="alert">
            {errorMessage(error)}
          </p>
        )}
        {data && !hearing && (
          <>
            <h1 id="public-title">Høringen findes ikke</h1>
            <p>Tjek adressen. Kontakt sekretariatet for SSU, hvis du mener, at høringen burde være her.</p>
          </>
        )}
        {hearing && (
          <>
            <header className="hd-header">
              <p className="muted hd-header__agreement">{hearing.agreementTitle}</p>
              <h1 id="public-title">{hearing.title}</h1>
              <dl className="facts hd-facts">
                <div>
                  <dt>Status</dt>
                  <dd>
                    <StatusBadge status={hearingStatus(hearing.status)} />
                  </dd>
                </div>
                <div>
                  <dt>Høringsfrist</dt>
                  <dd>
                    {formatDateTime(hearing.closesAt)}
                    {hearing.status !== 'CLOSED' && <strong className="hd-countdown"> ({countdown(hearing.closesAt, now)})</strong>}
                  </dd>
                </div>
                <div>
                  <dt>{hearing.status === 'SCHEDULED' ? 'Åbner' : 'Åbnede'}</dt>
                  <dd>{formatDateTime(hearing.opensAt)}</dd>
                </div>
              </dl>
            </header>

            <div className="hd-public__grid">
              <div className="hd-public__main">
                <section aria-labelledby="public-draft" className="hd-public__draft">
                  <h2 id="public-draft">Høringsudkastet</h2>
                  {doc ? (
                    <div className="hd-paper">
                      <DraftView doc={doc} blocks={blockMap} label="Høringsudkastet" />
                    </div>
                  ) : (
                    <p className="error">Høringsudkastet kunne ikke vises.</p>
                  )}
                </section>
              </div>

              <aside className="hd-public__aside" aria-label="Om høringen">
                <section className="card" aria-labelledby="public-how">
                  <h2 id="public-how">Sådan afgiver du høringssvar</h2>
                  {hearing.status === 'CLOSED' ? (
                    <p>Høringen er afsluttet. Der kan ikke længere afgives høringssvar.</p>
                  ) : (
                    <>
                      <p>
                        De inviterede organisationer har fået et personligt link. Med linket skriver I jeres navn og e-mail og kommenterer derefter
                        udkastet afsnit for afsnit.
                      </p>
                      <p>
                        Høringssvar skal være modtaget senest <strong>{formatDateTime(hearing.closesAt)}</strong>. Hvert svar får en kvittering med et
                        kvitteringsnummer.
                      </p>
                      <p>Er jeres organisation ikke inviteret, eller har I mistet linket, kan I kontakte sekretariatet for Sundhedssamarbejdsudvalget.</p>
                    </>
                  )}
                </section>
                {hearing.deadlineChanges.length > 0 && (
                  <section className="card" aria-labelledby="public-changes">
                    <h2 id="public-changes">Fristen er ændret</h2>
                    <ul className="hd-log">
                      {hearing.deadlineChanges.map((change, index) => (
                        <li key={index}>
                          {formatDateTime(change.changedAt)}: fra {formatDateTime(change.previousClosesAt)} til <strong>{formatDateTime(change.closesAt)}</strong>{' '}
                          – {change.reason}
                        </li>
                      ))}
                    </ul>
                  </section>
                )}
              </aside>
            </div>

            <section aria-labelledby="public-responses" className="hd-public__responses">
              <h2 id="public-responses">Offentliggjorte høringssvar</h2>
              {hearing.status !== 'CLOSED' ? (
                <p className="muted">Høringssvarene offentliggøres her, når høringen er afsluttet, hvis afsenderen har givet samtykke.</p>
              ) : hearing.publishedResponses.length === 0 ? (
                <p className="muted">Ingen høringssvar er offentliggjort.</p>
              ) : (
                <ul className="hd-published">
                  {hearing.publishedResponses.map((response) => (
                    <li key={response.reference} className="card" aria-labelledby={`published-${response.reference}`}>
                      <h3 id={`published-${response.reference}`}>{response.organisationName}</h3>
                      <p className="hd-hint">
                        {response.reference} · modtaget {formatDateTime(response.receivedAt)} · {plural(response.comments.length, 'kommentar', 'kommentarer')}
                      </p>
                      {response.summary && <p className="hd-published__summary">{response.summary}</p>}
                      <PublishedReply reply={response.reply} outcome={response.outcome} />
                      {response.comments.length > 0 && (
                        <ul className="hd-published__comments">
                          {response.comments.map((comment, index) => (
                            <li key={index}>
                              <p className="hd-published__about">{comment.blockId && blockMap.get(comment.blockId) ? `Om ${blockMap.get(comment.blockId)?.label}` : 'Generelt'}</p>
                              <p>{comment.text}</p>
                              <PublishedReply reply={comment.reply} outcome={comment.outcome} />
                            </li>
                          ))}
                        </ul>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>

            {hearing.memoHtml && hearing.memoPublishedAt && (
              <section aria-labelledby="public-memo" className="card hd-memo">
                <h2 id="public-memo">Høringsnotat</h2>
                <p className="hd-hint">Offentliggjort {formatDateTime(hearing.memoPublishedAt)}. Sekretariatets svar på høringssvarene, og hvad der er ændret i aftalen.</p>
                <iframe className="hd-memo__frame" title="Høringsnotat" sandbox="" srcDoc={hearing.memoHtml} />
              </section>
            )}
          </>
        )}
      </section>
    </PublicLayout>
  );
}

/** The secretariat's reply to a published remark (the page gets it once the memo is published). */
function PublishedReply({ reply, outcome }: { reply: string | null | undefined; outcome: CommentOutcome | null | undefined }) {
  if (!reply) return null;
  return (
    <p className="hd-filed__reply">
      <strong>Sekretariatets svar:</strong> {reply}
      {outcome && ` (${OUTCOME_LABELS[outcome]})`}
    </p>
  );
}
