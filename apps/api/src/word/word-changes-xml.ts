import JSZip from 'jszip';
import { SaxesParser, SaxesTagPlain } from 'saxes';
import { badInput, DomainError } from '../common/domain-error';

/** The most tracked changes and comments one upload may bring in. */
export const MAX_WORD_CHANGES = 2000;
export const MAX_WORD_COMMENTS = 500;
/** Longer inserted texts or comments than this are refused: a suggestion is not a new chapter. */
export const MAX_CHANGE_TEXT = 10_000;

/** A stretch of a paragraph as Word holds it: unchanged, or a tracked insertion or deletion. */
export interface WordPiece {
  kind: 'text' | 'ins' | 'del';
  text: string;
  /** Word's w:author and w:date of a tracked change ('' for unchanged text). */
  author: string;
  date: string;
}

/** A point in the document: a paragraph and an offset in its original text (unchanged + deleted). */
export interface WordPoint {
  paragraph: number;
  offset: number;
}

/** A paragraph that has tracked changes or a comment in it, with the block ids its bookmarks carry. */
export interface WordParagraph {
  /** Its place among the body's paragraphs. */
  index: number;
  /** The block ids of the `b_…` bookmarks that start in it (the export puts one on every block). */
  blockIds: string[];
  pieces: WordPiece[];
}

export interface WordComment {
  id: string;
  author: string;
  date: string;
  text: string;
  /** The comment it answers (Word's commentsExtended), or null for the first of a thread. */
  parentId: string | null;
  start: WordPoint | null;
  end: WordPoint | null;
}

export interface WordChanges {
  /** Paragraphs with tracked changes or comment ranges, in document order. */
  paragraphs: WordParagraph[];
  comments: WordComment[];
  /** Tracked changes other than text (formatting, moved paragraphs' marks, tables) that are not brought in. */
  ignored: number;
}

/** The local name of an element or attribute, whatever prefix the writer chose (w:, ns0:, …). */
const local = (name: string) => name.slice(name.indexOf(':') + 1);
const attr = (tag: SaxesTagPlain, name: string): string => {
  for (const [key, value] of Object.entries(tag.attributes)) if (local(key) === name) return String(value);
  return '';
};

/** Bookmark names the export writes: `b_` and the block id with `_` for `-`. */
const BLOCK_BOOKMARK = /^b_([A-Za-z0-9_]{1,38})$/;

interface OpenParagraph {
  index: number;
  blockIds: string[];
  pieces: WordPiece[];
  length: number;
  interesting: boolean;
}

function parseDocument(xml: string) {
  const parser = new SaxesParser({ xmlns: false });
  const paragraphs: WordParagraph[] = [];
  const starts = new Map<string, WordPoint>();
  const ends = new Map<string, WordPoint>();
  const references = new Map<string, WordPoint>();
  const stack: OpenParagraph[] = [];
  const revisions: Array<{ kind: 'ins' | 'del'; author: string; date: string }> = [];
  let pendingBlockIds: string[] = [];
  let pendingStarts: string[] = [];
  let paragraphCount = 0;
  let propertiesDepth = 0;
  let textDepth = 0;
  let changes = 0;
  let ignored = 0;

  const current = () => stack[stack.length - 1];
  const here = (): WordPoint | null => (current() ? { paragraph: current().index, offset: current().length } : null);
  const add = (text: string, deleted: boolean) => {
    const paragraph = current();
    if (!paragraph || !text) return;
    const revision = revisions[revisions.length - 1];
    const kind: WordPiece['kind'] = revision ? revision.kind : 'text';
    if (deleted && kind !== 'del') return;
    const last = paragraph.pieces[paragraph.pieces.length - 1];
    if (last && last.kind === kind && last.author === (revision?.author ?? '') && last.date === (revision?.date ?? '')) last.text += text;
    else paragraph.pieces.push({ kind, text, author: revision?.author ?? '', date: revision?.date ?? '' });
    if (kind !== 'ins') paragraph.length += text.length;
  };

  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const name = local(tag.name);
    if (propertiesDepth > 0) {
      propertiesDepth += 1;
      // A tracked change of formatting or of a paragraph mark: not text, not brought in.
      if (name === 'ins' || name === 'del' || name.endsWith('Change')) ignored += 1;
      return;
    }
    switch (name) {
      case 'p': {
        const paragraph: OpenParagraph = { index: paragraphCount++, blockIds: pendingBlockIds, pieces: [], length: 0, interesting: false };
        pendingBlockIds = [];
        for (const id of pendingStarts) starts.set(id, { paragraph: paragraph.index, offset: 0 });
        if (pendingStarts.length) paragraph.interesting = true;
        pendingStarts = [];
        stack.push(paragraph);
        break;
      }
      case 'pPr':
      case 'rPr':
      case 'sectPr':
      case 'tblPr':
      case 'trPr':
      case 'tcPr':
        propertiesDepth = 1;
        break;
      case 'ins':
      case 'moveTo':
      case 'del':
      case 'moveFrom':
        // Counted by Word's revisions, not by the pieces they merge into.
        changes += 1;
        if (changes > MAX_WORD_CHANGES) {
          throw badInput(`Dokumentet har over ${MAX_WORD_CHANGES.toLocaleString('da-DK')} registrerede ændringer. Del dem op i flere dokumenter, og prøv igen.`);
        }
        revisions.push({ kind: name === 'ins' || name === 'moveTo' ? 'ins' : 'del', author: attr(tag, 'author'), date: attr(tag, 'date') });
        break;
      case 't':
      case 'delText':
        textDepth += 1;
        break;
      case 'tab':
        add('\t', false);
        break;
      case 'br':
      case 'cr':
        add('\n', false);
        break;
      case 'noBreakHyphen':
        add('-', false);
        break;
      case 'bookmarkStart': {
        const match = BLOCK_BOOKMARK.exec(attr(tag, 'name'));
        if (match) (current() ? current().blockIds : pendingBlockIds).push(match[1]);
        break;
      }
      case 'commentRangeStart': {
        const point = here();
        if (point) {
          starts.set(attr(tag, 'id'), point);
          current().interesting = true;
        } else pendingStarts.push(attr(tag, 'id'));
        break;
      }
      case 'commentRangeEnd': {
        const point = here();
        if (point) ends.set(attr(tag, 'id'), point);
        break;
      }
      case 'commentReference': {
        const point = here();
        if (point) {
          references.set(attr(tag, 'id'), point);
          current().interesting = true;
        }
        break;
      }
    }
  });
  parser.on('text', (text) => {
    if (textDepth > 0 && propertiesDepth === 0) add(text, false);
  });
  parser.on('closetag', (tag) => {
    const name = local(tag.name);
    if (propertiesDepth > 0) {
      propertiesDepth -= 1;
      return;
    }
    switch (name) {
      case 'p': {
        const paragraph = stack.pop();
        if (!paragraph) break;
        const changed = paragraph.pieces.some((piece) => piece.kind !== 'text');
        if (changed || paragraph.interesting) paragraphs.push({ index: paragraph.index, blockIds: paragraph.blockIds, pieces: paragraph.pieces });
        break;
      }
      case 'ins':
      case 'moveTo':
      case 'del':
      case 'moveFrom':
        revisions.pop();
        break;
      case 't':
      case 'delText':
        textDepth = Math.max(0, textDepth - 1);
        break;
    }
  });
  parser.write(xml).close();
  return { paragraphs, starts, ends, references, ignored };
}

/** comments.xml: each comment's author, date, text, and the paraId of its last paragraph (for replies). */
function parseComments(xml: string) {
  const parser = new SaxesParser({ xmlns: false });
  const comments: Array<{ id: string; author: string; date: string; text: string; paraId: string }> = [];
  let open: { id: string; author: string; date: string; lines: string[]; paraId: string } | null = null;
  let inText = 0;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const name = local(tag.name);
    if (name === 'comment') open = { id: attr(tag, 'id'), author: attr(tag, 'author'), date: attr(tag, 'date'), lines: [], paraId: '' };
    else if (open && name === 'p') {
      open.lines.push('');
      open.paraId = attr(tag, 'paraId') || open.paraId;
    } else if (open && name === 't') inText += 1;
    else if (open && (name === 'br' || name === 'cr')) open.lines.push('');
  });
  parser.on('text', (text) => {
    if (open && inText > 0) {
      if (open.lines.length === 0) open.lines.push('');
      open.lines[open.lines.length - 1] += text;
    }
  });
  parser.on('closetag', (tag) => {
    const name = local(tag.name);
    if (name === 't') inText = Math.max(0, inText - 1);
    else if (name === 'comment' && open) {
      comments.push({ id: open.id, author: open.author, date: open.date, text: open.lines.join('\n').trim(), paraId: open.paraId });
      if (comments.length > MAX_WORD_COMMENTS) {
        throw badInput(`Dokumentet har over ${MAX_WORD_COMMENTS.toLocaleString('da-DK')} kommentarer. Del dem op i flere dokumenter, og prøv igen.`);
      }
      open = null;
    }
  });
  parser.write(xml).close();
  return comments;
}

/** commentsExtended.xml: which comment (by its paragraph's paraId) answers which. */
function parseCommentParents(xml: string): Map<string, string> {
  const parser = new SaxesParser({ xmlns: false });
  const parents = new Map<string, string>();
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    if (local(tag.name) !== 'commentEx') return;
    const parent = attr(tag, 'paraIdParent');
    if (parent) parents.set(attr(tag, 'paraId'), parent);
  });
  parser.write(xml).close();
  return parents;
}

/**
 * Reads the tracked changes (w:ins, w:del) and comments of a Word document: the paragraphs they
 * are in, with the block ids the export's bookmarks carry, and each comment's range. Runs in the
 * worker of `readWordChanges` (word-changes-reader.ts), on a package already checked; this file
 * imports only what that worker needs, so it starts quickly.
 */
export async function convertWordChanges(bytes: Uint8Array): Promise<WordChanges> {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const zip = await JSZip.loadAsync(data);
  const part = (name: string) => zip.file(name)?.async('string') ?? Promise.resolve(null);
  const documentXml = await part('word/document.xml');
  if (documentXml === null) throw badInput('Filen er ikke et Word-dokument (.docx). Gem den som .docx i Word, og prøv igen.');
  let parsed: ReturnType<typeof parseDocument>;
  let comments: ReturnType<typeof parseComments> = [];
  let parents = new Map<string, string>();
  try {
    parsed = parseDocument(documentXml);
    const commentsXml = await part('word/comments.xml');
    if (commentsXml) comments = parseComments(commentsXml);
    const extendedXml = await part('word/commentsExtended.xml');
    if (extendedXml) parents = parseCommentParents(extendedXml);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw badInput('Word-dokumentet er beskadiget og kan ikke læses. Åbn det i Word, gem det igen som .docx, og prøv igen.');
  }
  const byParaId = new Map(comments.filter((c) => c.paraId).map((c) => [c.paraId, c.id]));
  for (const piece of parsed.paragraphs.flatMap((p) => p.pieces)) {
    if (piece.kind !== 'text' && piece.text.length > MAX_CHANGE_TEXT) {
      throw badInput(`En registreret ændring i dokumentet er over ${MAX_CHANGE_TEXT.toLocaleString('da-DK')} tegn. Foreslå lange tekster i flere dele, og prøv igen.`);
    }
  }
  return {
    paragraphs: parsed.paragraphs,
    ignored: parsed.ignored,
    comments: comments.map((c) => {
      const parentParaId = parents.get(c.paraId);
      const start = parsed.starts.get(c.id) ?? parsed.references.get(c.id) ?? null;
      return {
        id: c.id,
        author: c.author,
        date: c.date,
        text: c.text.slice(0, MAX_CHANGE_TEXT),
        parentId: parentParaId ? (byParaId.get(parentParaId) ?? null) : null,
        start,
        end: parsed.ends.get(c.id) ?? start,
      };
    }),
  };
}

