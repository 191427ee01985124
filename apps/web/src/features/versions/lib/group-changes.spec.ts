import { describe, expect, it } from 'vitest';
import type { BlockChange } from '../graphql/versions';
import { countChanges, groupBySection } from './group-changes';

let next = 0;
const change = (sectionTitle: string | null, kind: BlockChange['change'] = 'CHANGED'): BlockChange => ({
  blockId: `b${++next}`,
  change: kind,
  type: 'paragraph',
  before: kind === 'ADDED' ? null : 'før',
  after: kind === 'REMOVED' ? null : 'efter',
  sectionTitle,
  words: [],
});

describe('groupBySection', () => {
  it('groups changes by section in the order the sections first appear, keeping the order within each', () => {
    const vision1 = change('Vision');
    const goal = change('Mål');
    const vision2 = change('Vision', 'ADDED');
    const loose = change(null, 'REMOVED');
    const groups = groupBySection([vision1, goal, vision2, loose]);
    expect(groups).toEqual([
      { sectionTitle: 'Vision', changes: [vision1, vision2] },
      { sectionTitle: 'Mål', changes: [goal] },
      { sectionTitle: null, changes: [loose] },
    ]);
  });

  it('keeps blocks outside any section together, wherever they come', () => {
    const first = change(null);
    const second = change(null);
    const groups = groupBySection([first, change('Vision'), second]);
    expect(groups.map((g) => g.sectionTitle)).toEqual([null, 'Vision']);
    expect(groups[0].changes).toEqual([first, second]);
  });

  it('gives no groups for no changes', () => {
    expect(groupBySection([])).toEqual([]);
  });
});

describe('countChanges', () => {
  it('counts each kind of change, zero for the kinds that do not occur', () => {
    expect(countChanges([change('A', 'ADDED'), change('A', 'ADDED'), change('B', 'CHANGED')])).toEqual({ ADDED: 2, REMOVED: 0, CHANGED: 1, UNCHANGED: 0 });
  });
});
