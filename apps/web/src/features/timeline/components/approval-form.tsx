import { useMutation } from '@apollo/client/react';
import { FormEvent, useId, useRef, useState } from 'react';
import { errorMessage } from '../../../lib/apollo';
import { formatDate } from '../../../lib/format';
import { AGREEMENT_APPROVALS, ApprovalParty, RECORD_APPROVAL } from '../graphql/timeline';
import { useUpload } from '../hooks/use-upload';
import { todayIso } from '../lib/dates';
import { PARTY_STATUS_LABELS } from '../lib/labels';
import type { ApprovalDecision } from '../../../gql/graphql';

interface Props {
  agreementId: string;
  /** The parties the user may record a decision for. */
  parties: ApprovalParty[];
  /** A municipality records only its own decision: the party is given, not chosen. */
  fixed: boolean;
}

/** Records a party's decision: approved or not, the date, the meeting, a note and the decision document. */
export function ApprovalForm({ agreementId, parties, fixed }: Props) {
  const id = useId();
  const [partyId, setPartyId] = useState(fixed ? parties[0].organisation.id : '');
  const [decision, setDecision] = useState<ApprovalDecision | ''>('');
  const [decidedAt, setDecidedAt] = useState(() => todayIso());
  const [meetingReference, setMeetingReference] = useState('');
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<{ field: string | null; message: string } | null>(null);
  const [status, setStatus] = useState('');
  const { upload, busy: uploading } = useUpload();
  const [record, { loading }] = useMutation(RECORD_APPROVAL, {
    refetchQueries: [{ query: AGREEMENT_APPROVALS, variables: { id: agreementId } }],
    awaitRefetchQueries: true,
  });
  const party = parties.find((p) => p.organisation.id === partyId) ?? null;
  const busy = loading || uploading;
  const municipalities = parties.filter((p) => p.organisation.kind === 'MUNICIPALITY');
  const others = parties.filter((p) => p.organisation.kind !== 'MUNICIPALITY');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setStatus('');
    if (!party) return setProblem({ field: 'party', message: 'Vælg den part, hvis beslutning du registrerer.' });
    if (!decision) return setProblem({ field: 'decision', message: 'Vælg, om aftalen er godkendt eller ikke godkendt.' });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(decidedAt)) return setProblem({ field: 'date', message: 'Angiv datoen for beslutningen.' });
    setProblem(null);
    try {
      const document = file ? await upload(file) : null;
      await record({
        variables: {
          input: {
            agreementId,
            organisationId: party.organisation.id,
            decision,
            decidedAt,
            meetingReference: meetingReference.trim() || null,
            note: note.trim() || null,
            documentId: document?.id ?? null,
          },
        },
      });
      setStatus(`Beslutningen er registreret: ${party.organisation.name} – ${PARTY_STATUS_LABELS[decision]}${document ? `, med ${document.filename}` : ''}.`);
      if (!fixed) setPartyId('');
      setDecision('');
      setMeetingReference('');
      setNote('');
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
    } catch (caught) {
      setProblem({ field: null, message: errorMessage(caught) });
    }
  }

  const invalid = (field: string) => (problem?.field === field ? true : undefined);

  return (
    <section className="card tl-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Registrér beslutning</h2>
      <form className="tl-form ap-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate>
        {fixed ? (
          <p className="ap-form__party">
            Part: <strong>{parties[0].organisation.name}</strong>
          </p>
        ) : (
          <>
            <label htmlFor={`${id}-party`}>Part</label>
            <select id={`${id}-party`} value={partyId} onChange={(e) => setPartyId(e.target.value)} aria-invalid={invalid('party')} aria-describedby={`${id}-party-hint`}>
              <option value="">Vælg part…</option>
              {others.length > 0 && (
                <optgroup label="SSU og regionsrådet">
                  {others.map((p) => (
                    <PartyOption key={p.organisation.id} party={p} />
                  ))}
                </optgroup>
              )}
              <optgroup label="Kommuner">
                {municipalities.map((p) => (
                  <PartyOption key={p.organisation.id} party={p} />
                ))}
              </optgroup>
            </select>
          </>
        )}
        <p id={`${id}-party-hint`} className="tl-form__hint">
          {party?.decision
            ? `${party.organisation.name} har allerede registreret: ${PARTY_STATUS_LABELS[party.decision]}${party.decidedAt ? ` (${formatDate(party.decidedAt)})` : ''}. En ny registrering erstatter den.`
            : 'Når den sidste part har godkendt, låses den endelige version.'}
        </p>

        <fieldset className={problem?.field === 'decision' ? 'ap-decision ap-decision--invalid' : 'ap-decision'}>
          <legend>Beslutning</legend>
          <label className="ap-choice ap-choice--approved">
            <input type="radio" name={`${id}-decision`} value="APPROVED" checked={decision === 'APPROVED'} onChange={() => setDecision('APPROVED')} />
            <span>
              <span aria-hidden="true">✓ </span>Godkendt
            </span>
          </label>
          <label className="ap-choice ap-choice--rejected">
            <input type="radio" name={`${id}-decision`} value="REJECTED" checked={decision === 'REJECTED'} onChange={() => setDecision('REJECTED')} />
            <span>
              <span aria-hidden="true">✕ </span>Ikke godkendt
            </span>
          </label>
        </fieldset>

        <div className="tl-form__row">
          <div>
            <label htmlFor={`${id}-date`}>Dato for beslutningen</label>
            <input id={`${id}-date`} type="date" value={decidedAt} onChange={(e) => setDecidedAt(e.target.value)} aria-invalid={invalid('date')} required />
          </div>
          <div>
            <label htmlFor={`${id}-meeting`}>Møde og dagsordenspunkt (valgfrit)</label>
            <input
              id={`${id}-meeting`}
              value={meetingReference}
              onChange={(e) => setMeetingReference(e.target.value)}
              maxLength={300}
              placeholder="Kommunalbestyrelsen 14.11.2023, pkt. 7"
            />
          </div>
        </div>
        <label htmlFor={`${id}-note`}>Note (valgfri)</label>
        <textarea id={`${id}-note`} rows={3} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
        <label htmlFor={`${id}-file`}>Beslutningsdokument (PDF eller Word, valgfrit)</label>
        <input
          id={`${id}-file`}
          ref={fileInput}
          type="file"
          accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        {problem && (
          <p className="error" role="alert">
            {problem.message}
          </p>
        )}
        <div className="tl-form__actions">
          <button type="submit" className="primary" disabled={busy}>
            {uploading ? 'Uploader dokumentet…' : loading ? 'Registrerer…' : 'Registrér beslutning'}
          </button>
          <span role="status" className="tl-form__status">
            {status}
          </span>
        </div>
      </form>
    </section>
  );
}

function PartyOption({ party }: { party: ApprovalParty }) {
  const state = party.decision ? PARTY_STATUS_LABELS[party.decision].toLowerCase() : 'afventer';
  return (
    <option value={party.organisation.id}>
      {party.organisation.name} ({state})
    </option>
  );
}
