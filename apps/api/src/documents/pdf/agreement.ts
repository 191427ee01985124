import { formatDanishDate, formatDanishDay, isCalendarDate } from '@aftalerum/dates';
import { JSONContent, textOf } from '@aftalerum/editor';
import {
  beginText,
  endText,
  moveText,
  popGraphicsState,
  pushGraphicsState,
  setFillingColor,
  setFontAndSize,
  showText,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFFont,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  PDFPage,
  PDFRef,
  rgb,
} from 'pdf-lib';
import {
  AgreementDocumentInput,
  agreementOutline,
  HeadingPlace,
  numberedTitle,
  tableOfContents,
  TABLE_OF_CONTENTS_LABEL,
  WORKING_DRAFT_LABEL,
} from '../agreement';
import { xmlSafe } from '../safe-text';
import { embedFonts, PdfFonts, pdfText, textWidth } from './fonts';

/*
 * The agreement as a tagged PDF: every heading, paragraph, list and table is marked content
 * tied to a structure element (H1–H3, P, L/LI/Lbl/LBody, Table/TR/TH/TD) in the document's
 * structure tree, with the language set to Danish, the title shown in the window bar, the
 * page furniture marked as artifacts, a table of contents with page numbers (the headings the
 * DOCX's table of contents lists) and the parts and sections as bookmarks. Its typeface, Noto
 * Sans, is embedded (a subset), so every name is set as written.
 */

const A4 = { width: 595.28, height: 841.89 };
/** The room the table of contents' heading takes on its first page. */
const TOC_HEADING_ROOM = 19 * 1.4 + 12;
const MARGIN = { left: 62, right: 62, top: 70, bottom: 70 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const INK = rgb(0.1, 0.1, 0.1);
const ACCENT = rgb(0.12, 0.22, 0.39);
const MUTED = rgb(0.35, 0.35, 0.35);
const LINK = rgb(0.02, 0.39, 0.76);

type Fonts = PdfFonts;

interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  link?: boolean;
}

interface Style {
  size: number;
  color?: ReturnType<typeof rgb>;
  bold?: boolean;
  before?: number;
  after?: number;
  indent?: number;
  width?: number;
}

/** Marked content on one page: what a structure element's kids point at. */
interface MarkedContent {
  page: number;
  mcid: number;
}

/** A structure element, written to the structure tree at the end. */
interface StructNode {
  role: string;
  kids: Array<StructNode | MarkedContent>;
  attributes?: Record<string, string>;
}

const isNode = (kid: StructNode | MarkedContent): kid is StructNode => 'role' in kid;

const SAFE_LINK = /^(https?:|mailto:)/i;

const danishDate = (isoDate: string): string => (isCalendarDate(isoDate) ? formatDanishDate(isoDate) : isoDate);

/** Lays out text page by page and records which structure element owns each piece. */
class TaggedWriter {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = 0;
  private readonly nextMcid: number[] = [];
  readonly outline: Array<{ title: string; page: number; y: number }> = [];
  /** Where each heading the table of contents lists was set, by its key (the heading node, or the part). */
  readonly placed = new Map<object, { page: number; y: number }>();

  constructor(
    readonly pdf: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.newPage();
  }

  /** Text as the embedded typeface sets it (see pdfText). */
  clean(text: string): string {
    return pdfText(text, this.fonts.regular);
  }

  /** Writes on an earlier page from `y` down (the table of contents, once the page numbers are known). */
  onPage(index: number, y: number, write: () => void): void {
    const [page, cursor] = [this.page, this.y];
    this.page = this.pages[index];
    this.y = y;
    try {
      write();
    } finally {
      this.page = page;
      this.y = cursor;
    }
  }

  /** Marks the heading about to be written (its key) for the table of contents. */
  place(key: object): void {
    this.placed.set(key, { page: this.pageIndex, y: this.y });
  }

  /** One entry of the table of contents: its title, a dot leader and the page number, tagged TOCI > P, linked to the heading. */
  tocEntry(title: string, pageLabel: string, indent: number, style: Style, destination: { page: number; y: number }): StructNode {
    const font = this.fontOf({ text: title }, style);
    const lineHeight = style.size * 1.6;
    this.y -= lineHeight;
    const baseline = this.y + style.size * 0.3;
    const numberWidth = textWidth(font, pageLabel, style.size);
    const right = MARGIN.left + CONTENT_WIDTH;
    const available = CONTENT_WIDTH - indent - numberWidth - 16;
    let text = this.clean(title);
    if (textWidth(font, text, style.size) > available) {
      while (text.length > 1 && textWidth(font, `${text}…`, style.size) > available) text = text.slice(0, -1);
      text = `${text.trimEnd()}…`;
    }
    const item: StructNode = { role: 'TOCI', kids: [] };
    const paragraph: StructNode = { role: 'P', kids: [this.begin('P')] };
    this.show(text, MARGIN.left + indent, baseline, font, style.size, style.color ?? INK);
    this.show(` ${pageLabel}`, right - numberWidth - textWidth(font, ' ', style.size), baseline, font, style.size, style.color ?? INK);
    this.end();
    item.kids.push(paragraph);
    const textEnd = MARGIN.left + indent + textWidth(font, text, style.size) + 4;
    const dot = textWidth(this.fonts.regular, '.', style.size);
    const dots = Math.max(0, Math.floor((right - numberWidth - 4 - textEnd) / (dot * 2)));
    if (dots > 2) {
      const page = this.page;
      this.artifact(page, () => page.drawText(Array(dots).fill('.').join(' '), { x: textEnd, y: baseline, size: style.size, font: this.fonts.regular, color: MUTED }));
    }
    const link = this.pdf.context.register(
      this.pdf.context.obj({
        Type: 'Annot',
        Subtype: 'Link',
        Rect: [MARGIN.left + indent, this.y, right, this.y + lineHeight],
        Border: [0, 0, 0],
        Contents: PDFHexString.fromText(`${text}, side ${pageLabel}`),
        Dest: [this.pages[destination.page].ref, 'XYZ', null, destination.y + 24, null],
      }),
    );
    this.page.node.addAnnot(link);
    return item;
  }

  newPage(): void {
    this.page = this.pdf.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.nextMcid.push(0);
    this.y = A4.height - MARGIN.top;
  }

  /** The page being written: the last one, or an earlier one while onPage writes there. */
  get pageIndex(): number {
    return this.pages.indexOf(this.page);
  }

  get cursor(): number {
    return this.y;
  }

  /** Moves down, or to a new page when less than `needed` is left after moving. */
  space(amount: number, needed = 0): void {
    if (this.y - amount - needed < MARGIN.bottom) this.newPage();
    else this.y -= amount;
  }

  private begin(role: string): MarkedContent {
    const mcid = this.nextMcid[this.pageIndex]++;
    // The property list is written inline, as pdf-lib has no operand type for a dictionary.
    this.page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of(role), `<</MCID ${mcid}>>`]));
    return { page: this.pageIndex, mcid };
  }

  private end(): void {
    this.page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
  }

  /** Page furniture (rules, borders, page numbers), which assistive technology skips. */
  artifact(page: PDFPage, draw: () => void): void {
    page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContent, [PDFName.of('Artifact')]));
    draw();
    page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
  }

  fontOf(run: Run, style: Style): PDFFont {
    const bold = run.bold || style.bold;
    if (bold && run.italic) return this.fonts.boldItalic;
    if (bold) return this.fonts.bold;
    if (run.italic) return this.fonts.italic;
    return this.fonts.regular;
  }

  private readonly fontKeys = new Map<PDFPage, Map<PDFFont, PDFName>>();

  /**
   * Shows text with one font resource per font and page (pdf-lib's drawText adds a new one on
   * every call), spaces included, so extracted text reads as it was written.
   */
  show(text: string, x: number, y: number, font: PDFFont, size: number, color: ReturnType<typeof rgb>): void {
    const keys = this.fontKeys.get(this.page) ?? new Map<PDFFont, PDFName>();
    this.fontKeys.set(this.page, keys);
    let key = keys.get(font);
    if (!key) {
      key = this.page.node.newFontDictionary(font.name, font.ref);
      keys.set(font, key);
    }
    this.page.pushOperators(
      pushGraphicsState(),
      setFillingColor(color),
      beginText(),
      setFontAndSize(key, size),
      moveText(x, y),
      showText(font.encodeText(text)),
      endText(),
      popGraphicsState(),
    );
  }

  /** A line's pieces drawn from `x`, consecutive pieces of one font and colour as one string. */
  private drawLine(line: Array<Run & { width: number }>, x: number, y: number, style: Style): void {
    let start = x;
    let group: { text: string; font: PDFFont; color: ReturnType<typeof rgb>; x: number } | null = null;
    const flush = () => {
      if (group && group.text.trim()) this.show(group.text, group.x, y, group.font, style.size, group.color);
    };
    for (const piece of line) {
      const font = this.fontOf(piece, style);
      const color = piece.link ? LINK : (style.color ?? INK);
      if (group && group.font === font && group.color === color) group.text += piece.text;
      else {
        flush();
        group = { text: piece.text, font, color, x: start };
      }
      start += piece.width;
    }
    flush();
  }

  /** Breaks runs into lines no wider than `width`, at spaces (or inside a word too long for a line). */
  wrap(runs: Run[], style: Style, width: number): Array<Array<Run & { width: number }>> {
    const lines: Array<Array<Run & { width: number }>> = [[]];
    let lineWidth = 0;
    const push = (piece: Run, pieceWidth: number) => {
      lines[lines.length - 1].push({ ...piece, width: pieceWidth });
      lineWidth += pieceWidth;
    };
    for (const run of runs) {
      const font = this.fontOf(run, style);
      const measure = (text: string) => textWidth(font, text, style.size);
      for (const token of this.clean(run.text).split(/(\n| +)/)) {
        if (!token) continue;
        if (token === '\n') {
          lines.push([]);
          lineWidth = 0;
          continue;
        }
        const isSpace = token.trim() === '';
        if (isSpace && lineWidth === 0) continue;
        let rest = token;
        while (rest) {
          const restWidth = measure(rest);
          if (lineWidth + restWidth <= width) {
            push({ ...run, text: rest }, restWidth);
            break;
          }
          if (isSpace) break;
          if (lineWidth > 0 && restWidth <= width) {
            lines.push([]);
            lineWidth = 0;
            continue;
          }
          // A word longer than the line: as much of it as fits.
          let fit = rest.length - 1;
          while (fit > 1 && lineWidth + measure(rest.slice(0, fit)) > width) fit--;
          push({ ...run, text: rest.slice(0, fit) }, measure(rest.slice(0, fit)));
          rest = rest.slice(fit);
          lines.push([]);
          lineWidth = 0;
        }
      }
    }
    // Trailing spaces take no room.
    for (const line of lines) while (line.length && line[line.length - 1].text.trim() === '') line.pop();
    return lines.filter((line, i) => line.length > 0 || i < lines.length - 1);
  }

  /**
   * Writes a block of text as one structure element of `role`, split over pages where it
   * must be; returns the element.
   */
  text(role: string, runs: Run[], style: Style, label?: { text: string; width: number }): StructNode {
    const node: StructNode = { role, kids: [] };
    const indent = style.indent ?? 0;
    const width = style.width ?? CONTENT_WIDTH - indent;
    const lineHeight = style.size * 1.4;
    const lines = this.wrap(runs, style, width);
    if (lines.length === 0) lines.push([]);
    this.space(style.before ?? 0, lineHeight * Math.min(lines.length, 2));
    let open = false;
    lines.forEach((line, i) => {
      if (this.y - lineHeight < MARGIN.bottom) {
        if (open) this.end();
        open = false;
        this.newPage();
      }
      this.y -= lineHeight;
      if (i === 0 && label) {
        const lbl: StructNode = { role: 'Lbl', kids: [this.begin('Lbl')] };
        this.show(this.clean(label.text), MARGIN.left + indent - label.width, this.y + style.size * 0.3, this.fonts.regular, style.size, style.color ?? INK);
        this.end();
        node.kids.push(lbl);
      }
      if (!open) {
        node.kids.push(this.begin(role === 'LBody' ? 'P' : role));
        open = true;
      }
      this.drawLine(line, MARGIN.left + indent, this.y + style.size * 0.3, style);
    });
    if (open) this.end();
    this.y -= style.after ?? 0;
    return node;
  }

  /** A table: header cells tagged TH (scope column), rows kept whole on a page where they fit. */
  table(rows: Array<{ header: boolean; cells: string[][] }>): StructNode {
    const table: StructNode = { role: 'Table', kids: [] };
    const columns = Math.max(...rows.map((row) => row.cells.length));
    const columnWidth = CONTENT_WIDTH / columns;
    const size = 9.5;
    const lineHeight = size * 1.4;
    const padding = 4;
    this.space(6);
    for (const row of rows) {
      const tr: StructNode = { role: 'TR', kids: [] };
      table.kids.push(tr);
      const style: Style = { size, bold: row.header };
      const wrapped = row.cells.map((paragraphs) => paragraphs.flatMap((text) => this.wrap([{ text }], style, columnWidth - 2 * padding)));
      const height = Math.max(...wrapped.map((lines) => lines.length), 1) * lineHeight + 2 * padding;
      if (height > A4.height - MARGIN.top - MARGIN.bottom) {
        // Too tall for any page: its cells one after the other, still tagged as cells.
        row.cells.forEach((paragraphs) => {
          const cell: StructNode = { role: row.header ? 'TH' : 'TD', kids: [], attributes: row.header ? { Scope: 'Column' } : undefined };
          for (const text of paragraphs) cell.kids.push(...this.text(row.header ? 'TH' : 'TD', [{ text }], style).kids);
          tr.kids.push(cell);
        });
        continue;
      }
      if (this.y - height < MARGIN.bottom) this.newPage();
      const top = this.y;
      const page = this.page;
      this.artifact(page, () => {
        for (let column = 0; column < columns; column++) {
          page.drawRectangle({
            x: MARGIN.left + column * columnWidth,
            y: top - height,
            width: columnWidth,
            height,
            borderColor: rgb(0.55, 0.55, 0.55),
            borderWidth: 0.5,
            ...(row.header ? { color: rgb(0.85, 0.89, 0.95) } : {}),
          });
        }
      });
      wrapped.forEach((lines, column) => {
        const role = row.header ? 'TH' : 'TD';
        const cell: StructNode = { role, kids: [], attributes: row.header ? { Scope: 'Column' } : undefined };
        tr.kids.push(cell);
        if (lines.length === 0) return;
        cell.kids.push(this.begin(role));
        lines.forEach((line, i) => {
          this.drawLine(line, MARGIN.left + column * columnWidth + padding, top - padding - (i + 1) * lineHeight + size * 0.3, style);
        });
        this.end();
      });
      this.y = top - height;
    }
    this.y -= 8;
    return table;
  }

  bookmark(title: string): void {
    this.outline.push({ title, page: this.pageIndex, y: this.y });
  }
}

/** Inline content as runs; a link's address follows its text, since paper has no links. */
function runsOf(nodes: JSONContent[] | undefined): Run[] {
  const list = nodes ?? [];
  const hrefOf = (node: JSONContent | undefined) => {
    const href = node?.marks?.find((mark) => mark.type === 'link')?.attrs?.href;
    return typeof href === 'string' ? href : null;
  };
  return list.flatMap((node, i): Run[] => {
    if (node.type === 'hardBreak') return [{ text: '\n' }];
    const has = (type: string) => (node.marks ?? []).some((mark) => mark.type === type);
    const href = hrefOf(node);
    const run: Run = { text: node.type === 'text' ? (node.text ?? '') : textOf(node), bold: has('bold'), italic: has('italic'), link: href !== null };
    const linkEnds = href !== null && SAFE_LINK.test(href) && hrefOf(list[i + 1]) !== href;
    return linkEnds ? [run, { text: ` (${href})`, link: true }] : [run];
  });
}

const BODY: Style = { size: 10.5, after: 5 };
/** The headings by depth: parts and the introduction, sections, sub-headings and goals, below that. */
const HEADING_STYLES: Record<1 | 2 | 3 | 4, Style> = {
  1: { size: 19, bold: true, color: ACCENT, after: 10 },
  2: { size: 15.5, bold: true, color: ACCENT, after: 7 },
  3: { size: 12.5, bold: true, color: ACCENT, before: 10, after: 4 },
  4: { size: 11, bold: true, color: MUTED, before: 8, after: 3 },
};
const TOC_STYLES: Record<1 | 2 | 3 | 4, Style & { indent: number }> = {
  1: { size: 11, bold: true, color: ACCENT, indent: 0 },
  2: { size: 10.5, indent: 12 },
  3: { size: 10, color: MUTED, indent: 28 },
  4: { size: 10, color: MUTED, indent: 44 },
};

class AgreementPdfWriter {
  constructor(
    private readonly out: TaggedWriter,
    private readonly headings: (heading: JSONContent) => HeadingPlace,
  ) {}

  blocks(nodes: JSONContent[], parent: StructNode, indent = 0): void {
    for (const node of nodes) this.block(node, parent, indent);
  }

  private block(node: JSONContent, parent: StructNode, indent: number): void {
    switch (node.type) {
      case 'paragraph':
        parent.kids.push(this.out.text('P', runsOf(node.content), { ...BODY, indent }));
        return;
      case 'heading': {
        const { depth, number } = this.headings(node);
        this.out.place(node);
        parent.kids.push(this.out.text(`H${depth}`, [...(number ? [{ text: `${number} ` }] : []), ...runsOf(node.content)], { ...HEADING_STYLES[depth], indent }));
        return;
      }
      case 'bulletList':
      case 'orderedList':
        parent.kids.push(this.list(node, indent));
        return;
      case 'blockquote':
        this.blocks(node.content ?? [], parent, indent + 18);
        return;
      case 'table':
        parent.kids.push(
          this.out.table(
            (node.content ?? []).map((row) => ({
              header: (row.content ?? []).length > 0 && (row.content ?? []).every((cell) => cell.type === 'tableHeader'),
              cells: (row.content ?? []).map((cell) => (cell.content ?? []).map((child) => textOf(child)).filter((text) => text.trim() !== '')),
            })),
          ),
        );
        return;
      case 'horizontalRule':
        this.out.space(8);
        return;
      default: {
        const text = textOf(node);
        if (text.trim()) parent.kids.push(this.out.text('P', [{ text }], { ...BODY, indent }));
      }
    }
  }

  private list(list: JSONContent, indent: number): StructNode {
    const node: StructNode = { role: 'L', kids: [], attributes: { ListNumbering: list.type === 'orderedList' ? 'Decimal' : 'Disc' } };
    const start = Number(list.attrs?.start ?? 1) || 1;
    const bodyIndent = indent + 20;
    (list.content ?? []).forEach((item, i) => {
      const li: StructNode = { role: 'LI', kids: [] };
      node.kids.push(li);
      const label = list.type === 'orderedList' ? `${start + i}.` : '•';
      const labelWidth = textWidth(this.out.fonts.regular, label, BODY.size) + 6;
      const [first, ...rest] = item.content ?? [];
      const body: StructNode = { role: 'LBody', kids: [] };
      if (first?.type === 'paragraph') {
        const written = this.out.text('LBody', runsOf(first.content), { ...BODY, indent: bodyIndent, after: 2 }, { text: label, width: labelWidth });
        // The label comes first in the item, then the body with its paragraph.
        const [lbl, ...content] = written.kids;
        li.kids.push(lbl);
        body.kids.push({ role: 'P', kids: content });
        this.blocks(rest, body, bodyIndent);
      } else {
        this.blocks(item.content ?? [], body, bodyIndent);
      }
      li.kids.push(body);
    });
    return node;
  }
}

/** Writes the structure tree, the parent tree and the marks that make the PDF tagged. */
function writeStructure(pdf: PDFDocument, writer: TaggedWriter, root: StructNode): void {
  const { context, catalog } = pdf;
  const pageRefs = writer.pages.map((page) => page.ref);
  const parentTree: PDFRef[][] = writer.pages.map(() => []);
  const treeRootRef = context.nextRef();

  const write = (node: StructNode, parentRef: PDFRef): PDFRef => {
    const ref = context.nextRef();
    const kids = PDFArray.withContext(context);
    let firstPage: number | null = null;
    for (const kid of node.kids) {
      if (isNode(kid)) {
        kids.push(write(kid, ref));
        continue;
      }
      firstPage ??= kid.page;
      parentTree[kid.page][kid.mcid] = ref;
      kids.push(context.obj({ Type: 'MCR', Pg: pageRefs[kid.page], MCID: kid.mcid }));
    }
    const dict = context.obj({ Type: 'StructElem', S: node.role, P: parentRef, K: kids });
    if (firstPage !== null) dict.set(PDFName.of('Pg'), pageRefs[firstPage]);
    if (node.attributes) {
      const owner = node.role === 'L' ? 'List' : 'Table';
      dict.set(PDFName.of('A'), context.obj({ O: owner, ...node.attributes }));
    }
    context.assign(ref, dict);
    return ref;
  };
  const documentRef = write(root, treeRootRef);

  const nums = PDFArray.withContext(context);
  writer.pages.forEach((page, index) => {
    page.node.set(PDFName.of('StructParents'), PDFNumber.of(index));
    page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
    nums.push(PDFNumber.of(index));
    nums.push(context.obj(parentTree[index]));
  });
  const parentTreeRef = context.register(context.obj({ Nums: nums }));
  context.assign(treeRootRef, context.obj({ Type: 'StructTreeRoot', K: documentRef, ParentTree: parentTreeRef, ParentTreeNextKey: writer.pages.length }));
  catalog.set(PDFName.of('StructTreeRoot'), treeRootRef);
  catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
}

/** The sections as bookmarks, so a reader can jump between them. */
function writeOutline(pdf: PDFDocument, writer: TaggedWriter): void {
  const items = writer.outline;
  if (items.length === 0) return;
  const { context, catalog } = pdf;
  const outlineRef = context.nextRef();
  const refs = items.map(() => context.nextRef());
  items.forEach((item, i) => {
    const dict: PDFDict = context.obj({
      Title: PDFHexString.fromText(item.title),
      Parent: outlineRef,
      Dest: [writer.pages[item.page].ref, 'XYZ', null, item.y + 24, null],
    });
    if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]);
    if (i < items.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]);
    context.assign(refs[i], dict);
  });
  context.assign(outlineRef, context.obj({ Type: 'Outlines', First: refs[0], Last: refs[refs.length - 1], Count: items.length }));
  catalog.set(PDFName.of('Outlines'), outlineRef);
  catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/**
 * The agreement as an accessible, tagged PDF in Danish: title page, numbered sections with
 * their kinds, lists and tables, page numbers, bookmarks.
 */
export async function renderAgreementPdf(given: AgreementDocumentInput): Promise<Buffer> {
  // People's text enters here, cleaned as for every writer; the writer then maps it to what the fonts can show.
  const input = xmlSafe(given);
  const pdf = await PDFDocument.create();
  const fonts: Fonts = await embedFonts(pdf, ['regular', 'bold', 'italic', 'boldItalic']);
  const writer = new TaggedWriter(pdf, fonts);
  pdf.setTitle(writer.clean(input.title), { showInWindowTitleBar: true });
  pdf.setLanguage('da-DK');
  pdf.setSubject(writer.clean(`${input.regionName}, ${input.periodStart}–${input.periodEnd}`));
  pdf.setCreator('Aftalerum');
  pdf.setProducer('Aftalerum');
  pdf.setCreationDate(input.generatedAt);

  const root: StructNode = { role: 'Document', kids: [] };
  // Title page.
  writer.space(180);
  root.kids.push(writer.text('H1', [{ text: input.title }], { size: 26, bold: true, color: ACCENT, after: 10 }));
  root.kids.push(writer.text('P', [{ text: input.regionName }], { size: 15, color: ACCENT, after: 30 }));
  const period = input.periodStart === input.periodEnd ? String(input.periodStart) : `${input.periodStart}–${input.periodEnd}`;
  const facts: Array<[string, string]> = [
    ['Aftaleperiode', period],
    ['Ikrafttræden', danishDate(input.effectiveDate)],
    ['Version', input.versionLabel?.trim() || WORKING_DRAFT_LABEL],
    ['Genereret', formatDanishDay(input.generatedAt)],
  ];
  for (const [label, value] of facts) root.kids.push(writer.text('P', [{ text: `${label}: `, bold: true }, { text: value }], { size: 11, after: 4 }));

  // The table of contents gets its pages now and its entries once the page numbers are known.
  const outline = agreementOutline(input.doc);
  const contents = tableOfContents(outline);
  const tocHeight = (depth: 1 | 2 | 3 | 4) => TOC_STYLES[depth].size * 1.6;
  const tocPages: Array<typeof contents> = [];
  let room = 0;
  for (const entry of contents) {
    if (tocPages.length === 0 || room < tocHeight(entry.depth)) {
      room = A4.height - MARGIN.top - MARGIN.bottom - (tocPages.length === 0 ? TOC_HEADING_ROOM : 0);
      tocPages.push([]);
    }
    tocPages[tocPages.length - 1].push(entry);
    room -= tocHeight(entry.depth);
  }
  const tocFirstPage = writer.pages.length;
  for (let i = 0; i < tocPages.length; i++) writer.newPage();
  const tocHeading: StructNode = { role: 'H1', kids: [] };
  const toc: StructNode = { role: 'TOC', kids: [] };
  if (tocPages.length) root.kids.push(tocHeading, toc);

  const headings = (heading: JSONContent): HeadingPlace => outline.headings.get(heading) ?? { depth: Number(heading.attrs?.level ?? 2) >= 3 ? 3 : 2, number: null };
  const content = new AgreementPdfWriter(writer, headings);
  let part: StructNode = root;
  outline.blocks.forEach((block, index) => {
    if (index === 0) writer.newPage();
    if (block.type === 'loose') {
      content.blocks([block.node], part);
      return;
    }
    if (block.type === 'part') {
      part = { role: 'Part', kids: [] };
      root.kids.push(part);
      if (index > 0) writer.newPage();
      writer.place(block);
      writer.bookmark(writer.clean(block.label));
      part.kids.push(writer.text('H1', [{ text: block.label }], HEADING_STYLES[1]));
      return;
    }
    if (block.kind === 'PREAMBLE') part = root;
    const section: StructNode = { role: 'Sect', kids: [] };
    part.kids.push(section);
    const { depth } = block.place;
    writer.space(index === 0 || outline.blocks[index - 1].type === 'part' ? 0 : depth === 3 ? 10 : 18, 60);
    section.kids.push(writer.text('P', [{ text: block.kindLabel.toUpperCase() }], { size: 8.5, color: MUTED, after: 2 }));
    const title = block.heading ? textOf(block.heading) : '';
    writer.place(block.heading ?? block);
    if (depth <= 2) writer.bookmark(writer.clean(numberedTitle(block.place, title, true)));
    const number = block.place.number === null ? [] : [{ text: numberedTitle(block.place, '', true) }];
    section.kids.push(writer.text(`H${depth}`, [...number, ...runsOf(block.heading?.content ?? [])], HEADING_STYLES[depth]));
    content.blocks(block.body, section);
  });

  // The table of contents, now that each heading's page is known (pages counted from the title page, as the footers count them).
  tocPages.forEach((entries, i) => {
    writer.onPage(tocFirstPage + i, A4.height - MARGIN.top, () => {
      if (i === 0) tocHeading.kids.push(...writer.text('H1', [{ text: TABLE_OF_CONTENTS_LABEL }], { size: 19, bold: true, color: ACCENT, after: 12 }).kids);
      for (const entry of entries) {
        const at = writer.placed.get(entry.key);
        const style = TOC_STYLES[entry.depth];
        if (at) toc.kids.push(writer.tocEntry(entry.text, String(at.page + 1), style.indent, style, at));
      }
    });
  });

  // Page numbers, once the number of pages is known.
  const total = writer.pages.length;
  writer.pages.forEach((page, index) => {
    if (index === 0) return;
    writer.artifact(page, () =>
      page.drawText(writer.clean(`${input.title} · side ${index + 1} af ${total}`), { x: MARGIN.left, y: 36, size: 8, font: fonts.regular, color: MUTED }),
    );
  });
  writeStructure(pdf, writer, root);
  writeOutline(pdf, writer);
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}
