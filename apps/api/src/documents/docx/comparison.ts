import { BlockChange, BlockChangeKind, collectBlocks, isSectionKind, JSONContent, SECTION_KIND_LABELS, textOf, WordChangeKind } from '@aftalerum/editor';
import {
  AlignmentType,
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { xmlSafe } from '../safe-text';

/** What the comparison document shows: two contents of one agreement and their changes. */
export interface ComparisonDocumentInput {
  title: string;
  regionName: string;
  /** For example 'Version 2 – Første udkast'. */
  fromLabel: string;
  toLabel: string;
  from: JSONContent;
  to: JSONContent;
  /**
   * `compareDrafts(from, acceptedDocument(to))`: the changes between the two accepted texts. The
   * pending suggestions `to` still holds (insertion/deletion marks) are written as tracked
   * changes of their suggesters, on top.
   */
  changes: BlockChange[];
  /** Open comment threads on the later side (the live draft's), as Word comments on their paragraphs. */
  comments?: ComparisonComment[];
  /** Who the tracked changes are attributed to in Word's review pane. */
  author: string;
  /** When the newer content was made: the date of every tracked change. */
  changedAt: Date;
  generatedAt: Date;
}

/** A comment thread: the first comment opens it, the rest are replies. */
export interface ComparisonComment {
  blockId: string | null;
  quote: string;
  comments: Array<{ authorName: string; organisationName: string; text: string; createdAt: Date }>;
}

const LANGUAGE = 'da-DK';
const TEXT_BLOCKS = new Set(['paragraph', 'heading']);
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

interface Format {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  strike?: boolean;
  code?: boolean;
  href?: string | null;
}

/** Who suggested a stretch of text (an insertion or a deletion still pending), for Word's w:author. */
interface Suggested {
  kind: 'insertion' | 'deletion';
  author: string;
  date: string;
}

/** A stretch of a text block's text with one formatting; '\n' stands for a line break. */
interface Segment {
  text: string;
  format: Format;
  suggestion?: Suggested;
}

const wordDate = (value: string | Date): string => {
  const date = value instanceof Date ? value : new Date(value);
  return (Number.isNaN(date.getTime()) ? new Date(0) : date).toISOString().replace(/\.\d{3}Z$/, 'Z');
};

/** "Mette Hansen (Odense Kommune)": the suggester as Word shows the author of a change. */
const suggesterName = (attrs: Record<string, unknown> | undefined): string => {
  const name = String(attrs?.authorName ?? '').trim() || 'Ukendt';
  const organisation = String(attrs?.organisation ?? '').trim();
  return organisation ? `${name} (${organisation})` : name;
};

function safeHref(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** The inline content of a text block as segments whose texts join to exactly `textOf(block)`. */
function segmentsOf(block: JSONContent): Segment[] {
  return (block.content ?? []).map((node): Segment => {
    if (node.type === 'hardBreak') return { text: '\n', format: {} };
    const has = (type: string) => (node.marks ?? []).some((mark) => mark.type === type);
    const suggested = (node.marks ?? []).find((mark) => mark.type === 'insertion' || mark.type === 'deletion');
    return {
      ...(suggested
        ? { suggestion: { kind: suggested.type as Suggested['kind'], author: suggesterName(suggested.attrs), date: wordDate(String(suggested.attrs?.createdAt ?? '')) } }
        : {}),
      text: node.type === 'text' ? (node.text ?? '') : textOf(node),
      format: {
        bold: has('bold'),
        italics: has('italic'),
        underline: has('underline'),
        strike: has('strike'),
        code: has('code'),
        href: safeHref((node.marks ?? []).find((mark) => mark.type === 'link')?.attrs?.href),
      },
    };
  });
}

const isSuggestedInsertion = (segment: Segment | undefined) => segment?.suggestion?.kind === 'insertion';

/**
 * Reads segments in order, a given number of characters of the accepted text at a time. A
 * pending suggested insertion is not part of the accepted text: it comes along, whole, with the
 * characters it stands before (and with the rest, at the end).
 */
class SegmentCursor {
  private index = 0;
  private offset = 0;

  constructor(private readonly segments: Segment[]) {}

  take(length: number): Segment[] {
    const taken: Segment[] = [];
    let left = length;
    while (this.index < this.segments.length && isSuggestedInsertion(this.segments[this.index])) taken.push(this.segments[this.index++]);
    while (left > 0 && this.index < this.segments.length) {
      const segment = this.segments[this.index];
      if (isSuggestedInsertion(segment)) {
        taken.push(segment);
        this.index += 1;
        continue;
      }
      const piece = segment.text.slice(this.offset, this.offset + left);
      taken.push({ text: piece, format: segment.format });
      left -= piece.length;
      this.offset += piece.length;
      if (this.offset >= segment.text.length) {
        this.index += 1;
        this.offset = 0;
      }
    }
    return taken;
  }

  /** The suggested insertions left at the end. */
  rest(): Segment[] {
    const taken = this.segments.slice(this.index).filter(isSuggestedInsertion);
    this.index = this.segments.length;
    return taken;
  }
}

type Revision = 'same' | 'inserted' | 'deleted';

/** Writes the tracked-change runs and numbers every revision uniquely, as Word requires. */
class RevisionWriter {
  private nextId = 1;

  constructor(
    private readonly author: string,
    private readonly date: string,
  ) {}

  mark(suggestion?: Suggested) {
    return { id: this.nextId++, author: suggestion?.author ?? this.author, date: suggestion?.date ?? this.date };
  }

  runs(segments: Segment[], revision: Revision): ParagraphChild[] {
    return segments.flatMap((segment) =>
      segment.text
        .split('\n')
        .map((line, i) => {
          const options = {
            text: line,
            break: i > 0 ? 1 : undefined,
            bold: segment.format.bold || undefined,
            italics: segment.format.italics || undefined,
            underline: segment.format.underline || segment.format.href ? {} : undefined,
            strike: segment.format.strike || undefined,
            font: segment.format.code ? 'Consolas' : undefined,
            color: segment.format.href ? '0563C1' : undefined,
            language: { value: LANGUAGE },
          };
          // A pending suggestion is its suggester's tracked change, whatever the comparison says.
          if (segment.suggestion?.kind === 'insertion') return new InsertedTextRun({ ...options, ...this.mark(segment.suggestion) });
          if (segment.suggestion?.kind === 'deletion') return new DeletedTextRun({ ...options, ...this.mark(segment.suggestion) });
          if (revision === 'inserted') return new InsertedTextRun({ ...options, ...this.mark() });
          if (revision === 'deleted') return new DeletedTextRun({ ...options, ...this.mark() });
          return new TextRun(options);
        }),
    );
  }

  /** Unchanged text, links kept as links. */
  plain(segments: Segment[]): ParagraphChild[] {
    const groups: Segment[][] = [];
    for (const segment of segments) {
      const last = groups[groups.length - 1];
      if (last && (last[0].format.href ?? null) === (segment.format.href ?? null)) last.push(segment);
      else groups.push([segment]);
    }
    return groups.flatMap((group) => {
      const href = group[0].format.href;
      const runs = this.runs(group, 'same');
      return href ? [new ExternalHyperlink({ link: href, children: runs })] : runs;
    });
  }
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

interface Context {
  listLevel: number;
  indent: number;
  /** For the first paragraph of a list item: its list and level. */
  listNumbering?: { reference: string; level: number; instance: number };
}

/**
 * Walks the newer content and writes it with the changes as Word revisions: changed blocks
 * word by word, added blocks as insertions, removed blocks as deletions where they stood.
 */
class ComparisonWriter {
  private readonly changed = new Map<string, BlockChange>();
  private readonly added = new Set<string>();
  private readonly removedAfter = new Map<string | null, JSONContent[]>();
  private readonly fromNodes = new Map<string, JSONContent>();
  /** Word comment ids of the threads on each block. */
  private readonly commentsOn = new Map<string, number[]>();
  private listInstance = 0;

  constructor(
    private readonly input: ComparisonDocumentInput,
    private readonly revisions: RevisionWriter,
  ) {
    for (const change of input.changes) {
      if (change.change === BlockChangeKind.CHANGED) this.changed.set(change.blockId, change);
      if (change.change === BlockChangeKind.ADDED) this.added.add(change.blockId);
    }
    const removed = new Set(input.changes.filter((c) => c.change === BlockChangeKind.REMOVED).map((c) => c.blockId));
    const visit = (node: JSONContent) => {
      const id = node.attrs?.blockId;
      if (typeof id === 'string' && node.type && TEXT_BLOCKS.has(node.type)) this.fromNodes.set(id, node);
      (node.content ?? []).forEach(visit);
    };
    visit(input.from);
    (input.comments ?? []).forEach((thread, index) => {
      if (thread.blockId) this.commentsOn.set(thread.blockId, [...(this.commentsOn.get(thread.blockId) ?? []), commentId(input.comments ?? [], index)]);
    });
    // A removed block is shown after the last block before it that is still there.
    const kept = new Set(collectBlocks(input.to).map((b) => b.blockId));
    let anchor: string | null = null;
    for (const block of collectBlocks(input.from)) {
      if (!TEXT_BLOCKS.has(block.type)) continue;
      if (kept.has(block.blockId)) anchor = block.blockId;
      else if (removed.has(block.blockId)) {
        const node = this.fromNodes.get(block.blockId);
        if (node) this.removedAfter.set(anchor, [...(this.removedAfter.get(anchor) ?? []), node]);
      }
    }
  }

  body(): Array<Paragraph | Table> {
    const out: Array<Paragraph | Table> = this.removedParagraphs(null);
    for (const section of this.input.to.content ?? []) {
      if (section.type !== 'section') {
        out.push(...this.block(section, { listLevel: 0, indent: 0 }));
        continue;
      }
      const kind = isSectionKind(section.attrs?.kind) ? section.attrs.kind : 'OTHER';
      out.push(
        new Paragraph({
          spacing: { before: 360, after: 0 },
          keepNext: true,
          children: [new TextRun({ text: SECTION_KIND_LABELS[kind].toUpperCase(), size: 17, color: '595959', language: { value: LANGUAGE } })],
        }),
      );
      const [heading, ...rest] = section.content ?? [];
      if (heading) out.push(...this.textBlock(heading, { listLevel: 0, indent: 0 }, 1));
      for (const block of rest) out.push(...this.block(block, { listLevel: 0, indent: 0 }));
    }
    return out;
  }

  private block(node: JSONContent, context: Context): Array<Paragraph | Table> {
    switch (node.type) {
      case 'paragraph':
        return this.textBlock(node, context);
      case 'heading':
        return this.textBlock(node, context, Math.max(2, Number(node.attrs?.level ?? 2)));
      case 'bulletList':
      case 'orderedList':
        return this.list(node, context);
      case 'blockquote':
        return (node.content ?? []).flatMap((child) => this.block(child, { ...context, indent: context.indent + 567 }));
      case 'table': {
        const table = this.table(node);
        return table ? [table] : [];
      }
      case 'horizontalRule':
        return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'A6A6A6', space: 1 } }, children: [] })];
      default: {
        const text = textOf(node);
        return text.trim() ? [new Paragraph({ children: this.revisions.runs([{ text, format: {} }], 'same') })] : [];
      }
    }
  }

  /** A paragraph or heading with its changes, then the removed blocks that stood after it. */
  private textBlock(node: JSONContent, context: Context, headingLevel?: number): Paragraph[] {
    const id = typeof node.attrs?.blockId === 'string' ? node.attrs.blockId : null;
    const change = id ? this.changed.get(id) : undefined;
    const isAdded = id !== null && this.added.has(id);
    let children: ParagraphChild[];
    if (change) {
      const after = new SegmentCursor(segmentsOf(node));
      const old = id ? this.fromNodes.get(id) : undefined;
      const before = new SegmentCursor(old ? segmentsOf(old) : [{ text: change.before ?? '', format: {} }]);
      children = change.words.flatMap((word) => {
        if (word.kind === WordChangeKind.REMOVED) return this.revisions.runs(before.take(word.text.length), 'deleted');
        const segments = after.take(word.text.length);
        if (word.kind === WordChangeKind.ADDED) return this.revisions.runs(segments, 'inserted');
        before.take(word.text.length);
        return this.revisions.plain(segments);
      });
      children.push(...this.revisions.runs(after.rest(), 'same'));
    } else if (isAdded) {
      children = this.revisions.runs(segmentsOf(node), 'inserted');
    } else {
      children = this.revisions.plain(segmentsOf(node));
    }
    const threads = id ? (this.commentsOn.get(id) ?? []) : [];
    if (threads.length > 0) {
      // Each thread spans its paragraph; Word shows it in the margin with its replies.
      children = [
        ...threads.map((n) => new CommentRangeStart(n)),
        ...children,
        ...threads.flatMap((n) => [new CommentRangeEnd(n), new TextRun({ children: [new CommentReference(n)] })]),
      ];
    }
    const paragraph = new Paragraph({
      heading: headingLevel ? HEADINGS[Math.min(headingLevel, 6) - 1] : undefined,
      indent: context.indent > 0 ? { left: context.indent } : undefined,
      ...(context.listNumbering ? { numbering: context.listNumbering } : {}),
      // An added paragraph's own mark is inserted too, so rejecting the change removes the paragraph.
      run: isAdded ? { insertion: this.revisions.mark() } : undefined,
      children,
    });
    return [paragraph, ...(id ? this.removedParagraphs(id) : [])];
  }

  private removedParagraphs(anchor: string | null): Paragraph[] {
    return (this.removedAfter.get(anchor) ?? []).map(
      (node) =>
        new Paragraph({
          heading: node.type === 'heading' ? HEADINGS[Math.min(Math.max(Number(node.attrs?.level ?? 2), 1), 6) - 1] : undefined,
          // The paragraph mark is deleted too, so accepting the change leaves no empty line.
          run: { deletion: this.revisions.mark() },
          children: this.revisions.runs(segmentsOf(node), 'deleted'),
        }),
    );
  }

  private list(list: JSONContent, context: Context): Array<Paragraph | Table> {
    const level = Math.min(context.listLevel, 8);
    const ordered = list.type === 'orderedList';
    this.listInstance += 1;
    const instance = this.listInstance;
    const inner: Context = { listLevel: level + 1, indent: 720 * (level + 1) };
    return (list.content ?? []).flatMap((item) => {
      const [first, ...rest] = item.content ?? [];
      const head =
        first?.type === 'paragraph'
          ? this.textBlock(first, { ...context, indent: 0, listNumbering: ordered ? { reference: 'ordered', level, instance } : { reference: 'bullet', level, instance } })
          : [];
      const following = first?.type === 'paragraph' ? rest : (item.content ?? []);
      return [...head, ...following.flatMap((child) => this.block(child, inner))];
    });
  }

  private table(table: JSONContent): Table | null {
    const rows = (table.content ?? [])
      .filter((row) => row.type === 'tableRow' && (row.content ?? []).length > 0)
      .map((row) => {
        const cells = row.content ?? [];
        return new TableRow({
          tableHeader: cells.every((cell) => cell.type === 'tableHeader') || undefined,
          children: cells.map((cell) => {
            const children = (cell.content ?? []).flatMap((child) => this.block(child, { listLevel: 0, indent: 0 }));
            if (!(children[children.length - 1] instanceof Paragraph)) children.push(new Paragraph({ children: [] }));
            return new TableCell({
              children,
              columnSpan: Number(cell.attrs?.colspan) > 1 ? Number(cell.attrs?.colspan) : undefined,
              rowSpan: Number(cell.attrs?.rowspan) > 1 ? Number(cell.attrs?.rowspan) : undefined,
            });
          }),
        });
      });
    return rows.length > 0 ? new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }) : null;
  }
}

const count = (changes: BlockChange[], kind: BlockChangeKind) => changes.filter((c) => c.change === kind).length;

/** The Word comment id of a thread's first comment; its replies follow it. */
function commentId(threads: ComparisonComment[], index: number): number {
  return threads.slice(0, index).reduce((n, thread) => n + Math.max(1, thread.comments.length), 0);
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => part[0])
    .join('')
    .slice(0, 4)
    .toUpperCase();

/** The threads as Word comments: one per comment, the replies pointing at the thread's first. */
function wordComments(threads: ComparisonComment[]) {
  return threads.flatMap((thread, index) => {
    const first = commentId(threads, index);
    return thread.comments.map((comment, i) => {
      const author = comment.organisationName ? `${comment.authorName} (${comment.organisationName})` : comment.authorName;
      return {
        id: first + i,
        author,
        initials: initials(comment.authorName),
        date: comment.createdAt,
        ...(i > 0 ? { parentId: first } : {}),
        children: comment.text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, language: { value: LANGUAGE } })] })),
      };
    });
  });
}

/**
 * A Word document of the newer content with every difference from the older one as a real
 * tracked change (w:ins / w:del), so a case officer can step through them in Word's review
 * pane, and accept or reject them.
 */
export async function renderComparisonDocx(given: ComparisonDocumentInput): Promise<Buffer> {
  // People's text enters here: characters XML 1.0 does not allow would make Word refuse the file.
  const safe = xmlSafe(given);
  const input = { ...safe, comments: (safe.comments ?? []).filter((thread) => thread.comments.length > 0 && thread.blockId) };
  const revisions = new RevisionWriter(input.author, input.changedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'));
  const writer = new ComparisonWriter(input, revisions);
  const body = writer.body();
  const fact = (label: string, value: string) =>
    new Paragraph({
      spacing: { after: 80 },
      children: [
        new TextRun({ text: `${label}: `, bold: true, language: { value: LANGUAGE } }),
        new TextRun({ text: value, language: { value: LANGUAGE } }),
      ],
    });
  const summary = `${count(input.changes, BlockChangeKind.CHANGED)} afsnit ændret, ${count(input.changes, BlockChangeKind.ADDED)} tilføjet og ${count(input.changes, BlockChangeKind.REMOVED)} fjernet.`;
  const level = (i: number, ordered: boolean) => ({
    level: i,
    format: ordered ? [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][i % 3] : LevelFormat.BULLET,
    text: ordered ? `%${i + 1}.` : ['•', '◦', '▪'][i % 3],
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (i + 1), hanging: 360 } } },
  });
  const document = new Document({
    title: `Sammenligning: ${input.title}`,
    subject: `${input.fromLabel} → ${input.toLabel}`,
    creator: 'Aftalerum',
    lastModifiedBy: 'Aftalerum',
    comments: { children: wordComments(input.comments) },
    numbering: {
      config: [
        { reference: 'bullet', levels: Array.from({ length: 9 }, (_, i) => level(i, false)) },
        { reference: 'ordered', levels: Array.from({ length: 9 }, (_, i) => level(i, true)) },
      ],
    },
    styles: {
      default: {
        document: { run: { font: 'Cambria', size: 22, language: { value: LANGUAGE } }, paragraph: { spacing: { after: 120, line: 276 } } },
        title: { run: { font: 'Calibri', size: 44, bold: true, color: '1F3864' } },
        heading1: { run: { font: 'Calibri', size: 32, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 60, after: 160 }, keepNext: true } },
        heading2: { run: { font: 'Calibri', size: 26, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        heading3: { run: { font: 'Calibri', size: 23, bold: true, color: '404040' }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1417, right: 1134, bottom: 1417, left: 1134 } } },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: 'Sammenligning af versioner', language: { value: LANGUAGE } })] }),
          fact('Aftale', input.title),
          fact('Region', input.regionName),
          fact('Fra', input.fromLabel),
          fact('Til', input.toLabel),
          fact('Ændringer', summary),
          new Paragraph({
            spacing: { before: 240 },
            children: [
              new TextRun({
                text: 'Ændringerne står som registrerede ændringer. I Word: fanen Gennemse › Alle markeringer viser dem, og Næste går fra ændring til ændring. Indsat tekst er understreget, slettet tekst overstreget.',
                italics: true,
                language: { value: LANGUAGE },
              }),
            ],
          }),
          new Paragraph({ pageBreakBefore: true, children: [] }),
          ...body,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
