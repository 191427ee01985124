import { useQuery } from '@apollo/client/react';
import { FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../lib/apollo';
import { WORD_AGREEMENTS } from '../graphql/word';
import { importSizeProblem, uploadFile, WordSuggestionsPreview, WordSuggestionsResult } from '../lib/word-files';
import { UploadProgress } from './upload-progress';

type Step =
  | { name: 'choose' }
  | { name: 'reading'; file: File; progress: number }
  | { name: 'preview'; file: File; preview: WordSuggestionsPreview }
  | { name: 'applying'; file: File; preview: WordSuggestionsPreview; progress: number }
  | { name: 'done'; result: WordSuggestionsResult };

const MATCHED: Record<string, string> = { BLOCK_ID: 'fundet ved afsnittets id', TEXT: 'fundet ved teksten' };

/**
 * "Indlæs ændringer fra Word": a case officer who downloaded the draft as DOCX and edited it in
 * Word with track changes and comments uploads it; its changes become suggestions, and its
 * comments comment threads, in the live draft, in the case officer's name, after a preview.
 */
export function WordSuggestions() {
  const { data, error: agreementsError } = useQuery(WORD_AGREEMENTS);
  const [agreementId, setAgreementId] = useState('');
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const doneHeading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  const agreements = data?.agreements ?? [];

  useEffect(() => {
    if (!agreementId && agreements[0]) setAgreementId(agreements[0].id);
  }, [agreementId, agreements]);
  useEffect(() => {
    if (step.name === 'preview') previewHeading.current?.focus();
    if (step.name === 'done') doneHeading.current?.focus();
  }, [step.name]);

  const read = async (file: File) => {
    setError(null);
    const tooLarge = importSizeProblem(file);
    if (tooLarge) {
      setError(tooLarge);
      return;
    }
    setStep({ name: 'reading', file, progress: 0 });
    try {
      const preview = await uploadFile<WordSuggestionsPreview>(`/files/agreements/${agreementId}/word-suggestions/preview`, file, {}, (progress) =>
        setStep((current) => (current.name === 'reading' ? { ...current, progress } : current)),
      );
      setStep({ name: 'preview', file, preview });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Filen kunne ikke læses.');
      setStep({ name: 'choose' });
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    if (step.name !== 'preview') return;
    const { file, preview } = step;
    setError(null);
    setStep({ name: 'applying', file, preview, progress: 0 });
    try {
      const result = await uploadFile<WordSuggestionsResult>(`/files/agreements/${agreementId}/word-suggestions/confirm`, file, { importId: preview.importId }, (progress) =>
        setStep((current) => (current.name === 'applying' ? { ...current, progress } : current)),
      );
      setStep({ name: 'done', result });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Ændringerne kunne ikke indlæses.');
      setStep({ name: 'preview', file, preview });
    }
  };

  const restart = () => {
    setStep({ name: 'choose' });
    setError(null);
    if (fileInput.current) fileInput.current.value = '';
  };

  return (
    <section aria-labelledby={`${id}-title`} className="card word-panel">
      <h2 id={`${id}-title`}>Indlæs ændringer fra Word</h2>
      <p className="muted">
        Hent udkastet som Word-dokument nedenfor, ret i det med Spor ændringer slået til, og skriv kommentarer. Indlæs det så her: rettelserne bliver til forslag og kommentarerne til
        kommentartråde i udkastet, i dit navn.
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {agreementsError && <p className="error">{errorMessage(agreementsError)}</p>}

      {(step.name === 'choose' || step.name === 'reading') && (
        <div className="word-fields">
          <div>
            <label htmlFor={`${id}-agreement`}>Aftale</label>
            <select id={`${id}-agreement`} value={agreementId} onChange={(e) => setAgreementId(e.target.value)} disabled={step.name === 'reading'}>
              {agreements.map((agreement) => (
                <option key={agreement.id} value={agreement.id}>
                  {agreement.title} ({agreement.periodStart}–{agreement.periodEnd})
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-file`}>Word-dokument med registrerede ændringer (.docx)</label>
            <input
              ref={fileInput}
              id={`${id}-file`}
              type="file"
              accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              disabled={step.name === 'reading' || !agreementId}
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void read(file);
              }}
            />
          </div>
        </div>
      )}
      {(step.name === 'reading' || step.name === 'applying') && (
        <UploadProgress fileName={step.file.name} progress={step.progress} working={step.name === 'reading' ? `Læser ${step.file.name} …` : 'Indlæser ændringerne i udkastet …'} />
      )}

      {(step.name === 'preview' || step.name === 'applying') && (
        <form onSubmit={(event) => void confirm(event)} aria-labelledby={`${id}-preview-title`}>
          <h3 id={`${id}-preview-title`} tabIndex={-1} ref={previewHeading}>
            Ændringer i {step.preview.filename}
          </h3>
          <p>
            {step.preview.suggestions.length} forslag og {step.preview.comments.length} kommentarer bliver indlæst i navnet {step.preview.author.name}
            {step.preview.author.organisation ? ` (${step.preview.author.organisation})` : ''}.
          </p>
          {step.preview.warnings.length > 0 && (
            <ul className="word-warnings" aria-label="Bemærk">
              {step.preview.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          )}
          {step.preview.suggestions.length > 0 && (
            <ul className="word-changes" aria-label="Forslag">
              {step.preview.suggestions.map((suggestion, i) => (
                <li key={i}>
                  {suggestion.kind === 'insertion' ? <ins>{suggestion.text}</ins> : <del>{suggestion.text}</del>}{' '}
                  <span className="muted">
                    {suggestion.kind === 'insertion' ? 'indsat' : 'slettet'}, {MATCHED[suggestion.matchedBy]}
                    {suggestion.wordAuthor ? ` · i Word: ${suggestion.wordAuthor}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {step.preview.comments.length > 0 && (
            <ul className="word-changes" aria-label="Kommentarer">
              {step.preview.comments.map((comment, i) => (
                <li key={i}>
                  »{comment.quote}«: {comment.text}{' '}
                  <span className="muted">
                    {comment.replies > 0 ? `${comment.replies} svar, ` : ''}
                    {MATCHED[comment.matchedBy]}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <div className="word-actions">
            <button type="submit" className="primary" disabled={step.name === 'applying'}>
              Indlæs ændringerne
            </button>
            <button type="button" onClick={restart} disabled={step.name === 'applying'}>
              Vælg en anden fil
            </button>
          </div>
        </form>
      )}

      {step.name === 'done' && (
        <div className="word-done">
          <h3 ref={doneHeading} tabIndex={-1}>
            {step.result.suggestions} forslag og {step.result.comments} kommentarer er indlæst
          </h3>
          {step.result.warnings.length > 0 && (
            <ul className="word-warnings" aria-label="Bemærk">
              {step.result.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          )}
          <div className="word-actions">
            <Link to={`/aftaler/${step.result.agreementId}`}>Åbn udkastet</Link>
            <button type="button" onClick={restart}>
              Indlæs et andet dokument
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
