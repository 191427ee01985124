import { useMutation } from '@apollo/client/react';
import { FormEvent, useId, useState } from 'react';
import { errorMessage } from '../../../lib/apollo';
import type { CommentOutcome } from '../../../gql/graphql';
import { HearingResponse, REPLY_TO_RESPONSE } from '../graphql/hearings';
import { OUTCOME_LABELS, OUTCOMES } from '../lib/labels';

/** The secretariat's answer to a response's general remarks (its summary): a reply and an outcome. */
export function ResponseReplyForm({ response }: { response: HearingResponse }) {
  const id = useId();
  const [editing, setEditing] = useState(!response.reply);
  const [reply, setReply] = useState(response.reply ?? '');
  const [outcome, setOutcome] = useState<CommentOutcome | ''>(response.outcome ?? '');
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [save, { loading }] = useMutation(REPLY_TO_RESPONSE);
  const name = response.organisation.name;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (!reply.trim()) return setProblem('Skriv sekretariatets svar på de generelle bemærkninger.');
    if (!outcome) return setProblem('Vælg et udfald.');
    setStatus('Gemmer svaret…');
    try {
      await save({ variables: { input: { responseId: response.id, reply: reply.trim(), outcome } } });
      setStatus(`Svaret er gemt: ${OUTCOME_LABELS[outcome]}.`);
      setEditing(false);
    } catch (caught) {
      setStatus('');
      setProblem(errorMessage(caught));
    }
  }

  return (
    <div className="hd-reply">
      {!editing && response.reply ? (
        <div className="hd-reply__shown">
          <p className="hd-reply__label">Sekretariatets svar på de generelle bemærkninger</p>
          <p className="hd-reply__text">{response.reply}</p>
          {response.outcome && <p className="hd-hint">Udfald: {OUTCOME_LABELS[response.outcome]}</p>}
          <button type="button" className="hd-link-button" onClick={() => setEditing(true)}>
            Ret svaret<span className="visually-hidden"> på de generelle bemærkninger fra {name}</span>
          </button>
        </div>
      ) : (
        <form onSubmit={onSubmit} noValidate aria-label={`Svar på de generelle bemærkninger fra ${name}`}>
          <label htmlFor={`${id}-reply`}>Sekretariatets svar på de generelle bemærkninger</label>
          <textarea id={`${id}-reply`} value={reply} onChange={(e) => setReply(e.target.value)} rows={3} maxLength={20_000} />
          <label htmlFor={`${id}-outcome`}>Udfald</label>
          <select id={`${id}-outcome`} value={outcome} onChange={(e) => setOutcome(e.target.value as CommentOutcome | '')}>
            <option value="">Vælg udfald</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {OUTCOME_LABELS[o]}
              </option>
            ))}
          </select>
          {problem && (
            <p className="error" role="alert">
              {problem}
            </p>
          )}
          <div className="hd-actions">
            <button type="submit" className="primary small" disabled={loading}>
              Gem svar<span className="visually-hidden"> på de generelle bemærkninger fra {name}</span>
            </button>
            {response.reply && (
              <button type="button" className="small" onClick={() => setEditing(false)}>
                Fortryd
              </button>
            )}
          </div>
        </form>
      )}
      <p className="hd-status-line" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
