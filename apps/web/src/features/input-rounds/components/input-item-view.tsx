import { InputItem } from '../graphql/input-rounds';
import { KIND_LABELS, LEVEL_LABELS, OUTCOME_LABELS } from '../lib/labels';

/** Where an item sits in the draft, in words. */
export const sectionLabel = (item: InputItem): string =>
  item.section ? `${KIND_LABELS[item.section.kind]}: ${item.section.title}${item.section.live ? '' : ' (afsnittet er ændret siden)'}` : 'Generelt (intet bestemt afsnit)';

/** One submitted item as the cluster sees it, with the secretariat's assessment if any. */
export function InputItemView({ item }: { item: InputItem }) {
  return (
    <li className="ir-item">
      <h4 className="ir-item__theme">{item.theme}</h4>
      <p className="ir-item__text">{item.text}</p>
      <p className="ir-item__meta">
        {sectionLabel(item)}
        {item.level && ` · ${LEVEL_LABELS[item.level]}`}
      </p>
      {item.assessment && (
        <p className={`ir-assessment ir-assessment--${item.assessment.outcome.toLowerCase()}`}>
          <strong>Sekretariatets vurdering: {OUTCOME_LABELS[item.assessment.outcome]}.</strong> {item.assessment.reason}
          {item.assessment.version && ` (version ${item.assessment.version.number}: ${item.assessment.version.label})`}
        </p>
      )}
    </li>
  );
}
