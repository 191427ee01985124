/** The kinds of top-level section an agreement draft is made of. */
export const SECTION_KINDS = ['PREAMBLE', 'VISION', 'FOCUS_AREA', 'PRINCIPLE', 'GOAL', 'OTHER'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

/** Danish names the screens use for each kind. */
export const SECTION_KIND_LABELS: Record<SectionKind, string> = {
  PREAMBLE: 'Indledning',
  VISION: 'Vision',
  FOCUS_AREA: 'Fokusområde',
  PRINCIPLE: 'Princip',
  GOAL: 'Mål',
  OTHER: 'Andet',
};

export const isSectionKind = (value: unknown): value is SectionKind =>
  typeof value === 'string' && (SECTION_KINDS as readonly string[]).includes(value);
