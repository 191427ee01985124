import { useMutation } from '@apollo/client/react';
import { FormEvent, useId, useState } from 'react';
import { errorMessage } from '../../../lib/apollo';
import { Invitation, REGISTER_LATE_RESPONSE } from '../graphql/hearings';

const newKey = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`);

/** The secretariat registers a response received by e-mail or after the deadline; it is flagged late. */
export function LateResponseForm({ hearingId, invitations }: { hearingId: string; invitations: Invitation[] }) {
  const id = useId();
  const [organisationId, setOrganisationId] = useState('');
  const [summary, setSummary] = useState('');
  const [publish, setPublish] = useState(false);
  const [key, setKey] = useState(newKey);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [register, { loading }] = useMutation(REGISTER_LATE_RESPONSE, { refetchQueries: ['HearingHead', 'HearingProcessing', 'HearingResponses'] });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    setStatus('');
    if (!organisationId) return setProblem('Vælg organisationen, svaret kommer fra.');
    if (!summary.trim()) return setProblem('Skriv svarets indhold eller et resumé af det.');
    try {
      const result = await register({
        variables: { input: { hearingId, organisationId, idempotencyKey: key, summary: summary.trim(), comments: [], publish, attachmentIds: [] } },
      });
      const response = result.data?.registerLateHearingResponse;
      if (response) setStatus(`Svaret fra ${response.organisation.name} er registreret som ${response.reference}.`);
      setSummary('');
      setPublish(false);
      setKey(newKey());
    } catch (caught) {
      setProblem(errorMessage(caught));
    }
  }

  return (
    <details className="hd-disclosure">
      <summary>Registrér et høringssvar modtaget uden for platformen</summary>
      <form onSubmit={onSubmit} noValidate className="hd-inline-form">
        <label htmlFor={`${id}-org`}>Organisation</label>
        <select id={`${id}-org`} value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
          <option value="">Vælg organisation</option>
          {invitations.map((i) => (
            <option key={i.organisationId} value={i.organisationId}>
              {i.organisationName}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-summary`}>Svarets indhold</label>
        <textarea id={`${id}-summary`} value={summary} onChange={(e) => setSummary(e.target.value)} rows={4} maxLength={50_000} />
        <label className="hd-check">
          <input type="checkbox" checked={publish} onChange={(e) => setPublish(e.target.checked)} />
          Organisationen har givet samtykke til offentliggørelse
        </label>
        {problem && (
          <p className="error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" disabled={loading}>
          Registrér sent svar
        </button>
      </form>
      <p className="hd-status-line" role="status" aria-live="polite">
        {status}
      </p>
    </details>
  );
}
