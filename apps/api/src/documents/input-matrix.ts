import type { DraftSection, SectionKind } from '@aftalerum/editor';

/*
 * The input matrix: who gave how many items on which section, and the themes they share. Plain
 * data over plain data, shown in GraphQL (input rounds) and in the input summary (docx/input-summary.ts).
 */

/** The column for items that are not tied to a section of the draft. */
export const NO_SECTION_TITLE = 'Generelt (intet afsnit)';

export interface MatrixParticipant {
  name: string;
  organisationId: string;
  clusterId: string | null;
  submitted: boolean;
}

export interface MatrixItem {
  organisationId: string;
  theme: string;
  section: { id: string } | null;
}

/** Themes are grouped regardless of case and spacing ("Forebyggelse" = "forebyggelse "). */
export const themeKey = (theme: string) => theme.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');

/**
 * The secretariat's overview: participants × the live draft's sections (in document order,
 * then a column for items tied to no section), with item counts, and the themes raised
 * across participants, most raised first.
 */
export function buildMatrix(sections: DraftSection[], participants: MatrixParticipant[], items: MatrixItem[]) {
  const columns = [
    ...sections.map((s) => ({ sectionId: s.blockId as string | null, title: s.title, kind: s.kind as SectionKind | null, total: 0 })),
    { sectionId: null, title: NO_SECTION_TITLE, kind: null, total: 0 },
  ];
  const columnOf = new Map(sections.map((s, i) => [s.blockId, i]));
  const general = columns.length - 1;
  const rows = participants.map((p) => ({ name: p.name, organisationId: p.organisationId, clusterId: p.clusterId, submitted: p.submitted, counts: columns.map(() => 0), total: 0 }));
  const rowOf = new Map(rows.map((r, i) => [r.organisationId, i]));
  const themes = new Map<string, { theme: string; count: number; participants: Set<string> }>();
  for (const item of items) {
    const row = rowOf.get(item.organisationId);
    if (row === undefined) continue;
    const column = item.section ? (columnOf.get(item.section.id) ?? general) : general;
    rows[row].counts[column]++;
    rows[row].total++;
    columns[column].total++;
    const key = themeKey(item.theme);
    const theme = themes.get(key) ?? { theme: item.theme.trim(), count: 0, participants: new Set<string>() };
    theme.count++;
    theme.participants.add(rows[row].name);
    themes.set(key, theme);
  }
  return {
    sections: columns,
    rows,
    themes: [...themes.values()]
      .map((t) => ({ theme: t.theme, count: t.count, participants: [...t.participants].sort((a, b) => a.localeCompare(b, 'da')) }))
      .sort((a, b) => b.participants.length - a.participants.length || b.count - a.count || a.theme.localeCompare(b.theme, 'da')),
    total: items.filter((i) => rowOf.has(i.organisationId)).length,
  };
}

