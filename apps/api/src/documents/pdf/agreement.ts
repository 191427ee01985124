import { formatDanishDate, formatDanishDay, isCalendarDate } from '@aftalerum/dates';
import { isSectionKind, JSONContent, SECTION_KIND_LABELS, textOf } from '@aftalerum/editor';
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
  StandardFonts,
} from 'pdf-lib';
import type { AgreementDocumentInput } from '../agreement';
import { xmlSafe } from '../safe-text';

/*
 * The agreement as a tagged PDF: every heading, paragraph, list and table is marked content
 * tied to a structure element (H1–H3, P, L/LI/Lbl/LBody, Table/TR/TH/TD) in the document's
 * structure tree, with the language set to Danish, the title shown in the window bar, the
 * page furniture marked as artifacts and the sections as bookmarks. It uses the standard
 * PDF fonts (pdf-lib cannot embed others without fontkit), which cover Danish letters but are
 * not embedded: a strict PDF/UA checker will flag that.
 */

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { left: 62, right: 62, top: 70, bottom: 70 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const INK = rgb(0.1, 0.1, 0.1);
const ACCENT = rgb(0.12, 0.22, 0.39);
const MUTED = rgb(0.35, 0.35, 0.35);
const LINK = rgb(0.02, 0.39, 0.76);

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
  boldItalic: PDFFont;
}

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
  private readonly supported: Set<number>;
  readonly outline: Array<{ title: string; page: number; y: number }> = [];

  constructor(
    readonly pdf: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.supported = new Set(fonts.regular.getCharacterSet());
    this.newPage();
  }

  /** Text the standard fonts can show: anything outside their character set becomes a close equivalent or '?'. */
  clean(text: string): string {
    return [...text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(/[\u2010\u2011\u2212]/g, '-').replace(/\u00a0/g, ' ')]
      .map((char) => (char === '\n' || this.supported.has(char.codePointAt(0) ?? 0) ? char : '?'))
      .join('');
  }

  newPage(): void {
    this.page = this.pdf.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.nextMcid.push(0);
    this.y = A4.height - MARGIN.top;
  }

  get pageIndex(): number {
    return this.pages.length - 1;
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
      const measure = (text: string) => font.widthOfTextAtSize(text, style.size);
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

class AgreementPdfWriter {
  constructor(private readonly out: TaggedWriter) {}

  blocks(nodes: JSONContent[], parent: StructNode, numbers: HeadingNumbers, indent = 0): void {
    for (const node of nodes) this.block(node, parent, numbers, indent);
  }

  private block(node: JSONContent, parent: StructNode, numbers: HeadingNumbers, indent: number): void {
    switch (node.type) {
      case 'paragraph':
        parent.kids.push(this.out.text('P', runsOf(node.content), { ...BODY, indent }));
        return;
      case 'heading': {
        const { depth, number } = numbers.next(Number(node.attrs?.level ?? 2));
        const style: Style = depth === 2 ? { size: 13, bold: true, color: ACCENT, before: 10, after: 4, indent } : { size: 11.5, bold: true, color: MUTED, before: 8, after: 3, indent };
        parent.kids.push(this.out.text(`H${depth}`, [{ text: `${number} ` }, ...runsOf(node.content)], style));
        return;
      }
      case 'bulletList':
      case 'orderedList':
        parent.kids.push(this.list(node, numbers, indent));
        return;
      case 'blockquote':
        this.blocks(node.content ?? [], parent, numbers, indent + 18);
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

  private list(list: JSONContent, numbers: HeadingNumbers, indent: number): StructNode {
    const node: StructNode = { role: 'L', kids: [], attributes: { ListNumbering: list.type === 'orderedList' ? 'Decimal' : 'Disc' } };
    const start = Number(list.attrs?.start ?? 1) || 1;
    const bodyIndent = indent + 20;
    (list.content ?? []).forEach((item, i) => {
      const li: StructNode = { role: 'LI', kids: [] };
      node.kids.push(li);
      const label = list.type === 'orderedList' ? `${start + i}.` : '•';
      const labelWidth = this.out.fonts.regular.widthOfTextAtSize(label, BODY.size) + 6;
      const [first, ...rest] = item.content ?? [];
      const body: StructNode = { role: 'LBody', kids: [] };
      if (first?.type === 'paragraph') {
        const written = this.out.text('LBody', runsOf(first.content), { ...BODY, indent: bodyIndent, after: 2 }, { text: label, width: labelWidth });
        // The label comes first in the item, then the body with its paragraph.
        const [lbl, ...content] = written.kids;
        li.kids.push(lbl);
        body.kids.push({ role: 'P', kids: content });
        this.blocks(rest, body, numbers, bodyIndent);
      } else {
        this.blocks(item.content ?? [], body, numbers, bodyIndent);
      }
      li.kids.push(body);
    });
    return node;
  }
}

/** "N.1", "N.2", … and "N.1.1" for the headings inside section N, as the Word export numbers them. */
class HeadingNumbers {
  private sub = 0;
  private subSub = 0;

  constructor(private readonly section: number) {}

  next(level: number): { depth: 2 | 3; number: string } {
    if (level >= 3 && this.sub > 0) {
      this.subSub += 1;
      return { depth: 3, number: `${this.section}.${this.sub}.${this.subSub}` };
    }
    this.sub += 1;
    this.subSub = 0;
    return { depth: 2, number: `${this.section}.${this.sub}` };
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
  const fonts: Fonts = {
    regular: await pdf.embedFont(StandardFonts.Helvetica),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
    italic: await pdf.embedFont(StandardFonts.HelveticaOblique),
    boldItalic: await pdf.embedFont(StandardFonts.HelveticaBoldOblique),
  };
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
    ['Version', input.versionLabel?.trim() || 'Arbejdsudkast'],
    ['Genereret', formatDanishDay(input.generatedAt)],
  ];
  for (const [label, value] of facts) root.kids.push(writer.text('P', [{ text: `${label}: `, bold: true }, { text: value }], { size: 11, after: 4 }));

  const content = new AgreementPdfWriter(writer);
  let number = 0;
  for (const section of input.doc.content ?? []) {
    if (section.type !== 'section') {
      content.blocks([section], root, new HeadingNumbers(0));
      continue;
    }
    number += 1;
    if (number === 1) writer.newPage();
    const kind = isSectionKind(section.attrs?.kind) ? section.attrs.kind : 'OTHER';
    const [heading, ...body] = section.content ?? [];
    const part: StructNode = { role: 'Sect', kids: [] };
    root.kids.push(part);
    writer.space(number === 1 ? 0 : 18, 60);
    part.kids.push(writer.text('P', [{ text: SECTION_KIND_LABELS[kind].toUpperCase() }], { size: 8.5, color: MUTED, after: 2 }));
    const title = heading?.type === 'heading' ? textOf(heading) : '';
    writer.bookmark(writer.clean(`${number}. ${title}`));
    part.kids.push(writer.text('H1', [{ text: `${number}. ` }, ...runsOf(heading?.type === 'heading' ? heading.content : [])], { size: 17, bold: true, color: ACCENT, after: 8 }));
    content.blocks(heading?.type === 'heading' ? body : (section.content ?? []), part, new HeadingNumbers(number));
  }

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
