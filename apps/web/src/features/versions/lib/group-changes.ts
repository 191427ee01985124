import type { BlockChange } from '../graphql/versions';
import type { BlockChangeKind } from '../../../gql/graphql';

export interface ChangeGroup {
  /** The top-level section's title; null for blocks outside any section. */
  sectionTitle: string | null;
  changes: BlockChange[];
}

/** Changes grouped by section, sections in the order they first appear. */
export function groupBySection(changes: BlockChange[]): ChangeGroup[] {
  const groups = new Map<string | null, ChangeGroup>();
  for (const change of changes) {
    const key = change.sectionTitle ?? null;
    const group = groups.get(key) ?? { sectionTitle: key, changes: [] };
    group.changes.push(change);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export function countChanges(changes: BlockChange[]): Record<BlockChangeKind, number> {
  const counts: Record<BlockChangeKind, number> = { ADDED: 0, REMOVED: 0, CHANGED: 0, UNCHANGED: 0 };
  for (const change of changes) counts[change.change] += 1;
  return counts;
}
