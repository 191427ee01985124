import { JSONContent, SECTION_KINDS, SectionKind } from '@aftalerum/editor';
import { randomUUID } from 'node:crypto';
import { FOCUS_AREAS, PRINCIPLES, VISIONS } from '../agreements/draft-template';
import { badInput } from '../common/domain-error';
import { ImportedDocx, ImportedHeading } from './docx-reader';

/** A heading that stays inside the section above it instead of starting one. */
export const SUBHEADING = 'SUBHEADING';

/** What a person may choose for each heading: a section of a kind, or a subheading. */
export const IMPORT_KINDS = [...SECTION_KINDS, SUBHEADING] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const isImportKind = (value: unknown): value is ImportKind =>
  typeof value === 'string' && (IMPORT_KINDS as readonly string[]).includes(value);

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/^(\d+[.)]?)+\s*/, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();

const KNOWN = new Map<string, SectionKind>([
  ...VISIONS.map((title): [string, SectionKind] => [normalise(title), 'VISION']),
  ...FOCUS_AREAS.map((title): [string, SectionKind] => [normalise(title), 'FOCUS_AREA']),
  ...PRINCIPLES.map((title): [string, SectionKind] => [normalise(title), 'PRINCIPLE']),
]);

/** The kind a heading's words suggest (from the framework paper's names and common titles). */
function kindFromWords(text: string): SectionKind | null {
  const words = normalise(text);
  const known = KNOWN.get(words);
  if (known) return known;
  if (/^(indledning|forord|baggrund|formål|om (denne |)sundhedsaftale)/.test(words)) return 'PREAMBLE';
  if (/vision|populationsansvar/.test(words)) return 'VISION';
  if (/fokusområde|^sammen om /.test(words)) return 'FOCUS_AREA';
  if (/princip/.test(words)) return 'PRINCIPLE';
  if (/^mål\b|målsætning/.test(words)) return 'GOAL';
  return null;
}

/**
 * A first guess for each heading, for the person to confirm: what an Aftalerum export says;
 * else, for the top-level headings, the kind their words suggest (the first one, if nothing
 * else, is the introduction); deeper headings stay subheadings, unless they name a focus area
 * or a principle of the framework paper.
 */
export function suggestKinds(headings: ImportedHeading[]): ImportKind[] {
  if (headings.some((heading) => heading.declaredKind)) {
    return headings.map((heading) => heading.declaredKind ?? SUBHEADING);
  }
  const top = Math.min(...headings.map((heading) => heading.level));
  return headings.map((heading, i) => {
    const byWords = kindFromWords(heading.text);
    if (heading.level === top) return byWords ?? (i === 0 ? 'PREAMBLE' : 'OTHER');
    if (byWords === 'FOCUS_AREA' || byWords === 'PRINCIPLE') return byWords;
    return SUBHEADING;
  });
}

const withLevel = (heading: JSONContent, level: number): JSONContent => ({ ...heading, attrs: { ...heading.attrs, level } });

/**
 * The draft: one section per heading chosen as a section, holding that heading (as level 1)
 * and everything up to the next one; subheadings keep their depth below it. Text before the
 * first section becomes an introduction titled `introTitle`.
 */
export function buildDraft(imported: ImportedDocx, kinds: readonly ImportKind[], introTitle: string): JSONContent {
  if (kinds.length !== imported.headings.length) {
    throw badInput('Afsnitsinddelingen passer ikke til dokumentet. Indlæs filen igen, og vælg afsnittene på ny.');
  }
  const headingAt = new Map(imported.headings.map((heading) => [heading.blockIndex, heading]));
  const baseLevel = imported.headings.length > 0 ? Math.min(...imported.headings.map((h) => h.level)) : 1;
  const sections: JSONContent[] = [];
  let current: { content: JSONContent[]; level: number } | null = null;
  const open = (kind: SectionKind, heading: JSONContent, level: number) => {
    const content = [heading];
    sections.push({ type: 'section', attrs: { kind, blockId: randomUUID() }, content });
    current = { content, level };
    return current;
  };

  imported.blocks.forEach((block, i) => {
    const heading = headingAt.get(i);
    const kind = heading ? kinds[heading.index] : null;
    if (heading && kind && kind !== SUBHEADING) {
      open(kind, withLevel(block, 1), heading.level);
      return;
    }
    const section =
      current ??
      open('PREAMBLE', { type: 'heading', attrs: { blockId: randomUUID(), level: 1 }, content: [{ type: 'text', text: introTitle }] }, baseLevel);
    section.content.push(heading ? withLevel(block, Math.min(6, Math.max(2, heading.level - section.level + 1))) : block);
  });
  if (sections.length === 0) {
    open('PREAMBLE', { type: 'heading', attrs: { blockId: randomUUID(), level: 1 }, content: [{ type: 'text', text: introTitle }] }, 1);
  }
  return { type: 'doc', content: sections };
}
