import { useMutation } from '@apollo/client/react';
import { FormEvent, useId, useState } from 'react';
import { errorMessage } from '../../../lib/apollo';
import { EXTEND_HEARING_DEADLINE, HearingHead } from '../graphql/hearings';
import { formatDateTime, fromLocalInput, toLocalInput } from '../lib/time';

/** Extends the hearing deadline, with the reason, and shows every earlier extension. */
export function DeadlinePanel({ hearing }: { hearing: HearingHead }) {
  const id = useId();
  const [closesAt, setClosesAt] = useState(() => toLocalInput(new Date(Math.max(Date.now(), new Date(hearing.closesAt).getTime()) + 7 * 86_400_000)));
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [extend, { loading }] = useMutation(EXTEND_HEARING_DEADLINE);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    setStatus('');
    const iso = fromLocalInput(closesAt);
    if (!iso) return setProblem('Vælg den nye høringsfrist.');
    if (new Date(iso) <= new Date(hearing.closesAt)) return setProblem('Den nye frist skal ligge efter den nuværende frist.');
    if (reason.trim().length < 3) return setProblem('Skriv en begrundelse for forlængelsen.');
    try {
      await extend({ variables: { input: { hearingId: hearing.id, closesAt: iso, reason: reason.trim() } } });
      setStatus(`Høringsfristen er forlænget til ${formatDateTime(iso)}.`);
      setReason('');
    } catch (caught) {
      setProblem(errorMessage(caught));
    }
  }

  return (
    <section className="card hd-deadline" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Høringsfrist</h2>
      <p>
        Fristen er <strong>{formatDateTime(hearing.closesAt)}</strong>. En forlængelse gælder alle og vises på den offentlige side.
      </p>
      <details className="hd-disclosure">
        <summary>Forlæng høringsfristen</summary>
        <form onSubmit={onSubmit} noValidate className="hd-inline-form">
          <label htmlFor={`${id}-closes`}>Ny høringsfrist (dansk tid)</label>
          <input id={`${id}-closes`} type="datetime-local" value={closesAt} onChange={(e) => setClosesAt(e.target.value)} />
          <label htmlFor={`${id}-reason`}>Begrundelse</label>
          <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} placeholder="Fx Sommerferie" />
          {problem && (
            <p className="error" role="alert">
              {problem}
            </p>
          )}
          <button type="submit" disabled={loading}>
            Forlæng fristen
          </button>
        </form>
      </details>
      <p className="hd-status-line" role="status" aria-live="polite">
        {status}
      </p>
      <h3 className="hd-subheading">Ændringer af fristen</h3>
      {hearing.deadlineChanges.length === 0 ? (
        <p className="muted">Fristen er ikke ændret.</p>
      ) : (
        <ol className="hd-log">
          {hearing.deadlineChanges.map((change, index) => (
            <li key={index}>
              <span className="muted">{formatDateTime(change.changedAt)}:</span> fra {formatDateTime(change.previousClosesAt)} til{' '}
              <strong>{formatDateTime(change.closesAt)}</strong> – {change.reason}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
