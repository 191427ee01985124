import { fromDanishWallClock } from '@aftalerum/dates';
import { useMutation, useQuery } from '@apollo/client/react';
import { FormEvent, useId, useMemo, useState } from 'react';
import { errorMessage } from '../../../lib/apollo';
import { EXTEND_DEADLINE, INPUT_MATRIX, INPUT_ROUND, InputItem, InputRoundDetail } from '../graphql/input-rounds';
import { useDownload } from '../hooks/use-download';
import { useNow } from '../hooks/use-now';
import { KIND_LABELS, LEVEL_LABELS, NO_SECTION, OUTCOME_LABELS } from '../lib/labels';
import { countdown, formatDateTime, formatDay, toLocalInput } from '../lib/time';
import { AssessmentForm } from './assessment-form';
import { InputMatrixTable, MatrixFilter } from './input-matrix-table';

interface ListedItem {
  item: InputItem;
  participant: string;
  organisationId: string;
  meeting: string | null;
}

/** The secretariat's view of a round: who is missing, the matrix, every item with its assessment, the DOCX. */
export function SecretariatRoundView({ round }: { round: InputRoundDetail }) {
  const id = useId();
  const now = useNow();
  const matrix = useQuery(INPUT_MATRIX, { variables: { id: round.id } });
  const [onlyUsed, setOnlyUsed] = useState(true);
  const [groupBy, setGroupBy] = useState<'section' | 'theme'>('section');
  const [filter, setFilter] = useState<MatrixFilter | null>(null);
  const download = useDownload('inputrunde.docx');
  const missing = round.participants.filter((p) => !p.submitted);
  const current = useMemo(() => round.inputs.filter((i) => i.status === 'SUBMITTED'), [round.inputs]);
  const superseded = round.inputs.filter((i) => i.status === 'SUPERSEDED');

  const items = useMemo<ListedItem[]>(
    () =>
      current.flatMap((input) =>
        input.items.map((item) => ({
          item,
          participant: input.organisation.name,
          organisationId: input.organisation.id,
          meeting: [input.meetingDate ? formatDay(input.meetingDate) : null, input.meetingItem].filter(Boolean).join(', ') || null,
        })),
      ),
    [current],
  );
  const shown = filter
    ? items.filter((i) => i.organisationId === filter.organisationId && (filter.sectionId === null ? !i.item.section || !(round.agreement?.sections ?? []).some((s) => s.blockId === i.item.section?.id) : i.item.section?.id === filter.sectionId))
    : items;
  const groups = useMemo(() => {
    const map = new Map<string, { title: string; items: ListedItem[] }>();
    const order = groupBy === 'section' ? [...(round.agreement?.sections ?? []).map((s) => `${KIND_LABELS[s.kind]}: ${s.title}`), NO_SECTION] : [];
    for (const key of order) map.set(key, { title: key, items: [] });
    for (const listed of shown) {
      const key = groupBy === 'section' ? (listed.item.section ? `${KIND_LABELS[listed.item.section.kind]}: ${listed.item.section.title}` : NO_SECTION) : listed.item.theme.trim().toLocaleLowerCase('da');
      const group = map.get(key) ?? { title: groupBy === 'section' ? key : listed.item.theme.trim(), items: [] };
      group.items.push(listed);
      map.set(key, group);
    }
    const list = [...map.values()].filter((g) => g.items.length > 0);
    return groupBy === 'theme' ? list.sort((a, b) => b.items.length - a.items.length || a.title.localeCompare(b.title, 'da')) : list;
  }, [shown, groupBy, round.agreement?.sections]);

  async function onDownload() {
    const file = await download.fetchFile(round.docxUrl);
    if (file) {
      const link = document.createElement('a');
      link.href = file.href;
      link.download = file.filename;
      link.click();
    }
  }

  return (
    <>
      <div className="ir-toolbar">
        <button type="button" className="primary" onClick={() => void onDownload()} disabled={download.busy}>
          {download.busy ? 'Laver sammenfatningen…' : 'Hent sammenfatning (DOCX)'}
        </button>
        <span role="status" aria-live="polite">
          {download.file && (
            <a href={download.file.href} download={download.file.filename}>
              Sammenfatningen er klar: {download.file.filename}
            </a>
          )}
        </span>
        {download.error && (
          <p className="error" role="alert">
            {download.error}
          </p>
        )}
      </div>

      <section className="card" aria-labelledby={`${id}-missing`}>
        <h2 id={`${id}-missing`}>Mangler at indsende</h2>
        {missing.length === 0 ? (
          <p>Alle {round.participants.length} har indsendt input.</p>
        ) : (
          <ul className="ir-missing">
            {missing.map((p) => (
              <li key={p.organisation.id}>
                <strong>{p.name}</strong> – frist {formatDateTime(p.deadline)}
                {p.extended && ' (forlænget)'} <span className={new Date(p.deadline) <= now ? 'ir-late' : 'muted'}>({countdown(p.deadline, now)})</span>
              </li>
            ))}
          </ul>
        )}
        <ExtendDeadlineForm round={round} />
        {round.deadlineChanges.length > 0 && (
          <>
            <h3>Ændringer af fristen</h3>
            <ul className="ir-changes">
              {round.deadlineChanges.map((c, index) => (
                <li key={index}>
                  {formatDateTime(c.changedAt)}: {c.participantName ?? 'Alle'} fra {formatDateTime(c.previousDeadline)} til {formatDateTime(c.deadline)} – {c.reason}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="card" aria-labelledby={`${id}-matrix`}>
        <h2 id={`${id}-matrix`}>Overblik: klynger × afsnit</h2>
        <label className="ir-check">
          <input type="checkbox" checked={onlyUsed} onChange={(e) => setOnlyUsed(e.target.checked)} /> Vis kun afsnit med input
        </label>
        {matrix.error && (
          <p className="error" role="alert">
            {errorMessage(matrix.error)}
          </p>
        )}
        {matrix.data?.inputRound && (
          <InputMatrixTable
            matrix={matrix.data.inputRound.matrix}
            onlyUsed={onlyUsed}
            onFilter={(f) => {
              setFilter(f);
              setGroupBy('section');
              window.requestAnimationFrame(() => document.getElementById(`${id}-items`)?.focus());
            }}
          />
        )}
        {matrix.data?.inputRound && matrix.data.inputRound.matrix.themes.length > 0 && (
          <>
            <h3>Temaer på tværs</h3>
            <ul className="ir-themes">
              {matrix.data.inputRound.matrix.themes.map((t) => (
                <li key={t.theme}>
                  <strong>{t.theme}</strong> – {t.count} {t.count === 1 ? 'punkt' : 'punkter'} fra {t.participants.join(', ')}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="card" aria-labelledby={`${id}-items`}>
        <h2 id={`${id}-items`} tabIndex={-1}>
          Alle punkter ({shown.length})
        </h2>
        <fieldset className="ir-segmented">
          <legend>Gruppér efter</legend>
          <label>
            <input type="radio" name={`${id}-group`} checked={groupBy === 'section'} onChange={() => setGroupBy('section')} /> Afsnit
          </label>
          <label>
            <input type="radio" name={`${id}-group`} checked={groupBy === 'theme'} onChange={() => setGroupBy('theme')} /> Tema
          </label>
        </fieldset>
        {filter && (
          <p className="ir-filter" role="status">
            Viser punkter fra {filter.label}.{' '}
            <button type="button" className="ir-link-button" onClick={() => setFilter(null)}>
              Vis alle punkter
            </button>
          </p>
        )}
        {groups.length === 0 && <p>Der er ikke indsendt input endnu.</p>}
        {groups.map((group) => (
          <section key={group.title} className="ir-group" aria-label={group.title}>
            <h3>
              {group.title} <span className="muted">({group.items.length})</span>
            </h3>
            <ul className="ir-items">
              {group.items.map(({ item, participant, meeting }) => (
                <li key={item.id} className="ir-item ir-item--assessable" aria-label={`${participant}: ${item.theme}`}>
                  <h4 className="ir-item__theme">
                    {participant} – {item.theme}
                  </h4>
                  <p className="ir-item__text">{item.text}</p>
                  <p className="ir-item__meta">
                    {groupBy === 'theme' && (item.section ? `${KIND_LABELS[item.section.kind]}: ${item.section.title}` : NO_SECTION)}
                    {groupBy === 'theme' && (item.level || meeting) && ' · '}
                    {item.level && LEVEL_LABELS[item.level]}
                    {item.level && meeting && ' · '}
                    {meeting && `Besluttet ${meeting}`}
                    {item.section && !item.section.live && ' · Afsnittet er ændret siden'}
                  </p>
                  <p className="ir-item__current">
                    {item.assessment ? (
                      <>
                        <span className={`ir-badge ir-badge--${item.assessment.outcome.toLowerCase()}`}>{OUTCOME_LABELS[item.assessment.outcome]}</span>
                        {item.assessment.version && <span className="muted"> i version {item.assessment.version.number}: {item.assessment.version.label}</span>}
                      </>
                    ) : (
                      <span className="ir-badge">Ikke vurderet</span>
                    )}
                  </p>
                  <AssessmentForm item={item} versions={(round.agreement?.versions ?? [])} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>

      {superseded.length > 0 && (
        <section className="card" aria-labelledby={`${id}-superseded`}>
          <h2 id={`${id}-superseded`}>Erstattede indsendelser</h2>
          <ul>
            {superseded.map((input) => (
              <li key={input.id}>
                {input.organisation.name}, indsendelse {input.number} ({input.submittedAt ? formatDateTime(input.submittedAt) : ''}, {input.items.length} punkter)
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function ExtendDeadlineForm({ round }: { round: InputRoundDetail }) {
  const id = useId();
  const [who, setWho] = useState('');
  const [deadline, setDeadline] = useState(() => toLocalInput(new Date(Math.max(Date.now(), new Date(round.deadline).getTime()) + 7 * 86_400_000)));
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [extend, { loading }] = useMutation(EXTEND_DEADLINE, { refetchQueries: [{ query: INPUT_ROUND, variables: { id: round.id } }] });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const participant = round.participants.find((p) => p.organisation.id === who);
    try {
      await extend({
        variables: {
          input: {
            roundId: round.id,
            deadline: fromDanishWallClock(deadline).toISOString(),
            reason: reason.trim(),
            clusterId: participant?.cluster?.id ?? null,
            organisationId: participant && !participant.cluster ? participant.organisation.id : null,
          },
        },
      });
      setStatus(`Fristen er forlænget for ${participant ? participant.name : 'alle'}.`);
      setReason('');
    } catch (caught) {
      setStatus('');
      setProblem(errorMessage(caught));
    }
  }

  return (
    <details className="ir-extend">
      <summary>Forlæng fristen</summary>
      <form onSubmit={onSubmit} noValidate>
        <label htmlFor={`${id}-who`}>For hvem</label>
        <select id={`${id}-who`} value={who} onChange={(e) => setWho(e.target.value)}>
          <option value="">Alle i runden</option>
          {round.participants.map((p) => (
            <option key={p.organisation.id} value={p.organisation.id}>
              {p.name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-deadline`}>Ny frist</label>
        <input id={`${id}-deadline`} type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
        <label htmlFor={`${id}-reason`}>Begrundelse</label>
        <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
        {problem && (
          <p className="error" role="alert">
            {problem}
          </p>
        )}
        <div className="ir-actions">
          <button type="submit" disabled={loading}>
            Forlæng fristen
          </button>
          <span role="status" aria-live="polite" className="ir-save-status">
            {status}
          </span>
        </div>
      </form>
    </details>
  );
}
