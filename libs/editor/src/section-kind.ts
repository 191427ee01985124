/** The kinds of top-level section an agreement draft is made of. */
export const SECTION_KINDS = ['PREAMBLE', 'VISION', 'FOCUS_AREA', 'GOAL', 'PRINCIPLE', 'ANNEX', 'OTHER'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

/** Danish names the screens use for each kind. */
export const SECTION_KIND_LABELS: Record<SectionKind, string> = {
  PREAMBLE: 'Indledning',
  VISION: 'Vision',
  FOCUS_AREA: 'Fokusområde',
  PRINCIPLE: 'Princip',
  GOAL: 'Mål',
  ANNEX: 'Tillæg',
  OTHER: 'Andet',
};

/** The heading a newly inserted section of each kind starts with, for the author to overwrite. */
export const NEW_SECTION_TITLES: Record<SectionKind, string> = {
  PREAMBLE: 'Ny indledning',
  VISION: 'Ny vision',
  FOCUS_AREA: 'Nyt fokusområde',
  PRINCIPLE: 'Nyt princip',
  GOAL: 'Nyt mål',
  ANNEX: 'Nyt tillæg',
  OTHER: 'Nyt afsnit',
};

export const isSectionKind = (value: unknown): value is SectionKind =>
  typeof value === 'string' && (SECTION_KINDS as readonly string[]).includes(value);

/**
 * Which focus area each goal belongs to: a goal belongs to the focus area before it, as long
 * as only goals stand between them. Takes the top-level sections in document order and
 * answers, for each, the block id of its focus area (null for everything that is not such a goal).
 */
export function focusAreasOf(sections: ReadonlyArray<{ kind: SectionKind; blockId: string | null }>): Array<string | null> {
  let area: string | null = null;
  return sections.map((section) => {
    if (section.kind === 'FOCUS_AREA') {
      area = section.blockId;
      return null;
    }
    if (section.kind === 'GOAL') return area;
    area = null;
    return null;
  });
}
