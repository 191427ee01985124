import { addDays, danishToday } from '@aftalerum/dates';
import { useMutation, useQuery } from '@apollo/client/react';
import { FormEvent, useId, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../../lib/apollo';
import { AGREEMENT_HEARINGS, AgreementWithHearings, OPEN_HEARING, ORGANISATIONS, OrganisationOption } from '../graphql/hearings';
import { KIND_GROUPS } from '../lib/labels';
import { fromLocalInput, toLocalInput } from '../lib/time';

/** Noon, Danish time, the given number of weeks from today. */
const inWeeks = (weeks: number) => `${addDays(danishToday(), weeks * 7)}T12:00`;

/** The version to offer first: the newest called "Høringsudkast", else the newest. */
const defaultVersion = (agreement: AgreementWithHearings) =>
  (agreement.versions.find((v) => /høringsudkast/i.test(v.label)) ?? agreement.versions[0])?.id ?? '';

/** The secretariat opens a hearing: on which version, from when, until when, and who is invited. */
export function OpenHearingForm({ agreement }: { agreement: AgreementWithHearings }) {
  const id = useId();
  const navigate = useNavigate();
  const [versionId, setVersionId] = useState(() => defaultVersion(agreement));
  const [title, setTitle] = useState('');
  const [opensAt, setOpensAt] = useState(() => toLocalInput(new Date()));
  const [closesAt, setClosesAt] = useState(() => inWeeks(6));
  const [invited, setInvited] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const organisations = useQuery(ORGANISATIONS);
  const [open, { loading }] = useMutation(OPEN_HEARING, { refetchQueries: [AGREEMENT_HEARINGS] });

  // Organisations of the agreement's region or of no region, grouped by kind.
  const groups = useMemo(() => {
    const relevant = (organisations.data?.organisations ?? []).filter((o) => !o.region || o.region.id === agreement.region.id);
    return KIND_GROUPS.map(([kind, label]) => ({
      kind,
      label,
      organisations: relevant.filter((o) => o.kind === kind).sort((a, b) => a.name.localeCompare(b.name, 'da')),
    })).filter((g) => g.organisations.length > 0);
  }, [organisations.data, agreement.region.id]);

  const version = agreement.versions.find((v) => v.id === versionId);
  const toggle = (organisationId: string) => setInvited((list) => (list.includes(organisationId) ? list.filter((v) => v !== organisationId) : [...list, organisationId]));
  const toggleGroup = (list: OrganisationOption[], on: boolean) =>
    setInvited((current) => (on ? [...new Set([...current, ...list.map((o) => o.id)])] : current.filter((v) => !list.some((o) => o.id === v))));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const opens = fromLocalInput(opensAt);
    const closes = fromLocalInput(closesAt);
    if (!versionId) return setProblem('Vælg den version, der sendes i høring.');
    if (!opens) return setProblem('Vælg, hvornår høringen åbner.');
    if (!closes) return setProblem('Vælg en høringsfrist.');
    if (closes <= opens) return setProblem('Høringsfristen skal ligge efter åbningstidspunktet.');
    if (invited.length === 0) return setProblem('Vælg mindst én organisation, der inviteres til at svare.');
    try {
      const result = await open({
        variables: { input: { versionId, title: title.trim() || null, opensAt: opens, closesAt: closes, invitedOrganisationIds: invited } },
      });
      if (result.data) navigate(`/hoeringer/${result.data.openHearing.id}`);
    } catch (caught) {
      setProblem(errorMessage(caught));
    }
  }

  return (
    <details className="hd-open">
      <summary>Åbn høring</summary>
      {agreement.versions.length === 0 ? (
        <p>
          Der er ingen låste versioner endnu. <Link to={`/aftaler/${agreement.id}`}>Lås udkastet som en version i editoren</Link>, og send den i høring.
        </p>
      ) : (
        <form onSubmit={onSubmit} noValidate aria-label={`Åbn høring over ${agreement.title}`}>
          <div className="hd-grid">
            <div>
              <label htmlFor={`${id}-version`}>Høringsudkast (version)</label>
              <select id={`${id}-version`} value={versionId} onChange={(e) => setVersionId(e.target.value)} required>
                {agreement.versions.map((v) => (
                  <option key={v.id} value={v.id}>
                    Version {v.number}: {v.label}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`${id}-title`}>Titel (valgfri)</label>
              <input
                id={`${id}-title`}
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                maxLength={200}
                placeholder={version ? `Bred høring over ${version.label}` : undefined}
                aria-describedby={`${id}-title-hint`}
              />
              <p id={`${id}-title-hint`} className="hd-hint">
                Uden titel hedder høringen »Bred høring over {version?.label ?? 'versionen'}«.
              </p>
            </div>
            <div>
              <label htmlFor={`${id}-opens`}>Åbner (dansk tid)</label>
              <input id={`${id}-opens`} type="datetime-local" value={opensAt} onChange={(e) => setOpensAt(e.target.value)} required />
            </div>
            <div>
              <label htmlFor={`${id}-closes`}>Høringsfrist (dansk tid)</label>
              <input id={`${id}-closes`} type="datetime-local" value={closesAt} onChange={(e) => setClosesAt(e.target.value)} required />
            </div>
          </div>

          <h3 className="hd-open__subheading">Inviterede organisationer</h3>
          <p className="hd-hint" aria-live="polite">
            {invited.length === 0 ? 'Ingen valgt endnu.' : `${invited.length} valgt.`} Hver inviteret organisation får et personligt link til at svare.
          </p>
          {organisations.loading && <p aria-live="polite">Henter organisationer…</p>}
          {organisations.error && (
            <p className="error" role="alert">
              {errorMessage(organisations.error)}
            </p>
          )}
          {groups.map((group) => {
            const all = group.organisations.every((o) => invited.includes(o.id));
            return (
              <fieldset key={group.kind} className="hd-checks">
                <legend>{group.label}</legend>
                <button type="button" className="hd-link-button hd-checks__all" onClick={() => toggleGroup(group.organisations, !all)}>
                  {all ? 'Fravælg alle' : 'Vælg alle'}
                  <span className="visually-hidden"> {group.label.toLocaleLowerCase('da')}</span>
                </button>
                <div className="hd-checks__list">
                  {group.organisations.map((organisation) => (
                    <label key={organisation.id} className="hd-check">
                      <input type="checkbox" checked={invited.includes(organisation.id)} onChange={() => toggle(organisation.id)} />
                      {organisation.name}
                    </label>
                  ))}
                </div>
              </fieldset>
            );
          })}
          {problem && (
            <p className="error" role="alert">
              {problem}
            </p>
          )}
          <button type="submit" className="primary hd-open__submit" disabled={loading}>
            {loading ? 'Åbner høringen…' : 'Åbn høringen'}
          </button>
        </form>
      )}
    </details>
  );
}
