import { formatDanishDate, formatDanishDateTime, isCalendarDate } from '@aftalerum/dates';
import { isSectionKind, JSONContent, SECTION_KIND_LABELS, SectionKind, textOf } from '@aftalerum/editor';

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

/** A top-level node outside any section (the schema does not allow it, but old content may have it). */
export interface LooseBlock {
  type: 'loose';
  node: JSONContent;
}

// ---------------------------------------------------------------------------------------------
// The outline every writer follows: the introduction unnumbered, part headings over each run of
// sections of one kind, a focus area's goals under it, and every heading's number and depth.
// ---------------------------------------------------------------------------------------------

/** The part headings, by kind, as the editor's outline shows them. */
export const PART_LABELS: Record<SectionKind, string> = {
  PREAMBLE: 'Indledning',
  VISION: 'Visioner',
  FOCUS_AREA: 'Fokusområder',
  GOAL: 'Mål',
  PRINCIPLE: 'Principper',
  ANNEX: 'Tillæg',
  OTHER: 'Øvrige',
};

/** 1: a part heading or the introduction; 2: a numbered section; 3: a sub-heading or a focus area's goal; 4: below that. */
export type HeadingDepth = 1 | 2 | 3 | 4;

export interface HeadingPlace {
  depth: HeadingDepth;
  /** '2', '2.1', '2.1.1'; null in the introduction and on part headings. */
  number: string | null;
}

export type OutlineBlock =
  | { type: 'part'; kind: SectionKind; label: string }
  | {
      type: 'section';
      kind: SectionKind;
      kindLabel: string;
      /** Where the section's own heading stands. */
      place: HeadingPlace;
      /** The section's own heading; null when a (malformed) section does not start with one. */
      heading: JSONContent | null;
      body: JSONContent[];
      /** A goal under the focus area before it. */
      underFocusArea: boolean;
    }
  | LooseBlock;

export interface AgreementOutline {
  blocks: OutlineBlock[];
  /** The number and depth of every heading inside a section's body (in lists, quotes and tables too). */
  headings: Map<JSONContent, HeadingPlace>;
}

/** Numbers the headings under one heading: "P.1", "P.2", … one level down, "P.1.1" two levels down. */
class HeadingCounter {
  private sub = 0;
  private subSub = 0;

  constructor(
    private readonly prefix: string | null,
    private readonly depth: HeadingDepth,
  ) {}

  /** The place of a heading of editor level `level` (a level 3 heading before any other counts as one level down). */
  next(level: number): HeadingPlace {
    const down = (by: number): HeadingDepth => Math.min(this.depth + by, 4) as HeadingDepth;
    if (level >= 3 && this.sub > 0) {
      this.subSub += 1;
      return { depth: down(2), number: this.prefix === null ? null : `${this.prefix}.${this.sub}.${this.subSub}` };
    }
    this.sub += 1;
    this.subSub = 0;
    return { depth: down(1), number: this.prefix === null ? null : `${this.prefix}.${this.sub}` };
  }
}

/** Every heading inside `nodes`, depth first in document order, as the writers meet them. */
function headingsIn(nodes: JSONContent[], out: JSONContent[] = []): JSONContent[] {
  for (const node of nodes) {
    if (node.type === 'heading') out.push(node);
    else if (node.content) headingsIn(node.content, out);
  }
  return out;
}

/**
 * The agreement's outline: the introduction (PREAMBLE) as an unnumbered heading; each run of
 * sections of one kind under its part heading (Visioner, Fokusområder, Principper, Tillæg, …),
 * its sections numbered 1, 2, … across the agreement; a goal that follows a focus area (only
 * goals between them) under that focus area, numbered on from its sub-headings ("2.3"); a goal
 * with no focus area before it under the part heading "Mål".
 */
export function agreementOutline(doc: JSONContent): AgreementOutline {
  const blocks: OutlineBlock[] = [];
  const headings = new Map<JSONContent, HeadingPlace>();
  let chapter = 0;
  let partKind: SectionKind | null = null;
  let area: HeadingCounter | null = null;
  for (const node of doc.content ?? []) {
    if (node.type !== 'section') {
      blocks.push({ type: 'loose', node });
      continue;
    }
    const kind: SectionKind = isSectionKind(node.attrs?.kind) ? node.attrs.kind : 'OTHER';
    const [first, ...rest] = node.content ?? [];
    const heading = first?.type === 'heading' ? first : null;
    const body = heading ? rest : (node.content ?? []);
    const underFocusArea = kind === 'GOAL' && area !== null;
    let place: HeadingPlace;
    let counter: HeadingCounter;
    if (kind === 'PREAMBLE') {
      place = { depth: 1, number: null };
      counter = new HeadingCounter(null, 1);
      partKind = null;
      area = null;
    } else if (underFocusArea && area) {
      place = area.next(2);
      counter = new HeadingCounter(place.number, place.depth);
    } else {
      if (partKind !== kind) blocks.push({ type: 'part', kind, label: PART_LABELS[kind] });
      partKind = kind;
      chapter += 1;
      place = { depth: 2, number: String(chapter) };
      counter = new HeadingCounter(place.number, 2);
      area = kind === 'FOCUS_AREA' ? counter : null;
    }
    for (const inner of headingsIn(body)) headings.set(inner, counter.next(Number(inner.attrs?.level ?? 2)));
    blocks.push({ type: 'section', kind, kindLabel: SECTION_KIND_LABELS[kind], place, heading, body, underFocusArea });
  }
  return { blocks, headings };
}

/** A heading's text with its number: '2.1 Ansvar og opfølgning'; a section's: '2. Sammen om …'. */
export function numberedTitle(place: HeadingPlace, title: string, section = false): string {
  if (place.number === null) return title;
  return section && !place.number.includes('.') ? `${place.number}. ${title}` : `${place.number} ${title}`;
}

/** The depth the tables of contents go to (the DOCX's field and the PDF's list): parts, sections, sub-headings and goals. */
export const TABLE_OF_CONTENTS_DEPTH = 3;

export interface TableOfContentsEntry {
  depth: HeadingDepth;
  text: string;
  /** What the entry stands for: the heading node, or the part block. */
  key: object;
}

/** The entries of the table of contents, in order: every heading down to {@link TABLE_OF_CONTENTS_DEPTH}, as the documents set it. */
export function tableOfContents(outline: AgreementOutline): TableOfContentsEntry[] {
  const entries: TableOfContentsEntry[] = [];
  const add = (depth: HeadingDepth, text: string, key: object) => {
    if (depth <= TABLE_OF_CONTENTS_DEPTH) entries.push({ depth, text, key });
  };
  const visit = (nodes: JSONContent[]) => {
    for (const node of headingsIn(nodes)) {
      const place = outline.headings.get(node);
      if (place) add(place.depth, numberedTitle(place, textOf(node)), node);
    }
  };
  for (const block of outline.blocks) {
    if (block.type === 'part') add(1, block.label, block);
    else if (block.type === 'section') {
      add(block.place.depth, numberedTitle(block.place, block.heading ? textOf(block.heading) : '', true), block.heading ?? block);
      visit(block.body);
    }
  }
  return entries;
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
