import { useQuery } from '@apollo/client/react';
import { Fragment, useId, useState } from 'react';
import { Dialog } from '../../../components/dialog';
import { errorMessage } from '../../../lib/apollo';
import { BlockChange, COMPARE_VERSIONS, VersionSummary, WordChange } from '../graphql/versions';
import { countChanges, groupBySection } from '../lib/group-changes';
import type { BlockChangeKind } from '../../../gql/graphql';

type Mode = 'inline' | 'sideBySide';

const versionName = (version: Pick<VersionSummary, 'number' | 'label'> | null) => (version ? `Version ${version.number}: ${version.label}` : LIVE_NAME);

/** The "Til" choice that compares with the live draft, as editors see it now. */
export const LIVE = '';
const LIVE_NAME = 'Det aktuelle udkast';

const BLOCK_NAMES: Record<string, string> = { heading: 'overskrift', paragraph: 'afsnit' };
// A comparison never lists UNCHANGED blocks (only a comment's or an input's change can be one).
const CHANGE_NAMES: Record<BlockChangeKind, string> = { ADDED: 'Tilføjet', REMOVED: 'Fjernet', CHANGED: 'Ændret', UNCHANGED: 'Uændret' };

interface VersionCompareDialogProps {
  versions: VersionSummary[];
  initialFromId: string;
  initialToId: string;
  onClose: () => void;
}

/** What changed between two versions, by section: in the text, or before and after side by side. */
export function VersionCompareDialog({ versions, initialFromId, initialToId, onClose }: VersionCompareDialogProps) {
  const fromId = useId();
  const toId = useId();
  const modeName = useId();
  const [from, setFrom] = useState(initialFromId);
  const [to, setTo] = useState(initialToId);
  const [mode, setMode] = useState<Mode>('inline');
  const same = from === to;
  const live = to === LIVE;
  const { data, loading, error } = useQuery(COMPARE_VERSIONS, {
    variables: { fromVersionId: from, toVersionId: live ? null : to },
    skip: same,
    // The live draft changes while the dialog is closed: compare it afresh each time.
    fetchPolicy: live ? 'network-only' : 'cache-first',
  });
  const comparison = !same && data?.compareVersions.from.id === from && (data.compareVersions.to?.id ?? LIVE) === to ? data.compareVersions : null;
  const counts = comparison ? countChanges(comparison.changes) : null;

  return (
    <Dialog title="Sammenlign versioner" onClose={onClose}>
      <div className="compare-controls">
        <div>
          <label htmlFor={fromId}>Fra version</label>
          <select id={fromId} value={from} onChange={(event) => setFrom(event.target.value)} data-autofocus>
            {versions.map((version) => (
              <option key={version.id} value={version.id}>
                {versionName(version)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="small compare-controls__swap"
          disabled={live}
          title={live ? 'Det aktuelle udkast kan kun stå som "Til"' : undefined}
          onClick={() => {
            setFrom(to);
            setTo(from);
          }}
        >
          <span aria-hidden="true">⇄ </span>Byt om
        </button>
        <div>
          <label htmlFor={toId}>Til version</label>
          <select id={toId} value={to} onChange={(event) => setTo(event.target.value)}>
            <option value={LIVE}>{LIVE_NAME}</option>
            {versions.map((version) => (
              <option key={version.id} value={version.id}>
                {versionName(version)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="segmented">
          <legend>Visning</legend>
          <label>
            <input type="radio" name={modeName} value="inline" checked={mode === 'inline'} onChange={() => setMode('inline')} />
            <span>I teksten</span>
          </label>
          <label>
            <input type="radio" name={modeName} value="sideBySide" checked={mode === 'sideBySide'} onChange={() => setMode('sideBySide')} />
            <span>Side om side</span>
          </label>
        </fieldset>
      </div>

      {same && <p className="muted">Vælg to forskellige versioner for at se forskellene.</p>}
      {!same && loading && !comparison && <p aria-live="polite">Sammenligner…</p>}
      {error && (
        <p className="error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {comparison && counts && (
        <>
          <p className="compare-caption">
            Fra <strong>{versionName(comparison.from)}</strong> til <strong>{versionName(comparison.to)}</strong>
          </p>
          <ul className="compare-summary" aria-label="Opsummering">
            <li className="compare-summary__item compare-summary__item--added">{counts.ADDED} tilføjet</li>
            <li className="compare-summary__item compare-summary__item--removed">{counts.REMOVED} fjernet</li>
            <li className="compare-summary__item compare-summary__item--changed">{counts.CHANGED} ændret</li>
          </ul>
          {comparison.changes.length === 0 && <p>Der er ingen forskelle i teksten mellem de to versioner.</p>}
          {groupBySection(comparison.changes).map((group, index) => (
            <CompareGroup
              key={group.sectionTitle ?? `uden-afsnit-${index}`}
              title={group.sectionTitle ?? 'Uden for afsnit'}
              changes={group.changes}
              mode={mode}
              fromName={versionName(comparison.from)}
              toName={versionName(comparison.to)}
            />
          ))}
        </>
      )}
    </Dialog>
  );
}

interface CompareGroupProps {
  title: string;
  changes: BlockChange[];
  mode: Mode;
  fromName: string;
  toName: string;
}

function CompareGroup({ title, changes, mode, fromName, toName }: CompareGroupProps) {
  const headingId = useId();
  return (
    <section className="compare-group" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {mode === 'inline' ? (
        <ul className="change-list">
          {changes.map((change) => (
            <li key={change.blockId} className={`change change--${change.change.toLowerCase()}`}>
              <p className="change__kind">{changeName(change)}</p>
              <p className={`change__text change__text--${change.type}`}>
                <Words words={change.words} show="both" />
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <table className="change-table">
          <caption className="visually-hidden">Ændringer i {title}, før og efter</caption>
          <thead>
            <tr>
              <th scope="col">Ændring</th>
              <th scope="col">Før · {fromName}</th>
              <th scope="col">Efter · {toName}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.blockId} className={`change change--${change.change.toLowerCase()}`}>
                <th scope="row" className="change__kind">
                  {changeName(change)}
                </th>
                <td className="change__text">
                  {change.before === null ? <span className="muted">(fandtes ikke)</span> : <Words words={change.words} show="before" />}
                </td>
                <td className="change__text">
                  {change.after === null ? <span className="muted">(findes ikke længere)</span> : <Words words={change.words} show="after" />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const changeName = (change: BlockChange) => `${CHANGE_NAMES[change.change]} ${BLOCK_NAMES[change.type] ?? 'afsnit'}`;

/** The words of a block: inline with <ins> and <del>, or only the before or after side of it. */
function Words({ words, show }: { words: WordChange[]; show: 'both' | 'before' | 'after' }) {
  return (
    <>
      {words.map((word, index) => {
        if (word.kind === 'SAME') return <Fragment key={index}>{word.text}</Fragment>;
        if (word.kind === 'ADDED') return show === 'before' ? null : <ins key={index}>{word.text}</ins>;
        return show === 'after' ? null : <del key={index}>{word.text}</del>;
      })}
    </>
  );
}
