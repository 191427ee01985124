import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../../lib/apollo';
import { useAttachmentUpload } from '../../hearings/hooks/use-attachments';
import { FILE_LETTER, LETTER_HEARING, LETTER_HEARING_FOR_ORGANISATION, LETTER_POINTS, LetterPoint, REGISTER_LETTER } from '../graphql/letters';
import '../letters.css';

const newKey = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`);
/** Below this score a suggestion is shown, but the point starts as a general remark. */
const CONFIDENT = 0.12;
const GENERAL = '';

interface Draft {
  number: number;
  text: string;
  /** The chosen block, or '' for a general remark. */
  blockId: string;
  suggestions: LetterPoint['suggestions'];
  keep: boolean;
}

const percent = (score: number) => `${Math.round(score * 100)} %`;

/**
 * `/hoeringer/:hearingId/brev`: a response that came as a letter (PDF or Word). The letter is
 * read and split into numbered points, each with the three paragraphs of the hearing draft it
 * most likely concerns; the person confirms or changes each anchor, and the points are filed
 * as the response's comments, and the letter itself as the response's attachment. The
 * secretariat registers it for an invited organisation; an organisation files its own letter.
 */
export function LetterPage() {
  const { hearingId = '' } = useParams();
  const manager = useQuery(LETTER_HEARING, { variables: { id: hearingId }, errorPolicy: 'all' });
  const secretariat = Boolean(manager.data?.hearing?.canManage);
  const own = useQuery(LETTER_HEARING_FOR_ORGANISATION, { variables: { id: hearingId }, skip: manager.loading || secretariat });
  const hearing = secretariat ? manager.data?.hearing : own.data?.hearing;
  const me = manager.data?.me ?? own.data?.me;

  useEffect(() => {
    document.title = 'Høringssvar som brev – Aftalerum';
  }, []);

  if (manager.loading || own.loading) return <p aria-live="polite">Henter høringen…</p>;
  if (!hearing || !me) {
    return (
      <p className="error" role="alert">
        {own.error ? errorMessage(own.error) : 'Høringen findes ikke.'}
      </p>
    );
  }
  return (
    <section className="lt" aria-labelledby="letter-title">
      <p className="hd-back">
        <Link to={secretariat ? `/hoeringer/${hearing.id}` : `/hoeringer/${hearing.id}/svar`}>← {hearing.title}</Link>
      </p>
      <h1 id="letter-title">Høringssvar som brev</h1>
      <p className="lt-lead">
        {secretariat
          ? 'Vælg brevet (PDF eller Word), som en organisation har sendt. Det deles i punkter, og hvert punkt får de afsnit i høringsudkastet, det mest sandsynligt handler om. Bekræft eller ret hvert afsnit, og registrér svaret.'
          : 'Upload jeres høringssvar som PDF eller Word i stedet for at skrive det. Det deles i punkter, og hvert punkt får de afsnit i høringsudkastet, det mest sandsynligt handler om. Bekræft eller ret hvert afsnit, og indsend.'}
      </p>
      <LetterWorkbench
        hearingId={hearing.id}
        blocks={hearing.version.blocks.filter((b) => (b.type === 'paragraph' || b.type === 'heading') && b.text.trim())}
        organisations={secretariat ? (manager.data?.hearing?.invitations ?? []) : [{ organisationId: me.organisation.id, organisationName: me.organisation.name }]}
        secretariat={secretariat}
      />
    </section>
  );
}

function LetterWorkbench({
  hearingId,
  blocks,
  organisations,
  secretariat,
}: {
  hearingId: string;
  blocks: Array<{ blockId: string; text: string }>;
  organisations: Array<{ organisationId: string; organisationName: string }>;
  secretariat: boolean;
}) {
  const id = useId();
  const client = useApolloClient();
  const { upload, uploading, problems } = useAttachmentUpload();
  const [reading, setReading] = useState(false);
  const [attachmentId, setAttachmentId] = useState<string | null>(null);
  const [points, setPoints] = useState<Draft[]>([]);
  const [organisationId, setOrganisationId] = useState(organisations.length === 1 ? organisations[0].organisationId : '');
  const [summary, setSummary] = useState('');
  const [publish, setPublish] = useState(false);
  const [key, setKey] = useState(newKey);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [register, registering] = useMutation(REGISTER_LETTER, { refetchQueries: ['Hearing', 'HearingProcessing', 'HearingComments'] });
  const [file, filing] = useMutation(FILE_LETTER, { refetchQueries: ['Hearing'] });
  const textOf = useMemo(() => new Map(blocks.map((b) => [b.blockId, b.text])), [blocks]);

  async function onFile(files: FileList | null) {
    const chosen = files?.[0];
    if (!chosen) return;
    setProblem(null);
    setStatus('');
    setPoints([]);
    const [uploaded] = await upload([chosen]);
    if (!uploaded) return;
    setReading(true);
    try {
      const result = await client.query({ query: LETTER_POINTS, variables: { hearingId, attachmentId: uploaded.id }, fetchPolicy: 'network-only' });
      const split = result.data?.hearingLetterPoints;
      if (!split) throw new Error('Brevet kunne ikke læses.');
      setAttachmentId(split.attachmentId);
      setPoints(
        split.points.map((p) => ({
          number: p.number,
          text: p.text,
          blockId: p.suggestions[0] && p.suggestions[0].score >= CONFIDENT ? p.suggestions[0].blockId : GENERAL,
          suggestions: p.suggestions,
          keep: true,
        })),
      );
      setStatus(split.points.length ? `Brevet er delt i ${split.points.length} punkter.` : 'Der blev ikke fundet nogen punkter i brevet.');
    } catch (caught) {
      setProblem(errorMessage(caught));
    } finally {
      setReading(false);
    }
  }

  const update = (number: number, change: Partial<Draft>) => setPoints((all) => all.map((p) => (p.number === number ? { ...p, ...change } : p)));
  const kept = points.filter((p) => p.keep && p.text.trim());

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (!organisationId) return setProblem('Vælg organisationen, brevet kommer fra.');
    if (kept.length === 0 && !summary.trim()) return setProblem('Behold mindst ét punkt, eller skriv et resumé.');
    const input = {
      hearingId,
      organisationId,
      idempotencyKey: key,
      summary: summary.trim() || null,
      comments: kept.map((p) => ({ blockId: p.blockId || null, text: p.text.trim() })),
      publish,
      // The letter goes with the response, whoever uploaded it (a secretariat's upload counts against its own quota).
      attachmentIds: attachmentId ? [attachmentId] : [],
    };
    try {
      const result = secretariat ? (await register({ variables: { input } })).data?.registerLateHearingResponse : (await file({ variables: { input } })).data?.submitHearingResponse;
      if (result) setStatus(`Svaret fra ${result.organisation.name} er registreret som ${result.reference} med ${kept.length} punkter.`);
      setPoints([]);
      setAttachmentId(null);
      setSummary('');
      setKey(newKey());
    } catch (caught) {
      setProblem(errorMessage(caught));
    }
  }

  return (
    <form className="lt-form" onSubmit={onSubmit} noValidate>
      <div className="card">
        <label htmlFor={`${id}-file`}>Brevet (PDF eller Word)</label>
        <input id={`${id}-file`} type="file" accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document" onChange={(e) => void onFile(e.target.files)} />
        <p className="hd-hint" aria-live="polite">
          {uploading ? `Sender ${uploading}…` : reading ? 'Læser brevet og finder afsnittene…' : ''}
        </p>
        {problems.map((p) => (
          <p key={p} className="error" role="alert">
            {p}
          </p>
        ))}
      </div>

      {points.length > 0 && (
        <ol className="lt-points" aria-label="Brevets punkter">
          {points.map((point) => (
            <li key={point.number} className={`card lt-point${point.keep ? '' : ' lt-point--dropped'}`}>
              <div className="lt-point__head">
                <h2 className="lt-point__title">Punkt {point.number}</h2>
                <label className="hd-check">
                  <input type="checkbox" checked={point.keep} onChange={(e) => update(point.number, { keep: e.target.checked })} />
                  Tag med
                </label>
              </div>
              <label htmlFor={`${id}-text-${point.number}`}>Punktets tekst</label>
              <textarea id={`${id}-text-${point.number}`} rows={3} value={point.text} onChange={(e) => update(point.number, { text: e.target.value })} />
              <fieldset className="lt-anchors">
                <legend>Hvilket afsnit handler punktet om?</legend>
                {point.suggestions.map((s) => (
                  <label key={s.blockId} className="lt-anchor">
                    <input type="radio" name={`${id}-anchor-${point.number}`} checked={point.blockId === s.blockId} onChange={() => update(point.number, { blockId: s.blockId })} />
                    <span>
                      <span className="lt-anchor__text">{s.text}</span>
                      {s.sectionTitle && s.sectionTitle !== s.text && <span className="lt-anchor__section"> · {s.sectionTitle}</span>}
                      <span className="lt-anchor__score"> · {percent(s.score)} match</span>
                    </span>
                  </label>
                ))}
                <label className="lt-anchor">
                  <input type="radio" name={`${id}-anchor-${point.number}`} checked={point.blockId === GENERAL} onChange={() => update(point.number, { blockId: GENERAL })} />
                  <span>Generel bemærkning (intet bestemt afsnit)</span>
                </label>
                <label htmlFor={`${id}-other-${point.number}`} className="lt-anchor__other">
                  Et andet afsnit
                </label>
                <select
                  id={`${id}-other-${point.number}`}
                  value={point.suggestions.some((s) => s.blockId === point.blockId) || point.blockId === GENERAL ? '' : point.blockId}
                  onChange={(e) => e.target.value && update(point.number, { blockId: e.target.value })}
                >
                  <option value="">Vælg et andet afsnit…</option>
                  {blocks.map((b) => (
                    <option key={b.blockId} value={b.blockId}>
                      {b.text.length > 90 ? `${b.text.slice(0, 89)}…` : b.text}
                    </option>
                  ))}
                </select>
              </fieldset>
              <p className="hd-hint">{point.blockId ? `Gemmes som kommentar til »${(textOf.get(point.blockId) ?? '').slice(0, 80)}«.` : 'Gemmes som generel bemærkning.'}</p>
            </li>
          ))}
        </ol>
      )}

      {(points.length > 0 || status) && (
        <div className="card lt-file">
          {secretariat ? (
            <>
              <label htmlFor={`${id}-org`}>Organisation</label>
              <select id={`${id}-org`} value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
                <option value="">Vælg organisation</option>
                {organisations.map((o) => (
                  <option key={o.organisationId} value={o.organisationId}>
                    {o.organisationName}
                  </option>
                ))}
              </select>
            </>
          ) : (
            <p>Indsendes for {organisations[0]?.organisationName}.</p>
          )}
          <label htmlFor={`${id}-summary`}>Resumé (valgfrit)</label>
          <textarea id={`${id}-summary`} rows={2} value={summary} onChange={(e) => setSummary(e.target.value)} maxLength={50_000} />
          <label className="hd-check">
            <input type="checkbox" checked={publish} onChange={(e) => setPublish(e.target.checked)} />
            {secretariat ? 'Organisationen har givet samtykke til offentliggørelse' : 'Svaret må offentliggøres'}
          </label>
          {problem && (
            <p className="error" role="alert">
              {problem}
            </p>
          )}
          {points.length > 0 && (
            <button type="submit" disabled={registering.loading || filing.loading}>
              {secretariat ? `Registrér svaret med ${kept.length} punkter` : `Indsend svaret med ${kept.length} punkter`}
            </button>
          )}
        </div>
      )}
      {problem && points.length === 0 && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <p className="hd-status-line" role="status" aria-live="polite">
        {status}
      </p>
    </form>
  );
}
