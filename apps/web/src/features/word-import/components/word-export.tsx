import { useQuery } from '@apollo/client/react';
import { useEffect, useId, useState } from 'react';
import { errorMessage } from '../../../lib/apollo';
import { WORD_AGREEMENTS } from '../graphql/word';
import { downloadFile } from '../lib/word-files';

const LIVE = '';

/**
 * Downloads of an agreement for people who work outside the platform: a clean Word document
 * (the live draft or a version), print-ready HTML, and a Word comparison of two versions with
 * tracked changes.
 */
export function WordExport() {
  const { data, loading, error } = useQuery(WORD_AGREEMENTS);
  const [agreementId, setAgreementId] = useState('');
  const [versionId, setVersionId] = useState(LIVE);
  const [fromId, setFromId] = useState('');
  const [toId, setToId] = useState(LIVE);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const agreements = data?.agreements ?? [];
  const agreement = agreements.find((a) => a.id === agreementId) ?? agreements[0];
  const versions = agreement?.versions ?? [];

  useEffect(() => {
    setVersionId(LIVE);
    setToId(LIVE);
    setFromId(agreement?.versions[0]?.id ?? '');
  }, [agreement?.id, agreement?.versions]);

  const download = async (path: string, fallback: string) => {
    setBusy(true);
    setFailure(null);
    setStatus('Henter filen …');
    try {
      const name = await downloadFile(path, fallback);
      setStatus(`${name} er hentet.`);
    } catch (problem) {
      setStatus('');
      setFailure(problem instanceof Error ? problem.message : 'Filen kunne ikke hentes.');
    } finally {
      setBusy(false);
    }
  };

  const query = (params: Record<string, string>) => {
    const search = new URLSearchParams(Object.entries(params).filter(([, value]) => value !== ''));
    const text = search.toString();
    return text ? `?${text}` : '';
  };

  return (
    <section aria-labelledby={`${id}-title`} className="card word-panel">
      <h2 id={`${id}-title`}>Hent aftalen som fil</h2>
      {loading && !data && <p aria-live="polite">Henter aftaler…</p>}
      {error && (
        <p className="error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {agreement && (
        <>
          <div className="word-fields">
            <div>
              <label htmlFor={`${id}-agreement`}>Aftale</label>
              <select id={`${id}-agreement`} value={agreement.id} onChange={(e) => setAgreementId(e.target.value)}>
                {agreements.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.title} ({a.region.name})
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`${id}-version`}>Indhold</label>
              <select id={`${id}-version`} value={versionId} onChange={(e) => setVersionId(e.target.value)}>
                <option value={LIVE}>Det aktuelle udkast</option>
                {versions.map((v) => (
                  <option key={v.id} value={v.id}>
                    Version {v.number} – {v.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="word-actions">
            <button type="button" disabled={busy} onClick={() => void download(`/files/agreements/${agreement.id}/agreement.docx${query({ versionId })}`, 'sundhedsaftale.docx')}>
              Hent som Word (.docx)
            </button>
            <button type="button" disabled={busy} onClick={() => void download(`/files/agreements/${agreement.id}/agreement.pdf${query({ versionId })}`, 'sundhedsaftale.pdf')}>
              Hent som tilgængelig PDF
            </button>
            <button type="button" disabled={busy} onClick={() => void download(`/files/agreements/${agreement.id}/agreement.html${query({ versionId })}`, 'sundhedsaftale.html')}>
              Hent udskriftsvenlig HTML
            </button>
          </div>
          <p className="muted">
            Word-filen har forside, indholdsfortegnelse og nummererede afsnit. PDF-filen er mærket (tagged) med overskrifter, lister, tabeller og dansk sprog til
            skærmlæsere. HTML-filen er en udskriftsvenlig side med samme indhold.
          </p>

          <h3>Sammenlign to versioner i Word</h3>
          {versions.length === 0 ? (
            <p className="muted">Aftalen har endnu ingen versioner at sammenligne med.</p>
          ) : (
            <>
              <div className="word-fields">
                <div>
                  <label htmlFor={`${id}-from`}>Fra</label>
                  <select id={`${id}-from`} value={fromId} onChange={(e) => setFromId(e.target.value)}>
                    {versions.map((v) => (
                      <option key={v.id} value={v.id}>
                        Version {v.number} – {v.label}
                      </option>
                    ))}
                  </select>
                </div>
                <div>
                  <label htmlFor={`${id}-to`}>Til</label>
                  <select id={`${id}-to`} value={toId} onChange={(e) => setToId(e.target.value)}>
                    <option value={LIVE}>Det aktuelle udkast</option>
                    {versions.map((v) => (
                      <option key={v.id} value={v.id}>
                        Version {v.number} – {v.label}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <div className="word-actions">
                <button
                  type="button"
                  disabled={busy || !fromId}
                  onClick={() => void download(`/files/agreements/${agreement.id}/compare.docx${query({ from: fromId, to: toId })}`, 'sammenligning.docx')}
                >
                  Hent sammenligning (.docx)
                </button>
              </div>
              <p className="muted">Ændringerne står som registrerede ændringer, som sagsbehandleren kan gennemgå under Gennemse i Word.</p>
            </>
          )}
        </>
      )}
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      <p aria-live="polite" className="muted">
        {status}
      </p>
    </section>
  );
}
