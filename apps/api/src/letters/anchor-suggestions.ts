import { newStemmer } from 'snowball-stemmers';
import { dan } from 'stopword';

/**
 * Suggests the paragraphs of the hearing draft a point of a letter is about: TF-IDF over the
 * blocks' words (Danish Snowball stems, without stop words) and over their character 4-grams
 * (which catch Danish compounds — "ressourceudnyttelse" and "udnytte ressourcerne" — that no
 * stemmer splits), cosine similarity, averaged. A paragraph is known also by the heading of its
 * section, at half weight, so a point about "helhedssyn" finds that principle's text too.
 */

export interface AnchorCandidate {
  blockId: string;
  text: string;
  /** The heading of the block's section (for a paragraph), if any. */
  context?: string | null;
}

export interface AnchorSuggestion {
  blockId: string;
  /** 0–1: the cosine similarity. */
  score: number;
}

const stemmer = newStemmer('danish');
const STOP = new Set([...dan, 'bør', 'vil', 'skal', 'kan', 'samt', 'derfor', 'også', 'meget', 'mere', 'gerne', 'fx', 'mv', 'herunder', 'vi', 'jf']);
// "Mere …" opens every vision's title, so it says nothing about which; still, the visions differ by the rest.
const WORD = /[a-zæøå0-9]+/g;

const words = (text: string) => (text.toLowerCase().match(WORD) ?? []).filter((w) => w.length > 1 && !STOP.has(w));
const stems = (text: string) => words(text).map((w) => stemmer.stem(w));
function grams(text: string): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    const padded = ` ${word} `;
    if (padded.length <= 4) out.push(padded);
    for (let i = 0; i + 4 <= padded.length; i++) out.push(padded.slice(i, i + 4));
  }
  return out;
}

type Vector = Map<string, number>;

function counts(terms: string[], weight: number, into: Vector = new Map()): Vector {
  for (const term of terms) into.set(term, (into.get(term) ?? 0) + weight);
  return into;
}

class TfIdf {
  private readonly idf = new Map<string, number>();
  readonly vectors: Vector[];

  constructor(documents: Vector[]) {
    const df = new Map<string, number>();
    for (const doc of documents) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
    for (const [term, n] of df) this.idf.set(term, Math.log((1 + documents.length) / (1 + n)) + 1);
    this.vectors = documents.map((doc) => this.weigh(doc));
  }

  weigh(doc: Vector): Vector {
    const out: Vector = new Map();
    let norm = 0;
    for (const [term, tf] of doc) {
      const idf = this.idf.get(term);
      if (!idf) continue;
      const w = (1 + Math.log(tf)) * idf;
      out.set(term, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [term, w] of out) out.set(term, w / norm);
    return out;
  }
}

const cosine = (a: Vector, b: Vector) => {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, w] of small) sum += w * (large.get(term) ?? 0);
  return sum;
};

/** The blocks of one version of the draft, indexed once; ask it for any number of points. */
export class AnchorIndex {
  private readonly words: TfIdf;
  private readonly grams: TfIdf;

  constructor(private readonly candidates: AnchorCandidate[]) {
    this.words = new TfIdf(candidates.map((c) => counts(stems(c.context ?? ''), 0.5, counts(stems(c.text), 1))));
    this.grams = new TfIdf(candidates.map((c) => counts(grams(c.context ?? ''), 0.5, counts(grams(c.text), 1))));
  }

  /** The `limit` most likely blocks for a point, best first; blocks of the same text count once. */
  suggest(text: string, limit = 3): AnchorSuggestion[] {
    const byWord = this.words.weigh(counts(stems(text), 1));
    const byGram = this.grams.weigh(counts(grams(text), 1));
    const scored = this.candidates.map((candidate, i) => ({
      blockId: candidate.blockId,
      key: `${candidate.text}\u0000${candidate.context ?? ''}`,
      score: (cosine(byWord, this.words.vectors[i]) + cosine(byGram, this.grams.vectors[i])) / 2,
      order: i,
    }));
    scored.sort((a, b) => b.score - a.score || a.order - b.order);
    const seen = new Set<string>();
    const out: AnchorSuggestion[] = [];
    for (const s of scored) {
      if (s.score <= 0 || seen.has(s.key)) continue;
      seen.add(s.key);
      out.push({ blockId: s.blockId, score: Math.round(s.score * 1000) / 1000 });
      if (out.length === limit) break;
    }
    return out;
  }
}
