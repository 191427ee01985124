import { InputMatrix } from '../graphql/input-rounds';
import { KIND_LABELS } from '../lib/labels';

export interface MatrixFilter {
  organisationId: string | null;
  sectionId: string | null | undefined;
  label: string;
}

/**
 * Participants × sections with the number of items in each cell, as a table a screen reader
 * can walk; a non-zero count is a button that shows those items below.
 */
export function InputMatrixTable({ matrix, onFilter, onlyUsed }: { matrix: InputMatrix; onFilter: (filter: MatrixFilter) => void; onlyUsed: boolean }) {
  const columns = matrix.sections.map((section, index) => ({ section, index })).filter(({ section }) => !onlyUsed || section.total > 0);
  return (
    <div className="ir-matrix" role="region" aria-labelledby="matrix-caption" tabIndex={0}>
      <table>
        <caption id="matrix-caption">Antal punkter pr. klynge og afsnit i udkastet ({matrix.total} i alt)</caption>
        <thead>
          <tr>
            <th scope="col">Klynge / organisation</th>
            {columns.map(({ section }) => (
              <th key={section.sectionId ?? 'general'} scope="col">
                {section.kind && <span className="ir-matrix__kind">{KIND_LABELS[section.kind]}</span>}
                {section.title}
              </th>
            ))}
            <th scope="col">I alt</th>
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <tr key={row.organisationId}>
              <th scope="row">
                {row.name}
                {!row.submitted && <span className="ir-matrix__missing"> (ikke indsendt)</span>}
              </th>
              {columns.map(({ section, index }) => {
                const n = row.counts[index];
                return (
                  <td key={section.sectionId ?? 'general'}>
                    {n > 0 ? (
                      <button
                        type="button"
                        className="ir-matrix__count"
                        aria-label={`${n} ${n === 1 ? 'punkt' : 'punkter'} fra ${row.name} om ${section.title}: vis dem`}
                        onClick={() => onFilter({ organisationId: row.organisationId, sectionId: section.sectionId, label: `${row.name} om ${section.title}` })}
                      >
                        {n}
                      </button>
                    ) : (
                      <span className="ir-matrix__zero">0</span>
                    )}
                  </td>
                );
              })}
              <td className="ir-matrix__total">{row.total}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">I alt</th>
            {columns.map(({ section }) => (
              <td key={section.sectionId ?? 'general'} className="ir-matrix__total">
                {section.total}
              </td>
            ))}
            <td className="ir-matrix__total">{matrix.total}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
