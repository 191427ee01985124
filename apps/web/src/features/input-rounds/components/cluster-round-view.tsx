import { formatDanishTime } from '@aftalerum/dates';
import { useMutation } from '@apollo/client/react';
import { FormEvent, useEffect, useId, useRef, useState } from 'react';
import { errorMessage } from '../../../lib/apollo';
import {
  ClusterInput,
  ClusterInputVariables,
  INPUT_ROUND,
  InputRoundDetail,
  Participant,
  SAVE_DRAFT,
  SUBMIT_INPUT,
} from '../graphql/input-rounds';
import { useNow } from '../hooks/use-now';
import { KIND_LABELS, LEVEL_LABELS } from '../lib/labels';
import { formatDateTime, formatDay } from '../lib/time';
import { InputItemView, sectionLabel } from './input-item-view';
import type { InputLevel } from '../../../gql/graphql';

interface ItemDraft {
  key: number;
  blockId: string;
  /** Label for a block that is not one of the sections (kept from an earlier input). */
  blockLabel: string | null;
  theme: string;
  text: string;
  level: InputLevel | '';
}

let nextKey = 1;
const emptyItem = (): ItemDraft => ({ key: nextKey++, blockId: '', blockLabel: null, theme: '', text: '', level: '' });
const fromInput = (input: ClusterInput | null | undefined): ItemDraft[] =>
  input && input.items.length
    ? input.items.map((item) => ({
        key: nextKey++,
        blockId: item.blockId ?? '',
        blockLabel: item.blockId ? sectionLabel(item) : null,
        theme: item.theme,
        text: item.text,
        level: item.level ?? '',
      }))
    : [emptyItem()];

const timeOfDay = { format: (at: Date) => formatDanishTime(at) };

/** The asked cluster's page: its input form (draft, submit), the receipt, and earlier submissions. */
export function ClusterRoundView({ round, participation }: { round: InputRoundDetail; participation: Participant }) {
  const id = useId();
  const now = useNow();
  const current = round.inputs.find((i) => i.status === 'SUBMITTED') ?? null;
  const earlier = round.inputs.filter((i) => i.status === 'SUPERSEDED');
  const [editing, setEditing] = useState(!current);
  const [receipt, setReceipt] = useState<ClusterInput | null>(null);
  const [items, setItems] = useState<ItemDraft[]>(() => fromInput(round.myDraft ?? current));
  const [meetingDate, setMeetingDate] = useState((round.myDraft ?? current)?.meetingDate ?? '');
  const [meetingItem, setMeetingItem] = useState((round.myDraft ?? current)?.meetingItem ?? '');
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const receiptHeading = useRef<HTMLHeadingElement>(null);
  const refetch = { refetchQueries: [{ query: INPUT_ROUND, variables: { id: round.id } }], awaitRefetchQueries: true };
  const [saveDraft, saving] = useMutation(SAVE_DRAFT, refetch);
  const [submit, submitting] = useMutation(SUBMIT_INPUT, refetch);
  const closed = new Date(participation.deadline).getTime() <= now.getTime();

  useEffect(() => {
    if (receipt) receiptHeading.current?.focus();
  }, [receipt]);

  const variables = (): ClusterInputVariables => ({
    input: {
      roundId: round.id,
      ...(participation.cluster ? { clusterId: participation.cluster.id } : { organisationId: participation.organisation.id }),
      meetingDate: meetingDate || null,
      meetingItem: meetingItem.trim() || null,
      items: items
        .filter((item) => item.theme.trim() || item.text.trim())
        .map((item) => ({ blockId: item.blockId || null, theme: item.theme.trim(), text: item.text.trim(), level: item.level || null })),
    },
  });

  async function onSave() {
    setProblem(null);
    setStatus('Gemmer kladden…');
    try {
      const result = await saveDraft({ variables: variables() });
      const at = result.data?.saveClusterInputDraft.updatedAt;
      setStatus(`Kladden er gemt kl. ${timeOfDay.format(at ? new Date(at) : new Date())}. Den er ikke indsendt.`);
    } catch (caught) {
      setStatus('');
      setProblem(errorMessage(caught));
    }
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const vars = variables();
    if (vars.input.items.length === 0) return setProblem('Tilføj mindst ét punkt med tema og tekst, før I indsender.');
    const incomplete = vars.input.items.findIndex((item) => !item.theme || !item.text);
    if (incomplete >= 0) return setProblem(`Punkt ${incomplete + 1} mangler ${vars.input.items[incomplete].theme ? 'en tekst' : 'et tema'}.`);
    setStatus('Indsender…');
    try {
      const result = await submit({ variables: vars });
      if (result.data) {
        setStatus('');
        setReceipt(result.data.submitClusterInput);
        setEditing(false);
      }
    } catch (caught) {
      setStatus('');
      setProblem(errorMessage(caught));
    }
  }

  const update = (key: number, patch: Partial<ItemDraft>) => setItems((list) => list.map((item) => (item.key === key ? { ...item, ...patch } : item)));
  const shown = receipt ?? current;

  return (
    <>
      {!editing && shown && (
        <section className="card ir-receipt" aria-labelledby={`${id}-receipt`}>
          <h2 id={`${id}-receipt`} ref={receiptHeading} tabIndex={-1}>
            {receipt ? 'Input modtaget' : 'Jeres indsendte input'}
          </h2>
          <p>
            Indsendelse {shown.number}, modtaget {shown.submittedAt ? formatDateTime(shown.submittedAt) : ''}
            {shown.submittedByName && ` af ${shown.submittedByName}`}.{shown.supersedesId && ' Den erstatter jeres tidligere indsendelse.'}
          </p>
          {(shown.meetingDate || shown.meetingItem) && (
            <p className="muted">
              Besluttet på mødet {shown.meetingDate ? formatDay(shown.meetingDate) : ''}
              {shown.meetingItem && `, ${shown.meetingItem}`}.
            </p>
          )}
          <ol className="ir-items">
            {shown.items.map((item) => (
              <InputItemView key={item.id} item={item} />
            ))}
          </ol>
          {!closed && (
            <button
              type="button"
              onClick={() => {
                setItems(fromInput(round.myDraft ?? shown));
                setReceipt(null);
                setEditing(true);
              }}
            >
              Indsend et nyt input
            </button>
          )}
        </section>
      )}

      {editing && (
        <form className="card ir-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-form`}>
          <h2 id={`${id}-form`}>{current ? 'Nyt input (erstatter det indsendte)' : 'Jeres input'}</h2>
          {closed && (
            <p className="ir-warning" role="note">
              Fristen er overskredet. I kan gemme en kladde, men ikke indsende. Kontakt sekretariatet for SSU, hvis I har brug for en forlængelse.
            </p>
          )}
          {round.myDraft && <p className="muted">Kladde sidst gemt {formatDateTime(round.myDraft.updatedAt)}.</p>}
          <div className="ir-meeting">
            <div>
              <label htmlFor={`${id}-meeting-date`}>Mødedato (hvor input blev besluttet)</label>
              <input id={`${id}-meeting-date`} type="date" value={meetingDate} onChange={(e) => setMeetingDate(e.target.value)} />
            </div>
            <div>
              <label htmlFor={`${id}-meeting-item`}>Dagsordenspunkt</label>
              <input id={`${id}-meeting-item`} value={meetingItem} onChange={(e) => setMeetingItem(e.target.value)} maxLength={300} placeholder="Fx Punkt 2: Ønsker til sundhedsaftalen" />
            </div>
          </div>
          {items.map((item, index) => (
            <fieldset key={item.key} className="ir-item-fields">
              <legend>Punkt {index + 1}</legend>
              <label htmlFor={`${id}-theme-${item.key}`}>Tema</label>
              <input id={`${id}-theme-${item.key}`} value={item.theme} onChange={(e) => update(item.key, { theme: e.target.value })} maxLength={200} />
              <label htmlFor={`${id}-text-${item.key}`}>Tekst</label>
              <textarea id={`${id}-text-${item.key}`} value={item.text} onChange={(e) => update(item.key, { text: e.target.value })} rows={4} />
              <div className="ir-item-fields__row">
                <div>
                  <label htmlFor={`${id}-section-${item.key}`}>Afsnit i udkastet</label>
                  <select id={`${id}-section-${item.key}`} value={item.blockId} onChange={(e) => update(item.key, { blockId: e.target.value, blockLabel: null })}>
                    <option value="">Generelt (intet bestemt afsnit)</option>
                    {item.blockLabel && !(round.agreement?.sections ?? []).some((s) => s.blockId === item.blockId) && <option value={item.blockId}>{item.blockLabel}</option>}
                    {(round.agreement?.sections ?? []).map((section) => (
                      <option key={section.blockId} value={section.blockId}>
                        {KIND_LABELS[section.kind]}: {section.title}
                      </option>
                    ))}
                  </select>
                </div>
                <div>
                  <label htmlFor={`${id}-level-${item.key}`}>Niveau</label>
                  <select id={`${id}-level-${item.key}`} value={item.level} onChange={(e) => update(item.key, { level: e.target.value as InputLevel | '' })}>
                    <option value="">Ikke angivet</option>
                    {(Object.keys(LEVEL_LABELS) as InputLevel[]).map((level) => (
                      <option key={level} value={level}>
                        {LEVEL_LABELS[level]}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              {items.length > 1 && (
                <button type="button" className="ir-link-button" onClick={() => setItems((list) => list.filter((i) => i.key !== item.key))}>
                  Fjern punkt {index + 1}
                </button>
              )}
            </fieldset>
          ))}
          <button type="button" onClick={() => setItems((list) => [...list, emptyItem()])} disabled={items.length >= 100}>
            Tilføj punkt
          </button>
          {problem && (
            <p className="error" role="alert">
              {problem}
            </p>
          )}
          <p className="ir-save-status" role="status" aria-live="polite">
            {status}
          </p>
          <div className="ir-actions">
            <button type="button" onClick={() => void onSave()} disabled={saving.loading || submitting.loading}>
              Gem kladde
            </button>
            <button type="submit" className="primary" disabled={closed || saving.loading || submitting.loading}>
              Indsend
            </button>
            {current && (
              <button type="button" onClick={() => setEditing(false)}>
                Fortryd
              </button>
            )}
          </div>
        </form>
      )}

      {earlier.length > 0 && (
        <section className="card" aria-labelledby={`${id}-earlier`}>
          <h2 id={`${id}-earlier`}>Tidligere indsendelser</h2>
          <p className="muted">Erstattede indsendelser gemmes, så det kan ses, hvad klyngen har sendt hvornår.</p>
          {earlier.map((input) => (
            <details key={input.id} className="ir-earlier">
              <summary>
                Indsendelse {input.number}, {input.submittedAt ? formatDateTime(input.submittedAt) : ''} ({input.items.length} punkter)
              </summary>
              <ol className="ir-items">
                {input.items.map((item) => (
                  <InputItemView key={item.id} item={item} />
                ))}
              </ol>
            </details>
          ))}
        </section>
      )}
    </>
  );
}
