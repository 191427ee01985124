import { useQuery } from '@apollo/client/react';
import { KeyboardEvent, useId, useRef, useState } from 'react';
import { AGREEMENT_VERSIONS } from '../../versions/graphql/versions';
import { downloadFile } from '../../word-import/lib/word-files';

/**
 * "Eksportér" in the editor: the live draft as Word or PDF, and a Word comparison (tracked
 * changes) of a locked version with the live draft, without leaving the draft. A disclosure:
 * the button opens a panel, Escape closes it and focus goes back to the button.
 */
export function ExportMenu({ agreementId }: { agreementId: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [fromId, setFromId] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const { data } = useQuery(AGREEMENT_VERSIONS, { variables: { agreementId } });
  const versions = data?.agreement?.versions ?? [];
  const from = fromId || versions[0]?.id || '';

  const download = async (path: string, fallback: string) => {
    setBusy(true);
    setFailure(null);
    setStatus('Henter filen …');
    try {
      setStatus(`${await downloadFile(path, fallback)} er hentet.`);
    } catch (problem) {
      setStatus('');
      setFailure(problem instanceof Error ? problem.message : 'Filen kunne ikke hentes.');
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
    }
  };
  const base = `/files/agreements/${agreementId}`;

  return (
    <div className="export-menu" onKeyDown={onKeyDown}>
      <button ref={button} type="button" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen(!open)}>
        Eksportér<span aria-hidden="true"> ▾</span>
      </button>
      <div id={`${id}-panel`} className="export-menu__panel" role="group" aria-label="Eksportér udkastet" hidden={!open}>
        <button type="button" disabled={busy} onClick={() => void download(`${base}/agreement.docx`, 'sundhedsaftale.docx')}>
          Udkastet som Word (.docx)
        </button>
        <button type="button" disabled={busy} onClick={() => void download(`${base}/agreement.pdf`, 'sundhedsaftale.pdf')}>
          Udkastet som tilgængelig PDF
        </button>
        {versions.length > 0 ? (
          <>
            <label htmlFor={`${id}-from`}>Sammenlign udkastet med</label>
            <select id={`${id}-from`} value={from} onChange={(event) => setFromId(event.target.value)}>
              {versions.map((version) => (
                <option key={version.id} value={version.id}>
                  Version {version.number} – {version.label}
                </option>
              ))}
            </select>
            <button type="button" disabled={busy || !from} onClick={() => void download(`${base}/compare.docx?from=${encodeURIComponent(from)}`, 'sammenligning.docx')}>
              Sammenligning med udkastet (.docx)
            </button>
          </>
        ) : (
          <p className="muted">Lås en version for at kunne sammenligne med den.</p>
        )}
        {failure && (
          <p className="error" role="alert">
            {failure}
          </p>
        )}
        <p aria-live="polite" className="muted">
          {status}
        </p>
      </div>
    </div>
  );
}
