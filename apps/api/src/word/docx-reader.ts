import { draftSchema, isSectionKind, JSONContent, SECTION_KIND_LABELS, SectionKind, textOf } from '@aftalerum/editor';
import { Mark } from '@tiptap/pm/model';
import { Logger } from '@nestjs/common';
import mammoth from 'mammoth';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { badInput } from '../common/domain-error';
import { MAX_UPLOAD_BYTES } from '../common/uploads';
import { DOCUMENT_WORKER_LIMITS, runInWorker, WorkerLimitError, WorkerLimits } from '../documents/bounded-worker';
import { inspectZip, OFFICE_ZIP_LIMITS, UnsafeZipError, unpackedSize, ZipInventory } from '../documents/untrusted-zip';
import { HtmlElement, HtmlNode, htmlText, parseHtml } from './html-tree';

/** The largest Word document the import takes. */
export const MAX_IMPORT_BYTES = MAX_UPLOAD_BYTES;

/** A top-level heading of the imported document: a candidate start of a section. */
export interface ImportedHeading {
  /** 0, 1, … in document order: the key of the section mapping. */
  index: number;
  /** Where the heading is in `blocks`. */
  blockIndex: number;
  text: string;
  /** 1–6, as in Word (Title counts as 1). */
  level: number;
  /** The kind the document itself names (an Aftalerum export labels every section), if any. */
  declaredKind: SectionKind | null;
  /** The start of the text under the heading, to help the person deciding its kind. */
  excerpt: string;
}

export interface ImportedDocx {
  /** Top-level blocks in draft JSON (headings, paragraphs, lists, tables), with fresh block ids. */
  blocks: JSONContent[];
  headings: ImportedHeading[];
  /** Things a person should know before confirming, in Danish. */
  warnings: string[];
}

/**
 * How Word styles become HTML. Section kind labels of an Aftalerum export are kept as markers;
 * its table of contents (and any Word table of contents) is left out: it is not content.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Section Kind'] => p.section-kind:fresh",
  "p[style-name='TOC Heading'] => !",
  // The part headings (Visioner, Fokusområder, …) an export sets over the sections: the sections' kinds say the same.
  "p[style-name='Part Heading'] => !",
  ...Array.from({ length: 9 }, (_, i) => `p[style-name='toc ${i + 1}'] => !`),
];

const KIND_BY_LABEL = new Map<string, SectionKind>(
  Object.entries(SECTION_KIND_LABELS).map(([kind, label]) => [label.toLowerCase(), kind as SectionKind]),
);

/** "1. ", "2.3 ", "2.3.1 ": the numbers an Aftalerum export puts before its headings. */
const EXPORTED_NUMBER = /^\d{1,3}(?:\.\d{1,3})*\.?\s+/;

const logger = new Logger('WordImport');

const startsWith = (data: Buffer, bytes: number[]) => bytes.every((byte, i) => data[i] === byte);

/** The Word file a person uploaded unpacks to too much, or unusually: what it was, and what to do. */
function refusal(error: UnsafeZipError) {
  switch (error.reason) {
    case 'CORRUPT':
      return badInput(DAMAGED, { zip: error.message });
    case 'TOO_MANY_ENTRIES':
      return badInput(`Word-filen består af unormalt mange dele (over ${OFFICE_ZIP_LIMITS.maxEntries.toLocaleString('da-DK')}). Gem den igen i Word, eller del den op.`, { zip: error.message });
    case 'BAD_NAME':
      return badInput('Word-filen indeholder ugyldige filnavne og kan ikke læses. Gem den igen i Word som .docx, og prøv igen.', { zip: error.message });
    case 'TOO_LARGE':
    case 'ENTRY_TOO_LARGE':
    case 'SIZE_MISMATCH':
      return badInput(`Word-filen er for stor eller pakket unormalt (${unpackedSize(error)} udpakket). Gem den igen i Word, eller del den op.`, { zip: error.message });
  }
}

const DAMAGED = 'Word-dokumentet er beskadiget og kan ikke læses. Åbn det i Word, gem det igen som .docx, og prøv igen.';

/**
 * Refuses, with a message a person can act on, anything that is not a readable Word document:
 * decided from the bytes, never the file name. The package is checked within
 * {@link OFFICE_ZIP_LIMITS} before anything unpacks it.
 */
export async function checkDocx(data: Buffer): Promise<void> {
  if (data.length === 0) throw badInput('Filen er tom. Vælg et Word-dokument (.docx).');
  if (data.length > MAX_IMPORT_BYTES) throw badInput('Filen er større end 20 MB. Fjern billeder, eller del dokumentet op, og prøv igen.');
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46])) {
    throw badInput('Filen er en PDF. Import kræver et Word-dokument: åbn det oprindelige dokument i Word, gem det som .docx, og prøv igen.');
  }
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw badInput('Filen er i det gamle Word-format (.doc). Åbn den i Word, vælg Gem som › Word-dokument (.docx), og prøv igen.');
  }
  if (!startsWith(data, [0x50, 0x4b, 0x03, 0x04])) {
    throw badInput('Filen er ikke et Word-dokument (.docx). Gem den som .docx i Word, og prøv igen.');
  }
  let zip: ZipInventory;
  try {
    zip = await inspectZip(data, OFFICE_ZIP_LIMITS);
  } catch (error) {
    if (error instanceof UnsafeZipError) throw refusal(error);
    throw error;
  }
  if (zip.has('word/document.xml')) return;
  if (zip.has('xl/workbook.xml')) throw badInput('Filen er et Excel-ark, ikke et Word-dokument. Vælg udkastet som .docx.');
  if (zip.has('ppt/presentation.xml')) throw badInput('Filen er en PowerPoint-præsentation, ikke et Word-dokument. Vælg udkastet som .docx.');
  throw badInput('Filen er ikke et Word-dokument (.docx). Gem den som .docx i Word, og prøv igen.');
}

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** An absolute http(s) or mailto link, or null (internal anchors and scripts are not links in the draft). */
function safeHref(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

const HEADING = /^h([1-6])$/;
const isBlockTag = (tag: string) =>
  HEADING.test(tag) || ['p', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'hr', 'blockquote', 'div', 'pre'].includes(tag);
const isBlank = (nodes: HtmlNode[]) => nodes.every((node) => htmlText(node).trim() === '' && !(node.kind === 'element' && node.tag === 'br'));

/** Turns mammoth's HTML into draft JSON blocks, valid against the draft schema. */
class DraftBuilder {
  private readonly schema = draftSchema();
  images = 0;
  /** Headings of the top level and the section kind label that stood right before each, if any. */
  readonly kindLabels = new Map<JSONContent, SectionKind>();

  topLevel(nodes: HtmlNode[]): JSONContent[] {
    const blocks: JSONContent[] = [];
    let pendingKind: SectionKind | null = null;
    for (const node of nodes) {
      if (node.kind === 'element' && node.tag === 'p' && node.attrs.class === 'section-kind') {
        const kind = KIND_BY_LABEL.get(htmlText(node).trim().toLowerCase());
        if (kind) {
          pendingKind = kind;
          continue;
        }
      }
      const converted = this.blocks([node]);
      if (pendingKind && converted[0]?.type === 'heading') this.kindLabels.set(converted[0], pendingKind);
      if (converted.length > 0) pendingKind = null;
      blocks.push(...converted);
    }
    return blocks;
  }

  blocks(nodes: HtmlNode[]): JSONContent[] {
    const out: JSONContent[] = [];
    let inline: HtmlNode[] = [];
    const flush = () => {
      if (!isBlank(inline)) out.push(this.textBlock('paragraph', inline));
      inline = [];
    };
    for (const node of nodes) {
      if (node.kind === 'text' || !isBlockTag(node.tag)) {
        inline.push(node);
        continue;
      }
      flush();
      const heading = HEADING.exec(node.tag);
      if (heading) {
        const block = this.textBlock('heading', node.children, { level: Number(heading[1]) });
        if (textOf(block).trim()) out.push(block);
        continue;
      }
      switch (node.tag) {
        case 'p':
          out.push(this.textBlock('paragraph', node.children));
          break;
        case 'ul':
        case 'ol':
          out.push(this.list(node));
          break;
        case 'li':
          out.push(this.list({ ...node, tag: 'ul', children: [node] }));
          break;
        case 'table': {
          const table = this.table(node);
          if (table) out.push(table);
          break;
        }
        case 'hr':
          out.push({ type: 'horizontalRule' });
          break;
        default:
          // div, blockquote, pre and stray table parts: their content, as blocks.
          out.push(...this.blocks(node.children));
      }
    }
    flush();
    return out;
  }

  private textBlock(type: 'paragraph' | 'heading', nodes: HtmlNode[], attrs: Record<string, unknown> = {}): JSONContent {
    const content: JSONContent[] = [];
    this.inline(nodes, [], content);
    // Word often ends a line with spaces or a break; the draft has no use for them.
    while (content.length > 0 && content[content.length - 1].type === 'hardBreak') content.pop();
    return { type, attrs: { blockId: randomUUID(), ...attrs }, ...(content.length > 0 ? { content } : {}) };
  }

  private inline(nodes: HtmlNode[], marks: readonly Mark[], out: JSONContent[]): void {
    const withMark = (name: string, attrs?: Record<string, unknown>) => this.schema.marks[name].create(attrs).addToSet(marks);
    for (const node of nodes) {
      if (node.kind === 'text') {
        if (node.text) out.push({ type: 'text', text: node.text, ...(marks.length ? { marks: marks.map((m) => m.toJSON()) } : {}) });
        continue;
      }
      switch (node.tag) {
        case 'strong':
        case 'b':
          this.inline(node.children, withMark('bold'), out);
          break;
        case 'em':
        case 'i':
          this.inline(node.children, withMark('italic'), out);
          break;
        case 's':
        case 'del':
        case 'strike':
          this.inline(node.children, withMark('strike'), out);
          break;
        case 'u':
          this.inline(node.children, withMark('underline'), out);
          break;
        case 'br':
          out.push({ type: 'hardBreak' });
          break;
        case 'img':
          this.images += 1;
          break;
        case 'a': {
          const href = safeHref(node.attrs.href);
          this.inline(node.children, href ? withMark('link', { href }) : marks, out);
          break;
        }
        default:
          // sup, sub, span, and block tags inside a line: their text.
          this.inline(node.children, marks, out);
      }
    }
  }

  private list(node: HtmlElement): JSONContent {
    const items = node.children
      .filter((child) => !(child.kind === 'text' && child.text.trim() === ''))
      .map((child) => {
        const content = this.blocks(child.kind === 'element' && child.tag === 'li' ? child.children : [child]);
        // A list item starts with a paragraph in the draft schema.
        if (content[0]?.type !== 'paragraph') content.unshift({ type: 'paragraph', attrs: { blockId: randomUUID() } });
        return { type: 'listItem', attrs: { blockId: randomUUID() }, content };
      });
    if (items.length === 0) items.push({ type: 'listItem', attrs: { blockId: randomUUID() }, content: [{ type: 'paragraph', attrs: { blockId: randomUUID() } }] });
    return { type: node.tag === 'ol' ? 'orderedList' : 'bulletList', content: items };
  }

  private table(node: HtmlElement): JSONContent | null {
    const rows: HtmlElement[] = [];
    const collect = (element: HtmlElement) => {
      for (const child of element.children) {
        if (child.kind !== 'element') continue;
        if (child.tag === 'tr') rows.push(child);
        else if (child.tag === 'thead' || child.tag === 'tbody' || child.tag === 'tfoot') collect(child);
      }
    };
    collect(node);
    const content = rows
      .map((row) => ({
        type: 'tableRow',
        content: row.children
          .filter((cell): cell is HtmlElement => cell.kind === 'element' && (cell.tag === 'td' || cell.tag === 'th'))
          .map((cell) => {
            const blocks = this.blocks(cell.children);
            return {
              type: cell.tag === 'th' ? 'tableHeader' : 'tableCell',
              attrs: {
                blockId: randomUUID(),
                colspan: Math.max(1, Number(cell.attrs.colspan) || 1),
                rowspan: Math.max(1, Number(cell.attrs.rowspan) || 1),
              },
              content: blocks.length > 0 ? blocks : [{ type: 'paragraph', attrs: { blockId: randomUUID() } }],
            };
          }),
      }))
      .filter((row) => row.content.length > 0);
    return content.length > 0 ? { type: 'table', content } : null;
  }
}

const excerptOf = (blocks: JSONContent[], from: number): string => {
  const texts: string[] = [];
  for (let i = from; i < blocks.length && blocks[i].type !== 'heading'; i++) {
    texts.push(textOf(blocks[i]).replace(/\s+/g, ' ').trim());
    if (texts.join(' ').length > 160) break;
  }
  const text = texts.filter(Boolean).join(' ');
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
};

/** Removes an Aftalerum export's "2.1 " from the front of a heading's first text. */
function stripExportedNumber(heading: JSONContent): void {
  const first = heading.content?.[0];
  if (first?.type !== 'text' || !first.text) return;
  const text = first.text.replace(EXPORTED_NUMBER, '');
  if (text) first.text = text;
  else heading.content = heading.content?.slice(1);
}

const WORKER = path.join(__dirname, 'docx-reader.worker');
const SECONDS = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });

/** A worker that ran out of memory or time on the document: the person's next step. */
export function workerRefusal(error: WorkerLimitError, limits: WorkerLimits) {
  switch (error.kind) {
    case 'MEMORY':
      return badInput(
        `Word-filen er for stor eller for indviklet til at blive læst (den kræver over ${limits.maxOldGenerationSizeMb} MB hukommelse). Gem den igen i Word, eller del den op.`,
        { worker: error.message },
      );
    case 'TIME':
      return badInput(
        `Det tog for lang tid at læse Word-filen (over ${SECONDS.format(limits.timeoutMs / 1000)} sekunder). Gem den igen i Word, eller del den op.`,
        { worker: error.message },
      );
    case 'CRASH':
      return badInput(DAMAGED, { worker: error.message });
  }
}

/**
 * Reads an uploaded Word document into draft blocks (see {@link convertDocx}). Untrusted
 * bytes: the package is checked within {@link OFFICE_ZIP_LIMITS} here, then parsed in a
 * worker thread under `limits`, so no document can take the server's memory or time. A
 * document over any limit is refused with BAD_USER_INPUT and a message saying what to do.
 */
export async function readDocx(data: Buffer, limits: WorkerLimits = DOCUMENT_WORKER_LIMITS): Promise<ImportedDocx> {
  await checkDocx(data);
  try {
    return await runInWorker<Uint8Array, ImportedDocx>(WORKER, data, limits);
  } catch (error) {
    if (error instanceof WorkerLimitError) {
      logger.warn(`Word import refused: ${error.message}`);
      throw workerRefusal(error, limits);
    }
    throw error;
  }
}

/**
 * Converts a Word document into draft blocks with mammoth: headings, paragraphs, lists (nested),
 * tables, bold, italic, underline, strike-through and links. An Aftalerum export is recognised
 * by its section kind labels: its title page is dropped, the labels name the sections' kinds
 * and the heading numbers it added are removed, so export → import gives back the same draft.
 * Runs in the worker of {@link readDocx}, on a package already checked.
 */
export async function convertDocx(bytes: Uint8Array): Promise<ImportedDocx> {
  // From the parent thread a Buffer arrives as a plain Uint8Array.
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const builder = new DraftBuilder();
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: data },
      {
        styleMap: STYLE_MAP,
        // Images are not part of the draft: count them without decoding them.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    html = result.value;
  } catch {
    throw badInput(DAMAGED);
  }
  let blocks = builder.topLevel(parseHtml(html));
  const fromAftalerum = builder.kindLabels.size > 0;
  if (fromAftalerum) {
    // Everything before the first labelled section is the export's title page.
    const first = blocks.findIndex((block) => builder.kindLabels.has(block));
    blocks = blocks.slice(first);
    for (const block of blocks) if (block.type === 'heading') stripExportedNumber(block);
  }

  const headings: ImportedHeading[] = [];
  blocks.forEach((block, blockIndex) => {
    if (block.type !== 'heading') return;
    const declared = builder.kindLabels.get(block);
    headings.push({
      index: headings.length,
      blockIndex,
      text: textOf(block).replace(/\s+/g, ' ').trim(),
      level: Number(block.attrs?.level ?? 1),
      declaredKind: declared && isSectionKind(declared) ? declared : null,
      excerpt: excerptOf(blocks, blockIndex + 1),
    });
  });

  const warnings: string[] = [];
  if (blocks.length === 0) throw badInput('Word-dokumentet er tomt. Vælg dokumentet med udkastets tekst.');
  if (headings.length === 0) {
    warnings.push(
      'Dokumentet har ingen overskrifter, så det hele bliver ét afsnit. Giv hver vision, hvert fokusområde og hvert princip typografien Overskrift 1 i Word, hvis de skal være hvert sit afsnit.',
    );
  } else if (headings[0].blockIndex > 0) {
    warnings.push('Teksten før den første overskrift bliver et afsnit for sig (Indledning).');
  }
  if (builder.images > 0) {
    warnings.push(
      builder.images === 1
        ? 'Dokumentet har 1 billede. Udkastet kan ikke rumme billeder, så det kommer ikke med.'
        : `Dokumentet har ${builder.images} billeder. Udkastet kan ikke rumme billeder, så de kommer ikke med.`,
    );
  }
  return { blocks, headings, warnings };
}
