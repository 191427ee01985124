import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useId, useRef, useState } from 'react';
import { errorMessage } from '../../../lib/apollo';
import { HEARING_MEMO, HearingMemo, MEMO_VERSIONS, PUBLISH_MEMO } from '../graphql/hearings';
import { useDownload } from '../hooks/use-download';
import { formatDateTime, formatTime } from '../lib/time';

/** The memo as last fetched, and when. */
type Memo = HearingMemo & { at: Date };

/**
 * The hearing memo (høringsnotat), generated from the replies each time it is asked for:
 * downloads as DOCX or PDF, and the HTML shown in a panel (sandboxed) or opened as a page.
 */
export function MemoTools({ hearingId }: { hearingId: string }) {
  const id = useId();
  const client = useApolloClient();
  const [memo, setMemo] = useState<Memo | null>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [pageUrl, setPageUrl] = useState<string | null>(null);
  const docx = useDownload('hoeringsnotat.docx');
  const pdf = useDownload('hoeringsnotat.pdf');
  const heading = useRef<HTMLHeadingElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  // What the hearing draft is compared with: '' is the default (the latest version someone named).
  const versions = useQuery(MEMO_VERSIONS, { variables: { id: hearingId } });
  const [compareWith, setCompareWith] = useState('');
  const [publish, publishing] = useMutation(PUBLISH_MEMO);
  const [published, setPublished] = useState('');
  const choices = versions.data?.hearing?.memoComparableVersions ?? [];
  const defaultChoice = choices.find((v) => v.id === versions.data?.hearing?.memoDefaultVersionId);
  const publishedAt = versions.data?.hearing?.memoPublishedAt ?? null;

  async function onPublish() {
    setProblem(null);
    setPublished('');
    try {
      await publish({ variables: { input: { hearingId, compareWithVersionId: compareWith || null } } });
      await versions.refetch();
      setPublished('Høringsnotatet er offentliggjort på den offentlige høringsside.');
    } catch (caught) {
      setProblem(errorMessage(caught));
    }
  }

  useEffect(() => {
    if (!memo) return;
    const url = URL.createObjectURL(new Blob([memo.html], { type: 'text/html;charset=utf-8' }));
    setPageUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [memo]);

  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open, memo]);

  async function fetchMemo(): Promise<Memo | null> {
    setBusy(true);
    setProblem(null);
    try {
      const result = await client.query({ query: HEARING_MEMO, variables: { hearingId, compareWithVersionId: compareWith || null }, fetchPolicy: 'network-only' });
      if (!result.data) throw new Error('Notatet kunne ikke hentes. Prøv igen.');
      const next = { ...result.data.hearingMemo, at: new Date() };
      setMemo(next);
      return next;
    } catch (caught) {
      setProblem(errorMessage(caught));
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function onDownload(kind: 'docx' | 'pdf') {
    const next = await fetchMemo();
    if (next) await (kind === 'docx' ? docx.download(next.docxUrl) : pdf.download(next.pdfUrl));
  }

  async function onShow() {
    if (open) {
      setOpen(false);
      toggle.current?.focus();
      return;
    }
    if (await fetchMemo()) setOpen(true);
  }

  const downloaded = docx.file ?? pdf.file;
  const downloadError = docx.error ?? pdf.error;
  return (
    <>
      <div className="hd-memo-options">
        <label htmlFor={`${id}-compare`}>Sammenlign høringsudkastet med</label>
        <select id={`${id}-compare`} value={compareWith} onChange={(e) => setCompareWith(e.target.value)}>
          <option value="">{defaultChoice ? `Seneste navngivne version: ${defaultChoice.number}. ${defaultChoice.label}` : 'Det nuværende udkast'}</option>
          {choices.map((v) => (
            <option key={v.id} value={v.id}>
              Version {v.number}: {v.label}
            </option>
          ))}
        </select>
        {versions.data?.hearing?.status === 'CLOSED' && (
          <button type="button" onClick={() => void onPublish()} disabled={publishing.loading}>
            {publishedAt ? 'Offentliggør høringsnotatet igen' : 'Offentliggør høringsnotatet'}
          </button>
        )}
        <span className="hd-hint" role="status" aria-live="polite">
          {published || (publishedAt ? `Offentliggjort ${formatDateTime(publishedAt)}.` : '')}
        </span>
      </div>
      <div className="hd-toolbar" role="group" aria-label="Høringsnotat">
        <button type="button" className="primary" onClick={() => void onDownload('docx')} disabled={busy || docx.busy}>
          {docx.busy ? 'Laver høringsnotatet…' : 'Hent høringsnotat (DOCX)'}
        </button>
        <button type="button" onClick={() => void onDownload('pdf')} disabled={busy || pdf.busy}>
          Hent høringsnotat (PDF)
        </button>
        <button type="button" ref={toggle} onClick={() => void onShow()} aria-expanded={open} aria-controls={`${id}-panel`} disabled={busy}>
          {open ? 'Skjul høringsnotatet' : 'Vis høringsnotatet'}
        </button>
        <span className="hd-hint" role="status" aria-live="polite">
          {downloaded && (
            <>
              Hentet:{' '}
              <a href={downloaded.href} download={downloaded.filename}>
                {downloaded.filename}
              </a>
            </>
          )}
        </span>
      </div>
      {(problem ?? downloadError) && (
        <p className="error" role="alert">
          {problem ?? downloadError}
        </p>
      )}
      <div id={`${id}-panel`} hidden={!open}>
        {open && memo && (
          <section className="card hd-memo" aria-labelledby={`${id}-title`}>
            <div className="hd-section-head">
              <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
                Høringsnotat
              </h2>
              <span className="hd-hint">
                Dannet kl. {formatTime(memo.at)} ud fra svarene, som de er nu; sammenlignet med {memo.comparedWith}.
              </span>
            </div>
            <p className="hd-actions">
              {pageUrl && (
                <a href={pageUrl} target="_blank" rel="noopener">
                  Åbn høringsnotatet som side (ny fane)
                </a>
              )}
              <button type="button" className="small" onClick={() => void fetchMemo()} disabled={busy}>
                Opdatér
              </button>
            </p>
            <iframe className="hd-memo__frame" title="Høringsnotat" sandbox="" srcDoc={memo.html} />
          </section>
        )}
      </div>
    </>
  );
}
