import { formatDanishDate, formatDanishDateTime, isCalendarDate } from '@aftalerum/dates';
import { isSectionKind, JSONContent, SECTION_KIND_LABELS, SectionKind, textOf } from '@aftalerum/editor';
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  INumberingOptions,
  IParagraphOptions,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  VerticalAlignSection,
  WidthType,
} from 'docx';
import { xmlSafe } from '../documents/safe-text';

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

const LANGUAGE = 'da-DK';
const WORKING_DRAFT_LABEL = 'Arbejdsudkast';
const TABLE_OF_CONTENTS_LABEL = 'Indholdsfortegnelse';


const SAFE_LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The href of a link, normalised, when it is an absolute http(s) or mailto URL; null otherwise. */
function safeHref(value: unknown): string | null {
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
const danishDate = (isoDate: string): string => (isCalendarDate(isoDate.trim()) ? formatDanishDate(isoDate.trim()) : isoDate);

/** A moment as Danish wall-clock time, e.g. '5. marts 2025 kl. 14.03'. */
const danishDateTime = (moment: Date): string => (Number.isNaN(moment.getTime()) ? '' : formatDanishDateTime(moment));

interface TitleFact {
  label: string;
  value: string;
  /** Machine-readable value, for the HTML <time> element. */
  datetime?: string;
}

function titleFacts(input: AgreementDocumentInput): TitleFact[] {
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

const versionText = (input: AgreementDocumentInput): string =>
  input.versionLabel !== null && input.versionLabel.trim() !== '' ? input.versionLabel : WORKING_DRAFT_LABEL;

interface NumberedSection {
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
interface LooseBlock {
  type: 'loose';
  node: JSONContent;
}

/** The document's top-level parts in order, sections numbered from 1. */
function partsOf(doc: JSONContent): Array<NumberedSection | LooseBlock> {
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

interface SubHeading {
  /** 2 or 3: the section heading is level 1. */
  depth: 2 | 3;
  /** '1.2' or '1.2.1'; null outside a section. */
  number: string | null;
}

/**
 * Numbers the headings inside one section: level 1–2 headings are "N.1", "N.2", …, level 3
 * headings under one of them "N.1.1", … (a level 3 heading before any other counts as level 2).
 */
class SubHeadingNumbers {
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

type Mark = NonNullable<JSONContent['marks']>[number];

const hasMark = (node: JSONContent, type: string): boolean => (node.marks ?? []).some((mark) => mark.type === type);
const linkMark = (node: JSONContent): Mark | undefined => (node.marks ?? []).find((mark) => mark.type === 'link');

interface InlineGroup {
  /** The safe href of the link the nodes share; null when they are not linked or the link is unsafe. */
  href: string | null;
  nodes: JSONContent[];
}

/** Consecutive inline nodes grouped by the link they are in, so a link with mixed formatting stays one link. */
function groupByLink(nodes: JSONContent[]): InlineGroup[] {
  const groups: Array<InlineGroup & { raw: unknown }> = [];
  for (const node of nodes) {
    const raw = linkMark(node)?.attrs?.href ?? null;
    const last = groups[groups.length - 1];
    if (last && last.raw === raw) last.nodes.push(node);
    else groups.push({ raw, href: raw === null ? null : safeHref(raw), nodes: [node] });
  }
  return groups.map(({ href, nodes: groupNodes }) => ({ href, nodes: groupNodes }));
}

const positiveInteger = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback;

// ---------------------------------------------------------------------------------------------
// DOCX
// ---------------------------------------------------------------------------------------------

const BODY_FONT = 'Cambria';
const HEADING_FONT = 'Calibri';
const CODE_FONT = 'Consolas';
const ACCENT_COLOR = '1F3864';
const MUTED_COLOR = '595959';
const SECTION_KIND_STYLE = 'SectionKind';
const TOC_HEADING_STYLE = 'TOCHeading';
const QUOTE_INDENT = 567;
const LIST_INDENT = 720;
const LIST_HANGING = 360;
const MAX_LIST_LEVEL = 8;

type DocxBlock = Paragraph | Table;
type NumberingConfig = INumberingOptions['config'][number];

interface RunFormat {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  strike?: boolean;
  code?: boolean;
  link?: boolean;
}

interface DocxBlockOptions {
  /** Nesting depth of lists the block is in (0 outside lists). */
  listDepth: number;
  /** Nesting depth of block quotes. */
  quoteDepth: number;
  /** Extra left indent (twips) for blocks that continue a list item. */
  indent: number;
  /** Table header cells: their text is bold. */
  bold: boolean;
}

const TOP_LEVEL: DocxBlockOptions = { listDepth: 0, quoteDepth: 0, indent: 0, bold: false };

const BULLETS = ['•', '◦', '▪'];
const ORDERED_FORMATS = [
  { format: LevelFormat.DECIMAL, suffix: '.' },
  { format: LevelFormat.LOWER_LETTER, suffix: ')' },
  { format: LevelFormat.LOWER_ROMAN, suffix: '.' },
];

/** The list definitions the document uses, and a fresh instance for every list, so each one counts from its start. */
class DocxNumbering {
  private readonly configs = new Map<string, NumberingConfig>();
  private instances = 0;

  bullet(): string {
    return this.define('bullet', (level) => ({
      level,
      format: LevelFormat.BULLET,
      text: BULLETS[level % BULLETS.length],
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: LIST_INDENT * (level + 1), hanging: LIST_HANGING } } },
    }));
  }

  ordered(start: number): string {
    return this.define(start === 1 ? 'ordered' : `ordered-from-${start}`, (level) => {
      const { format, suffix } = ORDERED_FORMATS[level % ORDERED_FORMATS.length];
      return {
        level,
        format,
        text: `%${level + 1}${suffix}`,
        start: level === 0 ? start : 1,
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: { left: LIST_INDENT * (level + 1), hanging: LIST_HANGING } } },
      };
    });
  }

  nextInstance(): number {
    this.instances += 1;
    return this.instances;
  }

  options(): INumberingOptions {
    return { config: [...this.configs.values()] };
  }

  private define(reference: string, level: (index: number) => NumberingConfig['levels'][number]): string {
    if (!this.configs.has(reference)) {
      this.configs.set(reference, {
        reference,
        levels: Array.from({ length: MAX_LIST_LEVEL + 1 }, (_, index) => level(index)),
      });
    }
    return reference;
  }
}

const textRun = (text: string, format: RunFormat, breakBefore = false): TextRun =>
  new TextRun({
    text,
    break: breakBefore ? 1 : undefined,
    bold: format.bold || undefined,
    italics: format.italics || undefined,
    underline: format.underline ? {} : undefined,
    strike: format.strike || undefined,
    font: format.code ? CODE_FONT : undefined,
    style: format.link ? 'Hyperlink' : undefined,
    language: { value: LANGUAGE },
  });

/** A text with line breaks as runs, a break before every line but the first. */
const textRuns = (text: string, format: RunFormat): TextRun[] =>
  text.split('\n').map((line, index) => textRun(line, format, index > 0));

function docxInlineNode(node: JSONContent, base: RunFormat): TextRun[] {
  if (node.type === 'hardBreak') return [new TextRun({ break: 1 })];
  if (node.type !== 'text') return textRuns(textOf(node), base);
  const format: RunFormat = {
    ...base,
    bold: base.bold || hasMark(node, 'bold'),
    italics: base.italics || hasMark(node, 'italic'),
    underline: base.underline || hasMark(node, 'underline'),
    strike: base.strike || hasMark(node, 'strike'),
    code: base.code || hasMark(node, 'code'),
  };
  return textRuns(node.text ?? '', format);
}

function docxInline(nodes: JSONContent[] | undefined, base: RunFormat): ParagraphChild[] {
  return groupByLink(nodes ?? []).flatMap((group): ParagraphChild[] => {
    if (group.href === null) return group.nodes.flatMap((node) => docxInlineNode(node, base));
    const children = group.nodes.flatMap((node) => docxInlineNode(node, { ...base, link: true }));
    return [new ExternalHyperlink({ link: group.href, children })];
  });
}

/** Paragraph properties for a block inside quotes or continuing a list item. */
function blockLayout(options: DocxBlockOptions): Pick<IParagraphOptions, 'indent' | 'border'> {
  const left = options.indent + options.quoteDepth * QUOTE_INDENT;
  return {
    indent: left > 0 ? { left } : undefined,
    border:
      options.quoteDepth > 0
        ? { left: { style: BorderStyle.SINGLE, size: 12, color: 'A6A6A6', space: 8 } }
        : undefined,
  };
}

class DocxRenderer {
  readonly numbering = new DocxNumbering();

  section(section: NumberedSection): DocxBlock[] {
    const headings = new SubHeadingNumbers(section.number);
    return [
      new Paragraph({
        style: SECTION_KIND_STYLE,
        pageBreakBefore: section.number === 1,
        children: [textRun(section.kindLabel, {})],
      }),
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        children: [textRun(`${section.number}. `, {}), ...docxInline(section.heading?.content, {})],
      }),
      ...this.blocks(section.body, headings, TOP_LEVEL),
    ];
  }

  blocks(nodes: JSONContent[], headings: SubHeadingNumbers, options: DocxBlockOptions): DocxBlock[] {
    return nodes.flatMap((node) => this.block(node, headings, options));
  }

  private block(node: JSONContent, headings: SubHeadingNumbers, options: DocxBlockOptions): DocxBlock[] {
    const base: RunFormat = { bold: options.bold };
    switch (node.type) {
      case 'paragraph':
        return [new Paragraph({ ...blockLayout(options), children: docxInline(node.content, base) })];
      case 'heading': {
        const { depth, number } = headings.next(node);
        return [
          new Paragraph({
            heading: depth === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
            ...blockLayout(options),
            children: [...(number ? [textRun(`${number} `, {})] : []), ...docxInline(node.content, {})],
          }),
        ];
      }
      case 'bulletList':
      case 'orderedList':
        return this.list(node, headings, options);
      case 'listItem':
        // A list item outside a list: as an item of a bullet list of its own.
        return this.list({ type: 'bulletList', content: [node] }, headings, options);
      case 'blockquote':
        return this.blocks(node.content ?? [], headings, { ...options, quoteDepth: options.quoteDepth + 1 });
      case 'table': {
        const table = this.table(node, headings);
        return table ? [table] : [];
      }
      case 'horizontalRule':
        return [
          new Paragraph({
            border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'A6A6A6', space: 1 } },
            children: [],
          }),
        ];
      case 'codeBlock':
        return [
          new Paragraph({
            ...blockLayout(options),
            shading: { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' },
            children: textRuns(textOf(node), { code: true }),
          }),
        ];
      case 'text':
      case 'hardBreak':
        return [new Paragraph({ ...blockLayout(options), children: docxInline([node], base) })];
      default: {
        // A node type this renderer does not know: keep its text.
        const text = textOf(node);
        return text.trim() === ''
          ? []
          : [new Paragraph({ ...blockLayout(options), children: textRuns(text, base) })];
      }
    }
  }

  private list(list: JSONContent, headings: SubHeadingNumbers, options: DocxBlockOptions): DocxBlock[] {
    const level = Math.min(options.listDepth, MAX_LIST_LEVEL);
    const reference =
      list.type === 'orderedList'
        ? this.numbering.ordered(positiveInteger(list.attrs?.start, 1))
        : this.numbering.bullet();
    const instance = this.numbering.nextInstance();
    const inner: DocxBlockOptions = { ...options, listDepth: level + 1, indent: LIST_INDENT * (level + 1) };
    return (list.content ?? []).flatMap((item) => {
      if (item.type !== 'listItem') return this.block(item, headings, inner);
      const [first, ...rest] = item.content ?? [];
      const numbered = new Paragraph({
        numbering: { reference, level, instance },
        children: first && first.type === 'paragraph' ? docxInline(first.content, { bold: options.bold }) : [],
      });
      const following = first && first.type === 'paragraph' ? rest : (item.content ?? []);
      return [numbered, ...following.flatMap((child) => this.block(child, headings, inner))];
    });
  }

  private table(table: JSONContent, headings: SubHeadingNumbers): Table | null {
    let leadingHeaderRows = true;
    const rows = (table.content ?? [])
      .filter((row) => row.type === 'tableRow')
      .map((row) => {
        const cells = (row.content ?? []).filter((cell) => cell.type === 'tableCell' || cell.type === 'tableHeader');
        if (cells.length === 0) return null;
        const headerRow = leadingHeaderRows && cells.every((cell) => cell.type === 'tableHeader');
        leadingHeaderRows = headerRow;
        return new TableRow({
          tableHeader: headerRow || undefined,
          cantSplit: true,
          children: cells.map((cell) => {
            const header = cell.type === 'tableHeader';
            const children = this.blocks(cell.content ?? [], headings, { ...TOP_LEVEL, bold: header });
            // Word needs every cell to end with a paragraph.
            if (!(children[children.length - 1] instanceof Paragraph)) children.push(new Paragraph({ children: [] }));
            return new TableCell({
              children,
              columnSpan: positiveInteger(cell.attrs?.colspan, 1),
              rowSpan: positiveInteger(cell.attrs?.rowspan, 1),
              shading: header ? { type: ShadingType.CLEAR, fill: 'D9E2F3', color: 'auto' } : undefined,
            });
          }),
        });
      })
      .filter((row): row is TableRow => row !== null);
    return rows.length === 0 ? null : new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
  }
}

function docxTitlePage(input: AgreementDocumentInput): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [textRun(input.title, {})] }),
    new Paragraph({
      spacing: { after: 480 },
      children: [new TextRun({ text: input.regionName, size: 32, color: ACCENT_COLOR, language: { value: LANGUAGE } })],
    }),
    ...titleFacts(input).map(
      (fact) =>
        new Paragraph({
          spacing: { after: 80 },
          children: [textRun(`${fact.label}: `, { bold: true }), textRun(fact.value, {})],
        }),
    ),
  ];
}

/** The agreement as a Word document: title page, table of contents and the numbered sections. */
export async function renderAgreementDocx(given: AgreementDocumentInput): Promise<Buffer> {
  // People's text enters here: characters XML 1.0 does not allow would make Word call the file damaged.
  const input = xmlSafe(given);
  const renderer = new DocxRenderer();
  const loose = new SubHeadingNumbers(null);
  const body = partsOf(input.doc).flatMap((part) =>
    part.type === 'section' ? renderer.section(part) : renderer.blocks([part.node], loose, TOP_LEVEL),
  );
  const page = {
    size: { width: 11906, height: 16838 },
    margin: { top: 1417, right: 1134, bottom: 1417, left: 1134 },
  };
  const document = new Document({
    title: input.title,
    subject: `${input.regionName}, ${input.periodStart}–${input.periodEnd}`,
    description: versionText(input),
    creator: 'Aftalerum',
    lastModifiedBy: 'Aftalerum',
    // Word offers to update the table of contents (its page numbers) when the document is opened.
    features: { updateFields: true },
    numbering: renderer.numbering.options(),
    styles: {
      default: {
        document: {
          run: { font: BODY_FONT, size: 22, language: { value: LANGUAGE } },
          paragraph: { spacing: { after: 120, line: 276 } },
        },
        title: { run: { font: HEADING_FONT, size: 56, bold: true, color: ACCENT_COLOR }, paragraph: { spacing: { after: 240 } } },
        heading1: {
          run: { font: HEADING_FONT, size: 32, bold: true, color: ACCENT_COLOR },
          paragraph: { spacing: { before: 60, after: 160 }, keepNext: true, keepLines: true },
        },
        heading2: {
          run: { font: HEADING_FONT, size: 26, bold: true, color: ACCENT_COLOR },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true },
        },
        heading3: {
          run: { font: HEADING_FONT, size: 23, bold: true, color: '404040' },
          paragraph: { spacing: { before: 200, after: 80 }, keepNext: true, keepLines: true },
        },
        hyperlink: { run: { color: '0563C1', underline: {} } },
      },
      paragraphStyles: [
        {
          id: SECTION_KIND_STYLE,
          name: 'Section Kind',
          basedOn: 'Normal',
          next: 'Heading1',
          quickFormat: true,
          run: { font: HEADING_FONT, size: 17, allCaps: true, color: MUTED_COLOR, characterSpacing: 20 },
          paragraph: { spacing: { before: 480, after: 0 }, keepNext: true },
        },
        {
          id: TOC_HEADING_STYLE,
          name: 'TOC Heading',
          basedOn: 'Normal',
          next: 'Normal',
          run: { font: HEADING_FONT, size: 32, bold: true, color: ACCENT_COLOR },
          paragraph: { spacing: { after: 240 } },
        },
      ],
    },
    sections: [
      {
        properties: { page, verticalAlign: VerticalAlignSection.CENTER },
        children: docxTitlePage(input),
      },
      {
        properties: { page },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: [`${input.title} · side `, PageNumber.CURRENT],
                    size: 16,
                    color: MUTED_COLOR,
                    language: { value: LANGUAGE },
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ style: TOC_HEADING_STYLE, children: [textRun(TABLE_OF_CONTENTS_LABEL, {})] }),
          new TableOfContents(TABLE_OF_CONTENTS_LABEL, { hyperlink: true, headingStyleRange: '1-3' }),
          ...body,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

// ---------------------------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------------------------

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or attribute value, escaped for HTML. */
const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);

/** Escaped text with its line breaks kept. */
const escapeLines = (value: string): string => escapeHtml(value).replace(/\n/g, '<br>');

const HTML_MARKS: Array<[mark: string, tag: string]> = [
  ['code', 'code'],
  ['strike', 's'],
  ['underline', 'u'],
  ['italic', 'em'],
  ['bold', 'strong'],
];

function htmlInlineNode(node: JSONContent): string {
  if (node.type === 'hardBreak') return '<br>';
  if (node.type !== 'text') return escapeLines(textOf(node));
  return HTML_MARKS.reduce(
    (html, [mark, tag]) => (hasMark(node, mark) ? `<${tag}>${html}</${tag}>` : html),
    escapeLines(node.text ?? ''),
  );
}

function htmlInline(nodes: JSONContent[] | undefined): string {
  return groupByLink(nodes ?? [])
    .map((group) => {
      const inner = group.nodes.map(htmlInlineNode).join('');
      return group.href === null ? inner : `<a href="${escapeHtml(group.href)}" rel="noopener noreferrer">${inner}</a>`;
    })
    .join('');
}

const spanAttributes = (cell: JSONContent): string => {
  const colspan = positiveInteger(cell.attrs?.colspan, 1);
  const rowspan = positiveInteger(cell.attrs?.rowspan, 1);
  return `${colspan > 1 ? ` colspan="${colspan}"` : ''}${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}`;
};

class HtmlRenderer {
  section(section: NumberedSection): string {
    const headings = new SubHeadingNumbers(section.number);
    return [
      `<section class="agreement-section" id="afsnit-${section.number}" data-kind="${escapeHtml(section.kind)}">`,
      `<p class="section-kind">${escapeHtml(section.kindLabel)}</p>`,
      `<h1><span class="heading-number">${section.number}.</span> ${htmlInline(section.heading?.content)}</h1>`,
      this.blocks(section.body, headings),
      '</section>',
    ].join('\n');
  }

  blocks(nodes: JSONContent[], headings: SubHeadingNumbers): string {
    return nodes.map((node) => this.block(node, headings)).join('\n');
  }

  private block(node: JSONContent, headings: SubHeadingNumbers): string {
    switch (node.type) {
      case 'paragraph':
        return `<p>${htmlInline(node.content)}</p>`;
      case 'heading': {
        const { depth, number } = headings.next(node);
        const id = number ? ` id="afsnit-${number.replace(/\./g, '-')}"` : '';
        const prefix = number ? `<span class="heading-number">${number}</span> ` : '';
        return `<h${depth}${id}>${prefix}${htmlInline(node.content)}</h${depth}>`;
      }
      case 'bulletList':
        return `<ul>\n${this.listItems(node, headings)}\n</ul>`;
      case 'orderedList': {
        const start = positiveInteger(node.attrs?.start, 1);
        return `<ol${start === 1 ? '' : ` start="${start}"`}>\n${this.listItems(node, headings)}\n</ol>`;
      }
      case 'listItem':
        return `<ul>\n${this.listItems({ type: 'bulletList', content: [node] }, headings)}\n</ul>`;
      case 'blockquote':
        return `<blockquote>\n${this.blocks(node.content ?? [], headings)}\n</blockquote>`;
      case 'table':
        return this.table(node, headings);
      case 'horizontalRule':
        return '<hr>';
      case 'codeBlock':
        return `<pre><code>${escapeHtml(textOf(node))}</code></pre>`;
      case 'text':
      case 'hardBreak':
        return `<p>${htmlInline([node])}</p>`;
      default: {
        // A node type this renderer does not know: keep its text.
        const text = textOf(node);
        return text.trim() === '' ? '' : `<p class="unknown-block">${escapeLines(text)}</p>`;
      }
    }
  }

  private listItems(list: JSONContent, headings: SubHeadingNumbers): string {
    return (list.content ?? [])
      .map((item) =>
        item.type === 'listItem'
          ? `<li>${this.blocks(item.content ?? [], headings)}</li>`
          : `<li>${this.block(item, headings)}</li>`,
      )
      .join('\n');
  }

  private table(table: JSONContent, headings: SubHeadingNumbers): string {
    const rows = (table.content ?? []).filter((row) => row.type === 'tableRow');
    const cellsOf = (row: JSONContent) =>
      (row.content ?? []).filter((cell) => cell.type === 'tableCell' || cell.type === 'tableHeader');
    let headerRows = 0;
    while (headerRows < rows.length) {
      const cells = cellsOf(rows[headerRows]);
      if (cells.length === 0 || !cells.every((cell) => cell.type === 'tableHeader')) break;
      headerRows += 1;
    }
    const renderRow = (row: JSONContent, inHead: boolean) => {
      const cells = cellsOf(row).map((cell) => {
        const tag = cell.type === 'tableHeader' ? 'th' : 'td';
        const scope = tag === 'th' ? ` scope="${inHead ? 'col' : 'row'}"` : '';
        // A cell of one paragraph needs no <p> of its own.
        const content = cell.content ?? [];
        const inner =
          content.length === 1 && content[0].type === 'paragraph'
            ? htmlInline(content[0].content)
            : this.blocks(content, headings);
        return `<${tag}${scope}${spanAttributes(cell)}>${inner}</${tag}>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    };
    const head = rows.slice(0, headerRows).map((row) => renderRow(row, true));
    const body = rows.slice(headerRows).map((row) => renderRow(row, false));
    return [
      '<table>',
      ...(head.length ? ['<thead>', ...head, '</thead>'] : []),
      ...(body.length ? ['<tbody>', ...body, '</tbody>'] : []),
      '</table>',
    ].join('\n');
  }
}

const HTML_STYLE = `
@page { size: A4; margin: 25mm 20mm 25mm 20mm; @bottom-center { content: counter(page); font: 9pt Arial, sans-serif; color: #595959; } }
@page :first { @bottom-center { content: none; } }
html { font-family: Georgia, 'Times New Roman', Times, serif; font-size: 11pt; line-height: 1.5; color: #1a1a1a; }
body { margin: 0; }
@media screen { body { max-width: 170mm; margin: 0 auto; padding: 2rem 1.5rem; } }
h1, h2, h3, .section-kind, .title-page, .facts dt, th { font-family: 'Helvetica Neue', Helvetica, Arial, sans-serif; }
h1, h2, h3 { color: #1f3864; line-height: 1.25; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 17pt; margin: 0 0 0.6em; }
h2 { font-size: 13.5pt; margin: 1.4em 0 0.5em; }
h3 { font-size: 11.5pt; margin: 1.2em 0 0.4em; color: #404040; }
.heading-number { margin-right: 0.25em; }
.title-page { min-height: 230mm; display: flex; flex-direction: column; justify-content: center; break-after: page; page-break-after: always; }
.document-title { font-size: 28pt; font-weight: bold; line-height: 1.15; color: #1f3864; margin: 0 0 0.4em; }
.region { font-size: 16pt; color: #1f3864; margin: 0 0 2em; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.3em 1.5em; margin: 0; }
.facts dt { font-weight: bold; }
.facts dd { margin: 0; }
.agreement-section { margin-top: 2.2em; }
.section-kind { font-size: 8.5pt; letter-spacing: 0.08em; text-transform: uppercase; color: #595959; margin: 0 0 0.2em; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 0.6em; orphans: 3; widows: 3; }
ul, ol { margin: 0 0 0.6em; padding-left: 1.6em; }
li > p { margin: 0.15em 0; }
li ol { list-style-type: lower-alpha; }
li li ol { list-style-type: lower-roman; }
li li li ol { list-style-type: decimal; }
blockquote { margin: 0 0 0.8em; padding-left: 1em; border-left: 3px solid #a6a6a6; color: #333; }
table { width: 100%; border-collapse: collapse; margin: 0.6em 0 1em; font-size: 10pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #8c8c8c; padding: 4pt 6pt; text-align: left; vertical-align: top; }
th { background: #d9e2f3; }
td p, th p { margin: 0; }
code, pre { font-family: Consolas, 'Courier New', monospace; font-size: 0.92em; }
pre { background: #f2f2f2; padding: 0.6em; white-space: pre-wrap; }
hr { border: 0; border-top: 1px solid #a6a6a6; margin: 1.4em 0; }
a { color: #0563c1; }
@media print { a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 8.5pt; color: #595959; word-break: break-all; } }
`;

function htmlTitlePage(input: AgreementDocumentInput): string {
  const facts = titleFacts(input)
    .map((fact) => {
      const value = fact.datetime
        ? `<time datetime="${escapeHtml(fact.datetime)}">${escapeHtml(fact.value)}</time>`
        : escapeHtml(fact.value);
      return `<dt>${escapeHtml(fact.label)}</dt><dd>${value}</dd>`;
    })
    .join('\n');
  return [
    '<header class="title-page">',
    `<p class="document-title">${escapeHtml(input.title)}</p>`,
    `<p class="region">${escapeHtml(input.regionName)}</p>`,
    `<dl class="facts">\n${facts}\n</dl>`,
    '</header>',
  ].join('\n');
}

/** The agreement as a complete, print-ready HTML page (A4): title page and the numbered sections. */
export function renderAgreementHtml(given: AgreementDocumentInput): string {
  // The same clean text as the DOCX: control characters are parse errors in HTML too.
  const input = xmlSafe(given);
  const renderer = new HtmlRenderer();
  const loose = new SubHeadingNumbers(null);
  const body = partsOf(input.doc)
    .map((part) => (part.type === 'section' ? renderer.section(part) : renderer.blocks([part.node], loose)))
    .join('\n');
  return [
    '<!doctype html>',
    '<html lang="da">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Aftalerum">',
    `<title>${escapeHtml(input.title)}</title>`,
    `<style>${HTML_STYLE}</style>`,
    '</head>',
    '<body>',
    htmlTitlePage(input),
    '<main>',
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
