import { useMutation } from '@apollo/client/react';
import { FormEvent, useId, useState } from 'react';
import { errorMessage } from '../../../lib/apollo';
import { formatDate } from '../../../lib/format';
import { PHASE_LABELS } from '../../agreements/graphql/agreements';
import { AGREEMENT_TIMELINE, AgreementHead, CREATE_MILESTONE, SET_AGREEMENT_PHASE } from '../graphql/timeline';
import { KIND_LABELS, KINDS, PHASES } from '../lib/labels';
import type { AgreementPhase, MilestoneKind } from '../../../gql/graphql';

/** The secretariat adds a meeting, deadline, decision or submission to the timeline. */
export function AddMilestoneForm({ agreementId, defaultPhase }: { agreementId: string; defaultPhase: AgreementPhase }) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<MilestoneKind>('MEETING');
  const [date, setDate] = useState('');
  const [phase, setPhase] = useState<AgreementPhase | ''>(defaultPhase);
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [create, { loading }] = useMutation(CREATE_MILESTONE, { refetchQueries: [{ query: AGREEMENT_TIMELINE, variables: { id: agreementId } }], awaitRefetchQueries: true });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setStatus('');
    if (title.trim().length < 2) return setProblem('Skriv en titel på mindst 2 tegn.');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return setProblem('Vælg en dato.');
    setProblem(null);
    try {
      const result = await create({
        variables: { input: { agreementId, title: title.trim(), kind, date, phase: phase || null, description: description.trim() || null } },
      });
      const created = result.data?.createMilestone;
      setStatus(created ? `Milepælen er tilføjet: ${created.title} (${formatDate(created.date)}).` : 'Milepælen er tilføjet.');
      setTitle('');
      setDescription('');
    } catch (caught) {
      setProblem(errorMessage(caught));
    }
  }

  return (
    <form className="tl-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>Tilføj milepæl</h3>
      <label htmlFor={`${id}-name`}>Titel</label>
      <input id={`${id}-name`} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} required aria-invalid={problem?.includes('titel') || undefined} />
      <div className="tl-form__row">
        <div>
          <label htmlFor={`${id}-kind`}>Type</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as MilestoneKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-date`}>Dato</label>
          <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} required aria-invalid={problem === 'Vælg en dato.' || undefined} />
        </div>
      </div>
      <label htmlFor={`${id}-phase`}>Fase</label>
      <select id={`${id}-phase`} value={phase} onChange={(e) => setPhase(e.target.value as AgreementPhase | '')}>
        <option value="">Ingen fase</option>
        {PHASES.map((p) => (
          <option key={p} value={p}>
            {PHASE_LABELS[p]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-description`}>Beskrivelse (valgfri)</label>
      <textarea id={`${id}-description`} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={2000} />
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <div className="tl-form__actions">
        <button type="submit" className="primary" disabled={loading}>
          {loading ? 'Tilføjer…' : 'Tilføj milepæl'}
        </button>
        <span role="status" className="tl-form__status">
          {status}
        </span>
      </div>
    </form>
  );
}

/** The secretariat moves the agreement to another phase; moving to approval asks the parties. */
export function PhaseForm({ agreement }: { agreement: AgreementHead }) {
  const id = useId();
  const [phase, setPhase] = useState<AgreementPhase>(agreement.phase);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [move, { loading }] = useMutation(SET_AGREEMENT_PHASE);
  const locked = Boolean(agreement.finalVersion);
  const allowed = (p: AgreementPhase) => !locked || p === 'SUBMITTED' || p === 'IN_FORCE';

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setStatus('');
    if (phase === agreement.phase) return setProblem(`Aftalen er allerede i fasen ${PHASE_LABELS[phase]}.`);
    setProblem(null);
    try {
      await move({ variables: { input: { agreementId: agreement.id, phase } } });
      setStatus(
        phase === 'APPROVAL'
          ? `Aftalen er flyttet til fasen ${PHASE_LABELS[phase]}. Anmodninger om godkendelse er lagt i udbakken.`
          : `Aftalen er flyttet til fasen ${PHASE_LABELS[phase]}.`,
      );
    } catch (caught) {
      setProblem(errorMessage(caught));
    }
  }

  return (
    <form className="tl-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>Flyt til fase</h3>
      <p className="tl-form__current">
        Nuværende fase: <strong>{PHASE_LABELS[agreement.phase]}</strong>
      </p>
      <label htmlFor={`${id}-phase`}>Ny fase</label>
      <select id={`${id}-phase`} value={phase} onChange={(e) => setPhase(e.target.value as AgreementPhase)} aria-describedby={`${id}-hint`}>
        {PHASES.map((p) => (
          <option key={p} value={p} disabled={!allowed(p)}>
            {PHASE_LABELS[p]}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="tl-form__hint">
        {locked
          ? 'Aftalen er godkendt af alle parter og kan ikke føres tilbage til en tidligere fase.'
          : phase === 'APPROVAL'
            ? 'SSU, regionsrådet og de kommuner, der endnu ikke har besluttet, får en anmodning om godkendelse.'
            : 'Fasen vises på aftalen og på tidslinjen.'}
      </p>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <div className="tl-form__actions">
        <button type="submit" disabled={loading}>
          {loading ? 'Flytter…' : 'Flyt til fase'}
        </button>
        <span role="status" className="tl-form__status">
          {status}
        </span>
      </div>
    </form>
  );
}
