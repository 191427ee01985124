import { useMutation } from '@apollo/client/react';
import { FormEvent, useId, useState } from 'react';
import { errorMessage } from '../../../lib/apollo';
import type { CommentOutcome } from '../../../gql/graphql';
import { ReplyTemplate, SAVE_REPLY_TEMPLATE } from '../graphql/themes';
import { OUTCOME_LABELS, OUTCOMES } from '../lib/labels';

/**
 * One reply to many: a theme's comments, a selection, a campaign. The secretariat can start from
 * a saved reply template and save what it wrote as a new one (for the region's secretariat).
 */
export function BulkReplyForm({
  hearingId,
  label,
  submitLabel,
  templates,
  disabled = false,
  onReply,
}: {
  hearingId: string;
  /** What the form answers, for screen readers ("Svar til temaet Digitalisering"). */
  label: string;
  submitLabel: string;
  templates: ReplyTemplate[];
  /** Not yet answerable (what it answers is still loading). */
  disabled?: boolean;
  onReply(reply: string, outcome: CommentOutcome): Promise<string>;
}) {
  const id = useId();
  const [reply, setReply] = useState('');
  const [outcome, setOutcome] = useState<CommentOutcome | ''>('');
  const [templateTitle, setTemplateTitle] = useState('');
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saveTemplate] = useMutation(SAVE_REPLY_TEMPLATE, { refetchQueries: ['HearingThemes'] });

  const useTemplate = (templateId: string) => {
    const template = templates.find((t) => t.id === templateId);
    if (!template) return;
    setReply(template.body);
    if (template.outcome) setOutcome(template.outcome);
    setStatus(`Skabelonen »${template.title}« er indsat.`);
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (!reply.trim()) return setProblem('Skriv sekretariatets svar.');
    if (!outcome) return setProblem('Vælg et udfald.');
    setBusy(true);
    setStatus('Gemmer svaret…');
    try {
      setStatus(await onReply(reply.trim(), outcome));
      setReply('');
      setOutcome('');
    } catch (caught) {
      setStatus('');
      setProblem(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  async function onSaveTemplate() {
    setProblem(null);
    if (!templateTitle.trim()) return setProblem('Giv skabelonen en titel.');
    if (!reply.trim()) return setProblem('Skriv den tekst, skabelonen skal indeholde.');
    try {
      await saveTemplate({ variables: { input: { hearingId, title: templateTitle.trim(), body: reply.trim(), outcome: outcome || null } } });
      setStatus(`Skabelonen »${templateTitle.trim()}« er gemt.`);
      setTemplateTitle('');
    } catch (caught) {
      setProblem(errorMessage(caught));
    }
  }

  return (
    <form className="hd-bulk-reply" onSubmit={onSubmit} noValidate aria-label={label}>
      {templates.length > 0 && (
        <div>
          <label htmlFor={`${id}-template`}>Brug en svarskabelon</label>
          <select id={`${id}-template`} value="" onChange={(e) => useTemplate(e.target.value)}>
            <option value="">Vælg skabelon</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
        </div>
      )}
      <label htmlFor={`${id}-reply`}>Sekretariatets svar</label>
      <textarea id={`${id}-reply`} value={reply} onChange={(e) => setReply(e.target.value)} rows={3} maxLength={20_000} />
      <div className="hd-reply__row">
        <div>
          <label htmlFor={`${id}-outcome`}>Udfald</label>
          <select id={`${id}-outcome`} value={outcome} onChange={(e) => setOutcome(e.target.value as CommentOutcome | '')}>
            <option value="">Vælg udfald</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {OUTCOME_LABELS[o]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-template-title`}>Gem svaret som skabelon (titel)</label>
          <span className="hd-inline">
            <input id={`${id}-template-title`} value={templateTitle} onChange={(e) => setTemplateTitle(e.target.value)} maxLength={200} />
            <button type="button" className="small" onClick={() => void onSaveTemplate()}>
              Gem skabelon
            </button>
          </span>
        </div>
      </div>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <div className="hd-actions">
        <button type="submit" className="primary small" disabled={busy || disabled}>
          {submitLabel}
        </button>
      </div>
      <p className="hd-status-line" role="status" aria-live="polite">
        {status}
      </p>
    </form>
  );
}
