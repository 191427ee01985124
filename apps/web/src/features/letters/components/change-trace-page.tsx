import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../../lib/apollo';
import { useDownload } from '../../hearings/hooks/use-download';
import { HEARING_CHANGE_TRACE } from '../graphql/letters';
import { BlockChangeNote } from './block-change-note';
import '../letters.css';

/** `/hoeringer/:hearingId/spor/:organisationId`: what an organisation said, the answers, and what became of each paragraph. */
export function ChangeTracePage() {
  const { hearingId = '', organisationId = '' } = useParams();
  const { data, loading, error } = useQuery(HEARING_CHANGE_TRACE, { variables: { hearingId, organisationId } });
  const { download, busy, error: downloadError } = useDownload('hvad-der-blev-aendret.docx');
  const trace = data?.hearingChangeTrace;

  useEffect(() => {
    document.title = `${trace?.title ?? 'Hvad vi sagde – hvad der blev ændret'} – Aftalerum`;
  }, [trace?.title]);

  return (
    <section className="lt" aria-labelledby="trace-title">
      <p className="hd-back">
        <Link to={`/hoeringer/${hearingId}`}>← Behandlingen af høringen</Link>
      </p>
      <h1 id="trace-title">Hvad vi sagde – hvad der blev ændret</h1>
      {loading && <p aria-live="polite">Henter…</p>}
      {error && (
        <p className="error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {trace && (
        <>
          <p className="lt-lead">
            <strong>{trace.title}</strong> · {trace.about} · sammenlignet med {trace.comparedWith}
          </p>
          <p className="hd-actions">
            <button type="button" onClick={() => void download(trace.docxUrl)} disabled={busy}>
              Hent som Word
            </button>
            {downloadError && (
              <span className="error" role="alert">
                {downloadError}
              </span>
            )}
          </p>
          {trace.entries.length === 0 ? (
            <p>Ingen bemærkninger.</p>
          ) : (
            <ol className="lt-trace-list">
              {trace.entries.map((entry, i) => (
                <li key={i} className="card">
                  <p className="hd-hint">{entry.paragraph ? `Til afsnittet »${entry.paragraph.length > 120 ? `${entry.paragraph.slice(0, 119)}…` : entry.paragraph}«` : 'Generel bemærkning'}</p>
                  <p>
                    <strong>Det sagde vi:</strong> {entry.said}
                  </p>
                  <p>
                    <strong>Svar:</strong> {entry.reply ?? 'Ikke besvaret endnu.'} {entry.outcome && <span className="hd-outcome">{entry.outcome}</span>}
                  </p>
                  <BlockChangeNote change={entry.change} />
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
