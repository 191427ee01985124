import { draftSchema, JSONContent, SuggestionAttributes } from '@aftalerum/editor';
import { Fragment, Mark, Node } from '@tiptap/pm/model';
import { diffChars } from 'diff';
import { randomUUID } from 'node:crypto';
import { WordChanges, WordParagraph, WordPoint } from './word-changes-reader';

/** How a Word paragraph found its block in the draft. */
export type MatchedBy = 'BLOCK_ID' | 'TEXT';

/** One tracked change of the Word document, placed in a block of the draft. */
export interface PlannedSuggestion {
  blockId: string;
  matchedBy: MatchedBy;
  kind: 'insertion' | 'deletion';
  /** Where, in the block's accepted text: the insertion point, or the deleted range's start. */
  from: number;
  /** The deleted range's end (= from for an insertion). */
  to: number;
  text: string;
  wordAuthor: string;
  wordDate: string;
}

/** A comment thread of the Word document, placed on text of a block. */
export interface PlannedComment {
  blockId: string;
  matchedBy: MatchedBy;
  from: number;
  to: number;
  quote: string;
  text: string;
  wordAuthor: string;
  replies: Array<{ text: string; wordAuthor: string }>;
}

export interface SuggestionPlan {
  suggestions: PlannedSuggestion[];
  comments: PlannedComment[];
  /** What could not be placed, in Danish, for the person to know before confirming. */
  warnings: string[];
}

interface DraftBlock {
  blockId: string;
  text: string;
}

const schema = draftSchema();
const isInsertion = (marks: readonly Mark[]) => marks.some((mark) => mark.type.name === 'insertion');

/** A textblock's accepted text: its text without pending insertions, a hard break as '\n'. */
function acceptedText(block: Node): string {
  let text = '';
  block.forEach((child) => {
    if (child.isText) {
      if (!isInsertion(child.marks)) text += child.text ?? '';
    } else if (child.type.name === 'hardBreak') text += '\n';
  });
  return text;
}

/** Every paragraph and heading of the draft with a block id, and its accepted text. */
function textBlocks(doc: Node): Map<string, { node: Node; text: string }> {
  const blocks = new Map<string, { node: Node; text: string }>();
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    const id = node.attrs.blockId;
    if (typeof id === 'string' && id) blocks.set(id, { node, text: acceptedText(node) });
    return false;
  });
  return blocks;
}

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Dice similarity of two texts' words (0–1). */
function similarity(a: string, b: string): number {
  const left = words(a);
  const right = words(b);
  if (left.length === 0 || right.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of left) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of right) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      shared += 1;
      counts.set(w, n - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/** The least similarity for a paragraph whose block id Word lost to count as that block. */
export const TEXT_MATCH_THRESHOLD = 0.6;

/**
 * Maps offsets in the Word paragraph's original text (what the export wrote: unchanged and
 * deleted text) to offsets in the block's accepted text. They differ where the export added
 * text (a heading's number) or where the draft changed since the export.
 */
function offsetMap(original: string, block: string): (offset: number) => number {
  const map: number[] = [];
  let at = 0;
  for (const part of diffChars(original, block)) {
    if (part.added) {
      at += part.value.length;
      continue;
    }
    for (let i = 0; i < part.value.length; i++) {
      map.push(at);
      if (!part.removed) at += 1;
    }
  }
  map.push(at);
  return (offset) => map[Math.max(0, Math.min(offset, map.length - 1))];
}

const originalText = (paragraph: WordParagraph) =>
  paragraph.pieces
    .filter((piece) => piece.kind !== 'ins')
    .map((piece) => piece.text)
    .join('');

/**
 * Places a Word document's tracked changes and comments in the draft: each paragraph finds its
 * block by the block id its bookmark carries, else by the most similar text; each change its
 * place in that block's accepted text. What cannot be placed becomes a warning.
 */
export function planSuggestions(changes: WordChanges, content: JSONContent): SuggestionPlan {
  const doc = Node.fromJSON(schema, content);
  const blocks = textBlocks(doc);
  const byBookmark = new Map([...blocks.keys()].map((id) => [id.replace(/-/g, '_'), id]));
  const candidates: DraftBlock[] = [...blocks].map(([blockId, block]) => ({ blockId, text: block.text }));
  const warnings: string[] = [];
  const placed = new Map<number, { blockId: string; matchedBy: MatchedBy; map: (offset: number) => number; original: string }>();

  for (const paragraph of changes.paragraphs) {
    const original = originalText(paragraph);
    let blockId = paragraph.blockIds.map((id) => byBookmark.get(id)).find((id): id is string => Boolean(id)) ?? null;
    let matchedBy: MatchedBy = 'BLOCK_ID';
    if (!blockId) {
      let best: { blockId: string; score: number } | null = null;
      for (const candidate of candidates) {
        const score = similarity(original, candidate.text);
        if (!best || score > best.score) best = { blockId: candidate.blockId, score };
      }
      if (best && best.score >= TEXT_MATCH_THRESHOLD) {
        blockId = best.blockId;
        matchedBy = 'TEXT';
      }
    }
    if (!blockId) {
      const excerpt = original.trim().slice(0, 60) || paragraph.pieces.map((p) => p.text).join('').trim().slice(0, 60);
      warnings.push(`Afsnittet »${excerpt}« findes ikke i udkastet, så ændringerne og kommentarerne i det kommer ikke med.`);
      continue;
    }
    placed.set(paragraph.index, { blockId, matchedBy, map: offsetMap(original, blocks.get(blockId)?.text ?? ''), original });
  }

  const suggestions: PlannedSuggestion[] = [];
  for (const paragraph of changes.paragraphs) {
    const place = placed.get(paragraph.index);
    if (!place) continue;
    const blockText = blocks.get(place.blockId)?.text ?? '';
    let offset = 0;
    for (const piece of paragraph.pieces) {
      if (piece.kind === 'text') {
        offset += piece.text.length;
        continue;
      }
      const from = place.map(offset);
      if (piece.kind === 'ins') {
        if (piece.text.length > 0) {
          suggestions.push({ blockId: place.blockId, matchedBy: place.matchedBy, kind: 'insertion', from, to: from, text: piece.text, wordAuthor: piece.author, wordDate: piece.date });
        }
        continue;
      }
      const to = place.map(offset + piece.text.length);
      offset += piece.text.length;
      if (blockText.slice(from, to) !== piece.text) {
        warnings.push(`Sletningen af »${piece.text.slice(0, 60)}« passer ikke længere til udkastets tekst, så den kommer ikke med.`);
        continue;
      }
      suggestions.push({ blockId: place.blockId, matchedBy: place.matchedBy, kind: 'deletion', from, to, text: piece.text, wordAuthor: piece.author, wordDate: piece.date });
    }
  }

  const comments: PlannedComment[] = [];
  const replies = new Map<string, Array<{ text: string; wordAuthor: string }>>();
  for (const comment of changes.comments) {
    if (comment.parentId) replies.set(comment.parentId, [...(replies.get(comment.parentId) ?? []), { text: comment.text, wordAuthor: comment.author }]);
  }
  for (const comment of changes.comments) {
    if (comment.parentId || !comment.text.trim()) continue;
    const start = comment.start;
    const place = start ? placed.get(start.paragraph) : undefined;
    if (!start || !place) {
      warnings.push(`Kommentaren »${comment.text.slice(0, 60)}« står ikke i et afsnit, der findes i udkastet, så den kommer ikke med.`);
      continue;
    }
    const blockText = blocks.get(place.blockId)?.text ?? '';
    const endOffset = (end: WordPoint | null) => (end && end.paragraph === start.paragraph ? end.offset : place.original.length);
    let from = place.map(start.offset);
    let to = place.map(endOffset(comment.end));
    // A comment on no text (a point) is on its whole paragraph.
    if (to <= from || !blockText.slice(from, to).trim()) {
      from = 0;
      to = blockText.length;
    }
    if (!blockText.slice(from, to).trim()) {
      warnings.push(`Kommentaren »${comment.text.slice(0, 60)}« står i et tomt afsnit, så den kommer ikke med.`);
      continue;
    }
    comments.push({
      blockId: place.blockId,
      matchedBy: place.matchedBy,
      from,
      to,
      quote: blockText.slice(from, to).slice(0, 2000),
      text: comment.text,
      wordAuthor: comment.author,
      replies: replies.get(comment.id) ?? [],
    });
  }
  if (changes.ignored > 0) warnings.push(`${changes.ignored} ændring(er) af formatering eller afsnitsmærker kommer ikke med; kun tekst bliver til forslag.`);
  return { suggestions, comments, warnings };
}

/** One character (or inline node) of a block, with its marks. */
type Atom = { node: Node; accepted: boolean };

function atomsOf(block: Node): Atom[] {
  const atoms: Atom[] = [];
  block.forEach((child) => {
    if (child.isText) {
      const accepted = !isInsertion(child.marks);
      for (const ch of Array.from(child.text ?? '')) {
        // Characters outside the BMP are two code units in the accepted text's offsets.
        atoms.push({ node: schema.text(ch, child.marks), accepted });
      }
    } else atoms.push({ node: child, accepted: true });
  });
  return atoms;
}

const atomLength = (atom: Atom) => (atom.node.isText ? (atom.node.text ?? '').length : 1);

/** The index of the atom at accepted offset `offset` (atoms.length at the end). */
function atomAt(atoms: Atom[], offset: number): number {
  let at = 0;
  for (let i = 0; i < atoms.length; i++) {
    if (!atoms[i].accepted) continue;
    if (at >= offset) return i;
    at += atomLength(atoms[i]);
  }
  return atoms.length;
}

function joined(atoms: Atom[]): Fragment {
  const nodes: Node[] = [];
  for (const { node } of atoms) {
    const last = nodes[nodes.length - 1];
    if (last && last.isText && node.isText && Mark.sameSet(last.marks, node.marks)) nodes[nodes.length - 1] = schema.text((last.text ?? '') + (node.text ?? ''), last.marks);
    else nodes.push(node);
  }
  return Fragment.fromArray(nodes);
}

/**
 * The draft with the planned suggestions as insertion and deletion marks of `author`. Each
 * change is checked again against the text it was planned on: one that no longer fits (the
 * draft changed meanwhile) is left out and counted.
 */
export function applySuggestions(
  content: JSONContent,
  suggestions: PlannedSuggestion[],
  author: Omit<SuggestionAttributes, 'id' | 'createdAt'>,
  now: Date,
): { content: JSONContent; applied: PlannedSuggestion[]; marks: SuggestionAttributes[] } {
  const doc = Node.fromJSON(schema, content);
  const blocks = textBlocks(doc);
  const byBlock = new Map<string, PlannedSuggestion[]>();
  for (const suggestion of suggestions) byBlock.set(suggestion.blockId, [...(byBlock.get(suggestion.blockId) ?? []), suggestion]);
  const applied: PlannedSuggestion[] = [];
  const marks: SuggestionAttributes[] = [];
  const replaced = new Map<string, Fragment>();
  const attributesFor = (suggestion: PlannedSuggestion): SuggestionAttributes => {
    const date = new Date(suggestion.wordDate);
    const createdAt = Number.isNaN(date.getTime()) || date.getTime() > now.getTime() ? now.toISOString() : date.toISOString();
    const attrs = { ...author, id: randomUUID(), createdAt };
    marks.push(attrs);
    return attrs;
  };

  for (const [blockId, planned] of byBlock) {
    const block = blocks.get(blockId);
    if (!block) continue;
    const atoms = atomsOf(block.node);
    // Deletions first: they mark text and move no offsets.
    for (const suggestion of planned.filter((s) => s.kind === 'deletion')) {
      if (block.text.slice(suggestion.from, suggestion.to) !== suggestion.text) continue;
      const deletion = schema.marks.deletion.create(attributesFor(suggestion));
      let offset = 0;
      for (const atom of atoms) {
        if (!atom.accepted) continue;
        const length = atomLength(atom);
        if (offset >= suggestion.from && offset < suggestion.to && atom.node.isText && !atom.node.marks.some((m) => m.type.name === 'deletion')) {
          atom.node = atom.node.mark(deletion.addToSet(atom.node.marks));
        }
        offset += length;
      }
      applied.push(suggestion);
    }
    // Insertions from the last to the first, so earlier offsets stay where they were.
    const insertions = planned.map((s, order) => ({ s, order })).filter(({ s }) => s.kind === 'insertion');
    insertions.sort((a, b) => b.s.from - a.s.from || b.order - a.order);
    for (const { s: suggestion } of insertions) {
      if (suggestion.from > block.text.length) continue;
      const insertion = schema.marks.insertion.create(attributesFor(suggestion));
      const at = atomAt(atoms, suggestion.from);
      // A suggestion stays within its paragraph: a line break typed in Word becomes a space.
      const inserted: Atom[] = [{ node: schema.text(suggestion.text.replace(/[\t\n]/g, ' '), [insertion]), accepted: false }];
      atoms.splice(at, 0, ...inserted);
      applied.push(suggestion);
    }
    replaced.set(blockId, joined(atoms));
  }

  const rebuild = (node: Node): Node => {
    if (node.isTextblock) {
      const fragment = replaced.get(node.attrs.blockId as string);
      return fragment ? node.copy(fragment) : node;
    }
    if (node.childCount === 0) return node;
    const children: Node[] = [];
    node.forEach((child) => children.push(rebuild(child)));
    return node.copy(Fragment.fromArray(children));
  };
  const result = rebuild(doc);
  result.check();
  return { content: result.toJSON() as JSONContent, applied, marks };
}
