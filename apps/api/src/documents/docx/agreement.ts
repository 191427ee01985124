import { JSONContent, textOf } from '@aftalerum/editor';
import {
  AlignmentType,
  Bookmark,
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
import { xmlSafe } from '../safe-text';
import {
  AgreementDocumentInput,
  agreementOutline,
  groupByLink,
  HeadingDepth,
  HeadingPlace,
  hasMark,
  LANGUAGE,
  numberedTitle,
  OutlineBlock,
  positiveInteger,
  TABLE_OF_CONTENTS_DEPTH,
  TABLE_OF_CONTENTS_LABEL,
  titleFacts,
  versionText,
} from '../agreement';

const BODY_FONT = 'Cambria';
const HEADING_FONT = 'Calibri';
const CODE_FONT = 'Consolas';
const ACCENT_COLOR = '1F3864';
const MUTED_COLOR = '595959';
const SECTION_KIND_STYLE = 'SectionKind';
/** Part headings (Visioner, Fokusområder, …): outline level 1 like Heading 1, a style of their own so an import of the export skips them. */
const PART_HEADING_STYLE = 'PartHeading';
const HEADING_LEVELS: Record<HeadingDepth, (typeof HeadingLevel)[keyof typeof HeadingLevel]> = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
};
/** Where a heading inside a section stands; a heading outside any section is one level below a part. */
type Headings = (heading: JSONContent) => HeadingPlace;
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

/**
 * The name of the bookmark that carries a block's id through Word: Word and LibreOffice keep
 * bookmarks when a document is edited and saved, so changes made there find their paragraph
 * again. Bookmark names are letters, digits and underscores (at most 40), hence `-` → `_`.
 */
export const blockBookmarkName = (blockId: string): string | null =>
  /^[A-Za-z0-9-]{1,38}$/.test(blockId) ? `b_${blockId.replace(/-/g, '_')}` : null;

/** A block's runs inside the bookmark naming its block id (when it has a usable one). */
function withBlockId(node: JSONContent | null | undefined, children: ParagraphChild[]): ParagraphChild[] {
  const blockId = node?.attrs?.blockId;
  const name = typeof blockId === 'string' ? blockBookmarkName(blockId) : null;
  return name ? [new Bookmark({ id: name, children })] : children;
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

  /** A part heading (Visioner, Fokusområder, …) or a section: its kind label, then its heading, numbered, and its body. */
  outlineBlock(block: OutlineBlock, headings: Headings, first: boolean): DocxBlock[] {
    if (block.type === 'loose') return this.blocks([block.node], headings, TOP_LEVEL);
    if (block.type === 'part') {
      return [new Paragraph({ style: PART_HEADING_STYLE, pageBreakBefore: first, children: [textRun(block.label, {})] })];
    }
    const number = block.place.number === null ? [] : [textRun(numberedTitle(block.place, '', true), {})];
    return [
      new Paragraph({
        style: SECTION_KIND_STYLE,
        pageBreakBefore: first,
        children: [textRun(block.kindLabel, {})],
      }),
      new Paragraph({
        heading: HEADING_LEVELS[block.place.depth],
        children: withBlockId(block.heading, [...number, ...docxInline(block.heading?.content, {})]),
      }),
      ...this.blocks(block.body, headings, TOP_LEVEL),
    ];
  }

  blocks(nodes: JSONContent[], headings: Headings, options: DocxBlockOptions): DocxBlock[] {
    return nodes.flatMap((node) => this.block(node, headings, options));
  }

  private block(node: JSONContent, headings: Headings, options: DocxBlockOptions): DocxBlock[] {
    const base: RunFormat = { bold: options.bold };
    switch (node.type) {
      case 'paragraph':
        return [new Paragraph({ ...blockLayout(options), children: withBlockId(node, docxInline(node.content, base)) })];
      case 'heading': {
        const place = headings(node);
        return [
          new Paragraph({
            heading: HEADING_LEVELS[place.depth],
            ...blockLayout(options),
            children: withBlockId(node, [...(place.number ? [textRun(`${place.number} `, {})] : []), ...docxInline(node.content, {})]),
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

  private list(list: JSONContent, headings: Headings, options: DocxBlockOptions): DocxBlock[] {
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
        children: first && first.type === 'paragraph' ? withBlockId(first, docxInline(first.content, { bold: options.bold })) : [],
      });
      const following = first && first.type === 'paragraph' ? rest : (item.content ?? []);
      return [numbered, ...following.flatMap((child) => this.block(child, headings, inner))];
    });
  }

  private table(table: JSONContent, headings: Headings): Table | null {
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
  const outline = agreementOutline(input.doc);
  const headings: Headings = (heading) => outline.headings.get(heading) ?? { depth: Number(heading.attrs?.level ?? 2) >= 3 ? 3 : 2, number: null };
  const body = outline.blocks.flatMap((block, index) => renderer.outlineBlock(block, headings, index === 0));
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
        heading4: {
          run: { font: HEADING_FONT, size: 22, bold: true, italics: true, color: '404040' },
          paragraph: { spacing: { before: 160, after: 60 }, keepNext: true, keepLines: true },
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
          id: PART_HEADING_STYLE,
          name: 'Part Heading',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { font: HEADING_FONT, size: 36, bold: true, color: ACCENT_COLOR },
          paragraph: { spacing: { before: 240, after: 240 }, keepNext: true, outlineLevel: 0 },
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
          new TableOfContents(TABLE_OF_CONTENTS_LABEL, { hyperlink: true, headingStyleRange: `1-${TABLE_OF_CONTENTS_DEPTH}`, useAppliedParagraphOutlineLevel: true }),
          ...body,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
