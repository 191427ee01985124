import { formatDanishDate, formatDanishDateTime, isCalendarDate } from '@aftalerum/dates';
import { isSectionKind, JSONContent, SECTION_KIND_LABELS, SectionKind } from '@aftalerum/editor';

/*
 * The agreement as the writers take it (plain data), and what the DOCX and HTML writers share:
 * links, dates, the title page's facts and the numbering of headings.
 */

/** What the agreement export needs: the agreement's facts and the draft (or a version's) content. */
export interface AgreementDocumentInput {
  /** For example 'Sundhedsaftale 2024–2027 for Region Hovedstaden'. */
  title: string;
  /** For example 'Region Hovedstaden'. */
  regionName: string;
  periodStart: number;
  periodEnd: number;
  /** 'YYYY-MM-DD'. */
  effectiveDate: string;
  /** For example 'Version 3 – Høringsudkast', or null for the live draft. */
  versionLabel: string | null;
  generatedAt: Date;
  doc: JSONContent;
}

// ---------------------------------------------------------------------------------------------
// Shared: text clean-up, links, dates, the title page's facts and the numbering of headings.
// ---------------------------------------------------------------------------------------------

export const LANGUAGE = 'da-DK';
export const WORKING_DRAFT_LABEL = 'Arbejdsudkast';
export const TABLE_OF_CONTENTS_LABEL = 'Indholdsfortegnelse';


export const SAFE_LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The href of a link, normalised, when it is an absolute http(s) or mailto URL; null otherwise. */
export function safeHref(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  return SAFE_LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
}

/** '2024-01-01' as '1. januar 2024'; anything that isn't a real date is shown as given. */
export const danishDate = (isoDate: string): string => (isCalendarDate(isoDate.trim()) ? formatDanishDate(isoDate.trim()) : isoDate);

/** A moment as Danish wall-clock time, e.g. '5. marts 2025 kl. 14.03'. */
export const danishDateTime = (moment: Date): string => (Number.isNaN(moment.getTime()) ? '' : formatDanishDateTime(moment));

export interface TitleFact {
  label: string;
  value: string;
  /** Machine-readable value, for the HTML <time> element. */
  datetime?: string;
}

export function titleFacts(input: AgreementDocumentInput): TitleFact[] {
  const period =
    input.periodStart === input.periodEnd ? String(input.periodStart) : `${input.periodStart}–${input.periodEnd}`;
  const generatedIso = Number.isNaN(input.generatedAt.getTime()) ? undefined : input.generatedAt.toISOString();
  return [
    { label: 'Aftaleperiode', value: period },
    { label: 'Ikrafttræden', value: danishDate(input.effectiveDate), datetime: input.effectiveDate },
    { label: 'Version', value: versionText(input) },
    { label: 'Genereret', value: danishDateTime(input.generatedAt), datetime: generatedIso },
  ];
}

export const versionText = (input: AgreementDocumentInput): string =>
  input.versionLabel !== null && input.versionLabel.trim() !== '' ? input.versionLabel : WORKING_DRAFT_LABEL;

export interface NumberedSection {
  type: 'section';
  /** 1, 2, … in document order. */
  number: number;
  kind: SectionKind;
  kindLabel: string;
  /** The section's own heading; null when a (malformed) section does not start with one. */
  heading: JSONContent | null;
  body: JSONContent[];
}

/** A top-level node outside any section (the schema does not allow it, but old content may have it). */
export interface LooseBlock {
  type: 'loose';
  node: JSONContent;
}

/** The document's top-level parts in order, sections numbered from 1. */
export function partsOf(doc: JSONContent): Array<NumberedSection | LooseBlock> {
  let number = 0;
  return (doc.content ?? []).map((node): NumberedSection | LooseBlock => {
    if (node.type !== 'section') return { type: 'loose', node };
    number += 1;
    const kindAttribute = node.attrs?.kind;
    const kind: SectionKind = isSectionKind(kindAttribute) ? kindAttribute : 'OTHER';
    const [first, ...rest] = node.content ?? [];
    const startsWithHeading = first?.type === 'heading';
    return {
      type: 'section',
      number,
      kind,
      kindLabel: SECTION_KIND_LABELS[kind],
      heading: startsWithHeading ? first : null,
      body: startsWithHeading ? rest : (node.content ?? []),
    };
  });
}

export interface SubHeading {
  /** 2 or 3: the section heading is level 1. */
  depth: 2 | 3;
  /** '1.2' or '1.2.1'; null outside a section. */
  number: string | null;
}

/**
 * Numbers the headings inside one section: level 1–2 headings are "N.1", "N.2", …, level 3
 * headings under one of them "N.1.1", … (a level 3 heading before any other counts as level 2).
 */
export class SubHeadingNumbers {
  private sub = 0;
  private subSub = 0;

  constructor(private readonly section: number | null) {}

  next(heading: JSONContent): SubHeading {
    const level = Number(heading.attrs?.level ?? 2);
    if (this.section === null) return { depth: level >= 3 ? 3 : 2, number: null };
    if (level >= 3 && this.sub > 0) {
      this.subSub += 1;
      return { depth: 3, number: `${this.section}.${this.sub}.${this.subSub}` };
    }
    this.sub += 1;
    this.subSub = 0;
    return { depth: 2, number: `${this.section}.${this.sub}` };
  }
}

export type Mark = NonNullable<JSONContent['marks']>[number];

export const hasMark = (node: JSONContent, type: string): boolean => (node.marks ?? []).some((mark) => mark.type === type);
export const linkMark = (node: JSONContent): Mark | undefined => (node.marks ?? []).find((mark) => mark.type === 'link');

export interface InlineGroup {
  /** The safe href of the link the nodes share; null when they are not linked or the link is unsafe. */
  href: string | null;
  nodes: JSONContent[];
}

/** Consecutive inline nodes grouped by the link they are in, so a link with mixed formatting stays one link. */
export function groupByLink(nodes: JSONContent[]): InlineGroup[] {
  const groups: Array<InlineGroup & { raw: unknown }> = [];
  for (const node of nodes) {
    const raw = linkMark(node)?.attrs?.href ?? null;
    const last = groups[groups.length - 1];
    if (last && last.raw === raw) last.nodes.push(node);
    else groups.push({ raw, href: raw === null ? null : safeHref(raw), nodes: [node] });
  }
  return groups.map(({ href, nodes: groupNodes }) => ({ href, nodes: groupNodes }));
}

export const positiveInteger = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback;
