import { addDays, danishToday } from '@aftalerum/dates';
import { fromDanishWallClock } from '@aftalerum/dates';
import { useMutation, useQuery } from '@apollo/client/react';
import { FormEvent, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../lib/apollo';
import { AgreementWithRounds, INPUT_ROUNDS, OPEN_INPUT_ROUND, OTHER_ORGANISATIONS } from '../graphql/input-rounds';

/** Noon, Danish time, two weeks from today. */
const inTwoWeeks = () => `${addDays(danishToday(), 14)}T12:00`;

/** The secretariat opens a round: what it asks about, the deadline, and who is asked. */
export function OpenRoundForm({ agreement }: { agreement: AgreementWithRounds }) {
  const id = useId();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [versionId, setVersionId] = useState('');
  const [deadline, setDeadline] = useState(inTwoWeeks);
  const [clusterIds, setClusterIds] = useState<string[]>(() => agreement.region.clusters.map((c) => c.id));
  const [organisationIds, setOrganisationIds] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const organisations = useQuery(OTHER_ORGANISATIONS);
  const [open, { loading }] = useMutation(OPEN_INPUT_ROUND, { refetchQueries: [INPUT_ROUNDS] });

  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (!title.trim()) return setProblem('Skriv en titel på inputrunden.');
    if (!deadline) return setProblem('Vælg en frist.');
    if (clusterIds.length + organisationIds.length === 0) return setProblem('Vælg mindst én klynge eller organisation.');
    try {
      const result = await open({
        variables: {
          input: {
            agreementId: agreement.id,
            title: title.trim(),
            description: description.trim() || null,
            versionId: versionId || null,
            deadline: fromDanishWallClock(deadline).toISOString(),
            clusterIds,
            organisationIds,
          },
        },
      });
      if (result.data) navigate(`/input/${result.data.openInputRound.id}`);
    } catch (caught) {
      setProblem(errorMessage(caught));
    }
  }

  const others = [...(organisations.data?.patients ?? []), ...(organisations.data?.professionals ?? [])];
  return (
    <details className="ir-open">
      <summary>Åbn en ny inputrunde</summary>
      <form onSubmit={onSubmit} noValidate aria-describedby={problem ? `${id}-problem` : undefined}>
        <label htmlFor={`${id}-title`}>Titel</label>
        <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} required />
        <label htmlFor={`${id}-description`}>Beskrivelse (valgfri)</label>
        <textarea id={`${id}-description`} value={description} onChange={(e) => setDescription(e.target.value)} rows={3} />
        <label htmlFor={`${id}-version`}>Runden spørger til</label>
        <select id={`${id}-version`} value={versionId} onChange={(e) => setVersionId(e.target.value)}>
          <option value="">Det levende udkast</option>
          {agreement.versions.map((v) => (
            <option key={v.id} value={v.id}>
              Version {v.number}: {v.label}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-deadline`}>Frist (dansk tid)</label>
        <input id={`${id}-deadline`} type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} required />
        <fieldset className="ir-checks">
          <legend>Klynger, der bedes om input</legend>
          {agreement.region.clusters.map((cluster) => (
            <label key={cluster.id} className="ir-check">
              <input type="checkbox" checked={clusterIds.includes(cluster.id)} onChange={() => setClusterIds((list) => toggle(list, cluster.id))} />
              Sundhedsklynge {cluster.name}
            </label>
          ))}
        </fieldset>
        {others.length > 0 && (
          <fieldset className="ir-checks">
            <legend>Andre organisationer (valgfrit)</legend>
            {others.map((organisation) => (
              <label key={organisation.id} className="ir-check">
                <input
                  type="checkbox"
                  checked={organisationIds.includes(organisation.id)}
                  onChange={() => setOrganisationIds((list) => toggle(list, organisation.id))}
                />
                {organisation.name}
              </label>
            ))}
          </fieldset>
        )}
        {problem && (
          <p id={`${id}-problem`} className="error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="primary" disabled={loading}>
          {loading ? 'Åbner…' : 'Åbn inputrunden'}
        </button>
      </form>
    </details>
  );
}
