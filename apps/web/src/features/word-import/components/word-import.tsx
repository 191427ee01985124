import { useApolloClient, useQuery } from '@apollo/client/react';
import { DragEvent, FormEvent, RefObject, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../lib/apollo';
import { IMPORTED_SECTIONS, WORD_AGREEMENTS, WORD_REGIONS } from '../graphql/word';
import {
  IMPORT_KIND_OPTIONS,
  ImportKind,
  ImportPreview,
  ImportResult,
  importSizeProblem,
  SECTION_KIND_LABELS,
  uploadFile,
} from '../lib/word-files';
import { UploadProgress } from './upload-progress';

type Step =
  | { name: 'choose' }
  | { name: 'reading'; file: File; progress: number }
  | { name: 'preview'; file: File; preview: ImportPreview }
  | { name: 'importing'; file: File; preview: ImportPreview; progress: number }
  | { name: 'done'; result: ImportResult };

type Target = 'NEW_AGREEMENT' | 'EXISTING_AGREEMENT';

const nextYear = new Date().getFullYear() + 1;

/** The number of sections a mapping gives: text before the first section heading makes one more. */
function sectionCount(preview: ImportPreview, kinds: ImportKind[]): number {
  const starts = kinds.filter((kind) => kind !== 'SUBHEADING').length;
  return starts + (preview.leadingText || kinds[0] === 'SUBHEADING' || starts === 0 ? 1 : 0);
}

/**
 * Upload of a Word document (file picker or drag and drop) with progress, a preview of its
 * headings where the secretariat confirms which is a vision, a focus area or a principle, and
 * the import into a new agreement or as a new draft of an existing one.
 */
export function WordImport() {
  const client = useApolloClient();
  const agreements = useQuery(WORD_AGREEMENTS);
  const regions = useQuery(WORD_REGIONS);
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [kinds, setKinds] = useState<ImportKind[]>([]);
  const [target, setTarget] = useState<Target>('NEW_AGREEMENT');
  const [title, setTitle] = useState('');
  const [regionId, setRegionId] = useState('');
  const [periodStart, setPeriodStart] = useState(String(nextYear));
  const [periodEnd, setPeriodEnd] = useState(String(nextYear + 3));
  const [effectiveDate, setEffectiveDate] = useState(`${nextYear}-01-01`);
  const [agreementId, setAgreementId] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const doneHeading = useRef<HTMLHeadingElement>(null);
  const id = useId();

  const editable = useMemo(() => (agreements.data?.agreements ?? []).filter((a) => a.canEdit), [agreements.data]);
  // A secretariat works in its own region: default to the region of the agreements it may edit.
  useEffect(() => {
    if (regionId || !regions.data) return;
    setRegionId(editable[0]?.region.id ?? regions.data.regions[0]?.id ?? '');
  }, [regionId, regions.data, editable]);
  useEffect(() => {
    if (!agreementId && editable[0]) setAgreementId(editable[0].id);
  }, [agreementId, editable]);
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
      const preview = await uploadFile<ImportPreview>('/files/imports/preview', file, {}, (progress) =>
        setStep((current) => (current.name === 'reading' ? { ...current, progress } : current)),
      );
      setKinds(preview.headings.map((heading) => heading.suggestedKind));
      setTitle((current) => current || preview.headings[0]?.text.slice(0, 200) || file.name.replace(/\.docx$/i, ''));
      setStep({ name: 'preview', file, preview });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Filen kunne ikke læses.');
      setStep({ name: 'choose' });
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void read(file);
  };

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    if (step.name !== 'preview') return;
    setError(null);
    const fields: Record<string, string> = { importId: step.preview.importId, kinds: JSON.stringify(kinds), target };
    if (target === 'NEW_AGREEMENT') Object.assign(fields, { title: title.trim(), regionId, periodStart, periodEnd, effectiveDate });
    else fields.agreementId = agreementId;
    const { file, preview } = step;
    setStep({ name: 'importing', file, preview, progress: 0 });
    try {
      const result = await uploadFile<ImportResult>('/files/imports/confirm', file, fields, (progress) =>
        setStep((current) => (current.name === 'importing' ? { ...current, progress } : current)),
      );
      // The agreement lists elsewhere in the app must show the new agreement or draft.
      await client.refetchQueries({ include: 'active' });
      setStep({ name: 'done', result });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Importen mislykkedes.');
      setStep({ name: 'preview', file, preview });
    }
  };

  const restart = () => {
    setStep({ name: 'choose' });
    setError(null);
    setKinds([]);
    if (fileInput.current) fileInput.current.value = '';
  };

  return (
    <section aria-labelledby={`${id}-title`} className="card word-panel">
      <h2 id={`${id}-title`}>Importér et Word-dokument</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}

      {(step.name === 'choose' || step.name === 'reading') && (
        <div
          className={dragging ? 'word-drop word-drop--active' : 'word-drop'}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <label htmlFor={`${id}-file`}>Vælg et Word-dokument (.docx)</label>
          <p className="muted" id={`${id}-file-help`}>
            Eller træk filen hertil. Overskrifter i Word (Overskrift 1, 2, …) bliver til afsnit, som du bekræfter, før noget importeres. Højst 20 MB.
          </p>
          <input
            ref={fileInput}
            id={`${id}-file`}
            type="file"
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-describedby={`${id}-file-help`}
            disabled={step.name === 'reading'}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void read(file);
            }}
          />
        </div>
      )}

      {(step.name === 'reading' || step.name === 'importing') && (
        <UploadProgress fileName={step.file.name} progress={step.progress} working={step.name === 'reading' ? `Læser ${step.file.name} …` : 'Opretter udkastet …'} />
      )}

      {(step.name === 'preview' || step.name === 'importing') && (
        <form onSubmit={(event) => void confirm(event)} aria-labelledby={`${id}-preview-title`}>
          <h3 id={`${id}-preview-title`} tabIndex={-1} ref={previewHeading}>
            Bekræft afsnittene i {step.preview.filename}
          </h3>
          {step.preview.warnings.length > 0 && (
            <ul className="word-warnings" aria-label="Bemærk">
              {step.preview.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          )}
          {step.preview.headings.length > 0 && (
            <table className="word-headings">
              <caption>
                Vælg for hver overskrift, hvad den er. Dokumentet bliver til {sectionCount(step.preview, kinds)} afsnit.
              </caption>
              <thead>
                <tr>
                  <th scope="col">Overskrift</th>
                  <th scope="col">Niveau</th>
                  <th scope="col">Type</th>
                </tr>
              </thead>
              <tbody>
                {step.preview.headings.map((heading) => (
                  <tr key={heading.index}>
                    <th scope="row" className={`word-level-${Math.min(heading.level, 4)}`}>
                      <span className="word-heading-text">{heading.text}</span>
                      {heading.excerpt && <span className="muted word-excerpt">{heading.excerpt}</span>}
                    </th>
                    <td>{heading.level}</td>
                    <td>
                      <select
                        aria-label={`Type for «${heading.text}»`}
                        value={kinds[heading.index] ?? 'SUBHEADING'}
                        disabled={step.name === 'importing'}
                        onChange={(event) => {
                          const value = event.target.value as ImportKind;
                          setKinds((current) => current.map((kind, i) => (i === heading.index ? value : kind)));
                        }}
                      >
                        {IMPORT_KIND_OPTIONS.map((option) => (
                          <option key={option.value} value={option.value}>
                            {option.label}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          <fieldset className="word-target" disabled={step.name === 'importing'}>
            <legend>Hvor skal dokumentet hen?</legend>
            <label className="word-radio">
              <input type="radio" name={`${id}-target`} checked={target === 'NEW_AGREEMENT'} onChange={() => setTarget('NEW_AGREEMENT')} />
              En ny aftale
            </label>
            <label className="word-radio">
              <input
                type="radio"
                name={`${id}-target`}
                checked={target === 'EXISTING_AGREEMENT'}
                onChange={() => setTarget('EXISTING_AGREEMENT')}
                disabled={editable.length === 0}
              />
              Et nyt udkast til en eksisterende aftale
            </label>

            {target === 'NEW_AGREEMENT' ? (
              <div className="word-fields">
                <div>
                  <label htmlFor={`${id}-title-input`}>Titel</label>
                  <input id={`${id}-title-input`} required minLength={3} maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
                </div>
                <div>
                  <label htmlFor={`${id}-region`}>Region</label>
                  <select id={`${id}-region`} required value={regionId} onChange={(e) => setRegionId(e.target.value)}>
                    {(regions.data?.regions ?? []).map((region) => (
                      <option key={region.id} value={region.id}>
                        {region.name}
                      </option>
                    ))}
                  </select>
                </div>
                <div>
                  <label htmlFor={`${id}-start`}>Periodens første år</label>
                  <input id={`${id}-start`} type="number" required min={2000} max={2100} value={periodStart} onChange={(e) => setPeriodStart(e.target.value)} />
                </div>
                <div>
                  <label htmlFor={`${id}-end`}>Periodens sidste år</label>
                  <input id={`${id}-end`} type="number" required min={2000} max={2100} value={periodEnd} onChange={(e) => setPeriodEnd(e.target.value)} />
                </div>
                <div>
                  <label htmlFor={`${id}-effective`}>Ikrafttræden</label>
                  <input id={`${id}-effective`} type="date" required value={effectiveDate} onChange={(e) => setEffectiveDate(e.target.value)} />
                </div>
              </div>
            ) : (
              <div className="word-fields">
                <div>
                  <label htmlFor={`${id}-agreement`}>Aftale</label>
                  <select id={`${id}-agreement`} required value={agreementId} onChange={(e) => setAgreementId(e.target.value)} aria-describedby={`${id}-agreement-help`}>
                    {editable.map((agreement) => (
                      <option key={agreement.id} value={agreement.id}>
                        {agreement.title} ({agreement.periodStart}–{agreement.periodEnd})
                      </option>
                    ))}
                  </select>
                  <p className="muted" id={`${id}-agreement-help`}>
                    Det nuværende udkast gemmes først som en version, så det kan gendannes. Alle, der redigerer, ser det nye udkast med det samme.
                  </p>
                </div>
              </div>
            )}
          </fieldset>
          {agreements.error && <p className="error">{errorMessage(agreements.error)}</p>}

          <div className="word-actions">
            <button type="submit" className="primary" disabled={step.name === 'importing'}>
              Importér
            </button>
            <button type="button" onClick={restart} disabled={step.name === 'importing'}>
              Vælg en anden fil
            </button>
          </div>
        </form>
      )}

      {step.name === 'done' && <ImportDone result={step.result} headingRef={doneHeading} onAnother={restart} />}
    </section>
  );
}

function ImportDone({ result, headingRef, onAnother }: { result: ImportResult; headingRef: RefObject<HTMLHeadingElement | null>; onAnother: () => void }) {
  // The sections as the server now derives them from the live draft.
  const { data } = useQuery(IMPORTED_SECTIONS, { variables: { id: result.agreementId }, fetchPolicy: 'network-only' });
  const sections = data?.agreement?.sections ?? result.sections.map((s, i) => ({ ...s, blockId: String(i) }));
  return (
    <div className="word-done">
      <h3 ref={headingRef} tabIndex={-1}>
        {result.created ? `Aftalen «${result.title}» er oprettet` : `«${result.title}» har fået et nyt udkast`}
      </h3>
      {result.safetyVersionNumber !== null && (
        <p>Det tidligere udkast er gemt som version {result.safetyVersionNumber}, så det kan gendannes.</p>
      )}
      <p>Udkastet har {sections.length} afsnit:</p>
      <ol className="word-sections" aria-label="Afsnit i udkastet">
        {sections.map((section) => (
          <li key={section.blockId}>
            <span className="badge">{SECTION_KIND_LABELS[section.kind]}</span> {section.title}
          </li>
        ))}
      </ol>
      <div className="word-actions">
        <Link to={`/aftaler/${result.agreementId}`}>Åbn udkastet</Link>
        <button type="button" onClick={onAnother}>
          Importér et andet dokument
        </button>
      </div>
    </div>
  );
}
