import { useMutation, useQuery } from '@apollo/client/react';
import { FormEvent, useId, useState } from 'react';
import { errorMessage } from '../../../lib/apollo';
import { formatDateTime } from '../../../lib/format';
import { AGREEMENT_VERSIONS, CREATE_VERSION, VersionSummary } from '../graphql/versions';
import { RestoreVersionDialog } from './restore-version-dialog';
import { VersionCompareDialog } from './version-compare-dialog';
import { VersionViewerDialog } from './version-viewer-dialog';

type OpenDialog =
  | { kind: 'view'; version: VersionSummary }
  | { kind: 'compare'; fromId: string; toId: string }
  | { kind: 'restore'; version: VersionSummary }
  | null;

/**
 * The agreement's frozen versions, newest first: lock the draft as a new version (the
 * secretariat), view one, compare two, restore one.
 */
export function VersionsPanel({ agreementId, canEdit }: { agreementId: string; canEdit: boolean }) {
  const titleId = useId();
  // Polled, so versions others lock (or a restore elsewhere) show up here too.
  const { data, loading, error, refetch } = useQuery(AGREEMENT_VERSIONS, { variables: { agreementId }, pollInterval: 30_000 });
  const versions = data?.agreement?.versions ?? [];
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState('');

  /** Compare a version with the newest; the newest itself with the one before it. */
  const compareFrom = (version: VersionSummary) => {
    const newest = versions[0];
    if (!newest) return;
    if (version.id === newest.id && versions[1]) setDialog({ kind: 'compare', fromId: versions[1].id, toId: newest.id });
    else setDialog({ kind: 'compare', fromId: version.id, toId: newest.id });
  };

  return (
    <section className="versions-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>Versioner</h2>
      {canEdit && (
        <LockVersionForm
          agreementId={agreementId}
          onLocked={async (version) => {
            setNotice(`Version ${version.number} „${version.label}“ er låst.`);
            await refetch();
          }}
        />
      )}
      <p className="versions-panel__notice" role="status">
        {notice}
      </p>
      {loading && !data && <p aria-live="polite">Henter versioner…</p>}
      {error && (
        <p className="error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {data && versions.length === 0 && <p className="muted">Der er endnu ingen låste versioner.</p>}
      {versions.length > 0 && (
        <ol className="version-list" aria-labelledby={titleId}>
          {versions.map((version) => (
            <li key={version.id} className="version">
              <h3 className="version__title">
                Version {version.number}: <span className="version__label">{version.label}</span>
              </h3>
              <p className="version__meta">
                <time dateTime={version.createdAt}>{formatDateTime(version.createdAt)}</time>
                {version.createdBy && <> · {version.createdBy.name}</>}
              </p>
              <div className="version__actions">
                <button type="button" className="small" onClick={() => setDialog({ kind: 'view', version })}>
                  Vis<span className="visually-hidden"> version {version.number}</span>
                </button>
                {versions.length > 1 && (
                  <button type="button" className="small" onClick={() => compareFrom(version)}>
                    Sammenlign<span className="visually-hidden"> version {version.number}</span>
                  </button>
                )}
                {canEdit && (
                  <button type="button" className="small" onClick={() => setDialog({ kind: 'restore', version })}>
                    Gendan<span className="visually-hidden"> version {version.number}</span>
                  </button>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}

      {dialog?.kind === 'view' && <VersionViewerDialog versionId={dialog.version.id} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'compare' && (
        <VersionCompareDialog versions={versions} initialFromId={dialog.fromId} initialToId={dialog.toId} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'restore' && (
        <RestoreVersionDialog
          version={dialog.version}
          onClose={() => setDialog(null)}
          onRestored={async (safety) => {
            setDialog(null);
            setNotice(
              `Version ${dialog.version.number} er gendannet.${safety ? ` Det tidligere udkast er gemt som version ${safety.number}.` : ''}`,
            );
            await refetch();
          }}
        />
      )}
    </section>
  );
}

function LockVersionForm({ agreementId, onLocked }: { agreementId: string; onLocked: (version: VersionSummary) => Promise<void> }) {
  const inputId = useId();
  const errorId = useId();
  const [label, setLabel] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [createVersion, { loading }] = useMutation(CREATE_VERSION);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!label.trim()) {
      setProblem('Giv versionen et navn, fx „Høringsudkast“.');
      return;
    }
    setProblem(null);
    try {
      const result = await createVersion({ variables: { input: { agreementId, label: label.trim() } } });
      if (result.data) {
        setLabel('');
        await onLocked(result.data.createVersion);
      }
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  return (
    <form className="lock-version" onSubmit={submit} noValidate aria-label="Lås version">
      <label htmlFor={inputId}>Navn på versionen</label>
      <div className="lock-version__row">
        <input
          id={inputId}
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          maxLength={200}
          placeholder="Fx Høringsudkast"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
        />
        <button type="submit" className="primary" disabled={loading}>
          {loading ? 'Låser…' : 'Lås version'}
        </button>
      </div>
      <p className="muted lock-version__hint">Udkastet, som det ser ud nu, gemmes som en fast version.</p>
      {problem && (
        <p id={errorId} className="error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
