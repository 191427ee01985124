import { useMutation } from '@apollo/client/react';
import { FormEvent, useId, useState } from 'react';
import { errorMessage } from '../../../lib/apollo';
import { ASSESS_ITEM, InputItem, VersionRef } from '../graphql/input-rounds';
import { OUTCOME_LABELS, OUTCOMES } from '../lib/labels';
import type { InputOutcome } from '../../../gql/graphql';

/** The secretariat's assessment of one item: outcome, a short reason and the version it was worked into. */
export function AssessmentForm({ item, versions }: { item: InputItem; versions: VersionRef[] }) {
  const id = useId();
  const [outcome, setOutcome] = useState<InputOutcome | ''>(item.assessment?.outcome ?? '');
  const [reason, setReason] = useState(item.assessment?.reason ?? '');
  const [versionId, setVersionId] = useState(item.assessment?.version?.id ?? '');
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [assess, { loading }] = useMutation(ASSESS_ITEM);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (!outcome) return setProblem('Vælg en vurdering.');
    if (!reason.trim()) return setProblem('Skriv en kort begrundelse.');
    setStatus('Gemmer vurderingen…');
    try {
      await assess({ variables: { input: { itemId: item.id, outcome, reason: reason.trim(), versionId: versionId || null } } });
      setStatus(`Vurderingen er gemt: ${OUTCOME_LABELS[outcome]}.`);
    } catch (caught) {
      setStatus('');
      setProblem(errorMessage(caught));
    }
  }

  return (
    <form className="ir-assess" onSubmit={onSubmit} noValidate>
      <fieldset>
        <legend>Vurdering af »{item.theme}«</legend>
        <div className="ir-assess__row">
          <div>
            <label htmlFor={`${id}-outcome`}>Vurdering</label>
            <select id={`${id}-outcome`} value={outcome} onChange={(e) => setOutcome(e.target.value as InputOutcome | '')}>
              <option value="">Ikke vurderet</option>
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {OUTCOME_LABELS[o]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-version`}>Indarbejdet i version</label>
            <select id={`${id}-version`} value={versionId} onChange={(e) => setVersionId(e.target.value)}>
              <option value="">Ingen version</option>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  Version {v.number}: {v.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <label htmlFor={`${id}-reason`}>Begrundelse</label>
        <textarea id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={2000} />
        {problem && (
          <p className="error" role="alert">
            {problem}
          </p>
        )}
        <div className="ir-actions">
          <button type="submit" disabled={loading}>
            Gem vurdering
          </button>
          <span className="ir-save-status" role="status" aria-live="polite">
            {status}
          </span>
        </div>
      </fieldset>
    </form>
  );
}
