import { Link } from 'react-router';
import { formatDate } from '../../../lib/format';
import type { Milestone } from '../graphql/timeline';
import { KIND_LABELS, phaseLabel } from '../lib/labels';
import { milestoneState, milestoneStateLabel } from '../lib/milestone-status';
import { KindIcon } from './milestone-shape';

interface Props {
  milestones: Milestone[];
  today: string;
  captionId: string;
  activeId: string | null;
  onActivate(id: string | null): void;
}

export const milestoneRowId = (id: string) => `milepael-${id.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/** Every milestone as a table: the accessible form of the timeline. */
export function MilestoneTable({ milestones, today, captionId, activeId, onActivate }: Props) {
  return (
    <div className="tl-table-wrap">
      <table className="tl-table" aria-labelledby={captionId}>
        <thead>
          <tr>
            <th scope="col">Dato</th>
            <th scope="col">Milepæl</th>
            <th scope="col">Type</th>
            <th scope="col">Fase</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {milestones.map((m) => {
            const state = milestoneState(m, today);
            return (
              <tr
                key={m.id}
                id={milestoneRowId(m.id)}
                tabIndex={-1}
                className={`tl-row tl-row--${state}${m.id === activeId ? ' tl-row--active' : ''}`}
                onMouseEnter={() => onActivate(m.id)}
                onMouseLeave={() => onActivate(null)}
                onFocus={() => onActivate(m.id)}
              >
                <td className="tl-table__date" data-label="Dato">
                  <time dateTime={m.date}>{formatDate(m.date)}</time>
                </td>
                <th scope="row" className="tl-table__title">
                  <span>{m.title}</span>
                  {m.description && <span className="tl-table__description">{m.description}</span>}
                  {m.derived && (
                    <span className="tl-table__source">
                      {m.linkType === 'INPUT_ROUND' && m.linkId ? (
                        <Link to={`/input/${m.linkId}`}>Fra inputrunden</Link>
                      ) : m.linkType === 'HEARING' ? (
                        'Fra høringen'
                      ) : (
                        'Sat automatisk'
                      )}
                    </span>
                  )}
                </th>
                <td data-label="Type">
                  <span className="tl-kind">
                    <KindIcon kind={m.kind} filled={m.done} />
                    {KIND_LABELS[m.kind]}
                  </span>
                </td>
                <td data-label="Fase">{m.phase ? phaseLabel(m.phase) : <span className="muted">–</span>}</td>
                <td data-label="Status">
                  <span className={`tl-state tl-state--${state}`}>{milestoneStateLabel(m, today)}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
