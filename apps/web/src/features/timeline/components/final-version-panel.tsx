import { useMutation } from '@apollo/client/react';
import { FormEvent, useId, useState } from 'react';
import { errorMessage } from '../../../lib/apollo';
import { formatDate } from '../../../lib/format';
import { AGREEMENT_APPROVALS, LOCK_FINAL_VERSION } from '../graphql/timeline';

interface Version {
  id: string;
  number: number;
  label: string;
}

interface Props {
  agreementId: string;
  phase: string;
  canEdit: boolean;
  approvedByAll: boolean;
  locked: (Version & { finalLockedAt?: string | null }) | null;
  versions: Version[];
  superseded: string[];
}

/**
 * The text the parties decide on: the version the secretariat locks as final in the phase
 * Godkendelse. Decisions can be recorded only once one is locked; a later final version asks the
 * parties that decided on an earlier one to decide again.
 */
export function FinalVersionPanel({ agreementId, phase, canEdit, approvedByAll, locked, versions, superseded }: Props) {
  const id = useId();
  const newer = versions.filter((v) => !locked || v.number > locked.number);
  const [versionId, setVersionId] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [lock, { loading, error }] = useMutation(LOCK_FINAL_VERSION, {
    refetchQueries: [{ query: AGREEMENT_APPROVALS, variables: { id: agreementId } }],
    awaitRefetchQueries: true,
  });
  if (approvedByAll) return null;
  const chosen = versionId || newer[0]?.id || '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    const result = await lock({ variables: { input: { agreementId, versionId: chosen } } }).catch(() => null);
    if (result?.data) setStatus(`Version ${result.data.lockFinalVersion.number} er låst som endelig version. Beslutningerne kan nu registreres.`);
  };

  return (
    <section className="card tl-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Endelig version</h2>
      {locked ? (
        <p data-testid="locked-final-version">
          Parterne beslutter om <strong>version {locked.number}</strong>
          {locked.label && ` (${locked.label})`}
          {locked.finalLockedAt && `, låst ${formatDate(locked.finalLockedAt.slice(0, 10))}`}.
        </p>
      ) : (
        <p data-testid="no-final-version">
          {phase === 'APPROVAL'
            ? 'Der er ikke låst en endelig version endnu. Beslutninger kan registreres, når sekretariatet har låst den.'
            : 'Beslutninger registreres i fasen Godkendelse, når sekretariatet har låst den endelige version.'}
        </p>
      )}
      {superseded.length > 0 && (
        <p className="ap-alert__who">
          Besluttede på en tidligere version og skal beslutte igen: {superseded.join(', ')}.
        </p>
      )}
      {canEdit && phase === 'APPROVAL' && (
        newer.length === 0 ? (
          <p className="muted">{locked ? 'Gem udkastet som en ny version for at låse en senere endelig version.' : 'Gem udkastet som en version først; derefter kan den låses.'}</p>
        ) : (
          <form onSubmit={(e) => void submit(e)} className="tl-form">
            <label htmlFor={`${id}-version`}>Version, der låses som endelig</label>
            <select id={`${id}-version`} value={chosen} onChange={(e) => setVersionId(e.target.value)}>
              {newer.map((v) => (
                <option key={v.id} value={v.id}>
                  Version {v.number}
                  {v.label ? ` – ${v.label}` : ''}
                </option>
              ))}
            </select>
            <button type="submit" disabled={loading}>
              {loading ? 'Låser…' : 'Lås som endelig version'}
            </button>
            {locked && <p className="muted">Parter, der allerede har besluttet, skal beslutte igen om den nye version.</p>}
          </form>
        )
      )}
      {error && (
        <p className="error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      <p role="status">{status}</p>
    </section>
  );
}
