import { terms } from './text-analysis';

/*
 * Themes: hearing comments grouped by what they are about. Each comment is a TF-IDF vector of
 * its Danish terms (text-analysis.ts), L2-normalised, with its paragraph anchor (blockId) added
 * as one more term of equal weight: comments on the same paragraph lean strongly towards the
 * same theme, yet a comment that speaks of something else can still go elsewhere. The vectors
 * are clustered with spherical k-means (k-means++ seeding from a fixed seed, so the same
 * comments give the same themes); each theme's label is its centroid's top terms, written as
 * the word most often used for each stem.
 */

export interface ThemeInput {
  id: string;
  blockId: string | null;
  text: string;
}

export interface FoundTheme {
  label: string;
  terms: string[];
  commentIds: string[];
}

/** A theme already in place (edited by the secretariat): new comments join the nearest. */
export interface ExistingTheme {
  id: string;
  commentIds: string[];
}

export const OTHER_LABEL = 'Øvrige bemærkninger';
/** Below this cosine to every existing theme, a new comment starts a theme of its own. */
const JOIN_EXISTING = 0.15;
const MAX_THEMES = 24;
const ITERATIONS = 15;
const LABEL_TERMS = 3;

type Vector = { index: Int32Array; value: Float64Array };

interface Corpus {
  vectors: Vector[];
  /** The term of each index ('¶…' for a paragraph). */
  vocabulary: string[];
  /** For each term, the word most often written for it. */
  display: string[];
}

function vectorise(comments: ThemeInput[]): Corpus {
  const vocabulary: string[] = [];
  const termIndex = new Map<string, number>();
  const wordCounts: Array<Map<string, number>> = [];
  const indexOf = (term: string) => {
    let i = termIndex.get(term);
    if (i === undefined) {
      i = vocabulary.length;
      termIndex.set(term, i);
      vocabulary.push(term);
      wordCounts.push(new Map());
    }
    return i;
  };
  const counts = comments.map((comment) => {
    const tf = new Map<number, number>();
    for (const { term, word } of terms(comment.text)) {
      const i = indexOf(term);
      tf.set(i, (tf.get(i) ?? 0) + 1);
      const seen = wordCounts[i];
      seen.set(word, (seen.get(word) ?? 0) + 1);
    }
    return tf;
  });
  const df = new Float64Array(vocabulary.length);
  for (const tf of counts) for (const i of tf.keys()) df[i]++;
  const n = comments.length;
  const vectors = counts.map((tf, c) => {
    const entries: Array<[number, number]> = [];
    for (const [i, count] of tf) {
      // A term in a single comment says nothing shared; one in most comments says nothing distinct.
      if (n >= 4 && (df[i] < 2 || df[i] > 0.6 * n)) continue;
      entries.push([i, (1 + Math.log(count)) * Math.log((1 + n) / (1 + df[i]) + 1)]);
    }
    normalise(entries);
    const blockId = comments[c].blockId;
    if (blockId) {
      entries.push([indexOf(`¶${blockId}`), 1]);
      normalise(entries);
    }
    entries.sort((a, b) => a[0] - b[0]);
    return { index: Int32Array.from(entries.map((e) => e[0])), value: Float64Array.from(entries.map((e) => e[1])) };
  });
  const display = vocabulary.map((term, i) => {
    let best = term;
    let most = 0;
    for (const [word, count] of wordCounts[i] ?? []) if (count > most || (count === most && word < best)) [best, most] = [word, count];
    return best;
  });
  return { vectors, vocabulary, display };
}

function normalise(entries: Array<[number, number]>) {
  const norm = Math.sqrt(entries.reduce((sum, [, v]) => sum + v * v, 0));
  if (norm > 0) for (const e of entries) e[1] /= norm;
}

const dot = (v: Vector, dense: Float64Array) => {
  let sum = 0;
  for (let k = 0; k < v.index.length; k++) sum += v.value[k] * dense[v.index[k]];
  return sum;
};

/** A small fixed-seed generator (mulberry32), so clustering is repeatable. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function centroid(members: number[], vectors: Vector[], size: number): Float64Array {
  const c = new Float64Array(size);
  for (const m of members) {
    const v = vectors[m];
    for (let k = 0; k < v.index.length; k++) c[v.index[k]] += v.value[k];
  }
  let norm = 0;
  for (let i = 0; i < size; i++) norm += c[i] * c[i];
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < size; i++) c[i] /= norm;
  return c;
}

/** Spherical k-means of the given vectors (indices into `vectors`); returns the clusters' members. */
function kMeans(items: number[], vectors: Vector[], size: number, k: number): number[][] {
  if (items.length <= 1 || k <= 1) return [items];
  const next = random(0x5eed);
  // k-means++: each next centre is drawn with probability ∝ its distance (1 − cosine) to the nearest chosen.
  const centres: Float64Array[] = [centroid([items[Math.floor(next() * items.length)]], vectors, size)];
  const nearest = new Float64Array(items.length).fill(Infinity);
  while (centres.length < k) {
    const last = centres[centres.length - 1];
    let total = 0;
    items.forEach((item, j) => {
      nearest[j] = Math.min(nearest[j], 1 - dot(vectors[item], last));
      total += nearest[j];
    });
    if (total <= 1e-9) break;
    let pick = next() * total;
    let chosen = items.length - 1;
    for (let j = 0; j < items.length; j++) {
      pick -= nearest[j];
      if (pick <= 0) {
        chosen = j;
        break;
      }
    }
    centres.push(centroid([items[chosen]], vectors, size));
  }
  const k2 = centres.length;
  let assignment = new Int32Array(items.length).fill(-1);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    let moved = 0;
    for (let j = 0; j < items.length; j++) {
      const v = vectors[items[j]];
      let best = 0;
      let bestScore = -Infinity;
      for (let c = 0; c < k2; c++) {
        const centre = centres[c];
        let score = 0;
        for (let t = 0; t < v.index.length; t++) score += v.value[t] * centre[v.index[t]];
        if (score > bestScore) {
          best = c;
          bestScore = score;
        }
      }
      if (assignment[j] !== best) {
        assignment[j] = best;
        moved++;
      }
    }
    // Settled: (almost) nothing moved (one in 500 may still swing between two near-equal centres).
    if (moved <= Math.floor(items.length / 500)) break;
    // The new centres: every member's vector added to its centre in one pass, then normalised.
    const sums = Array.from({ length: k2 }, () => new Float64Array(size));
    const counts = new Int32Array(k2);
    for (let j = 0; j < items.length; j++) {
      const v = vectors[items[j]];
      const sum = sums[assignment[j]];
      counts[assignment[j]]++;
      for (let t = 0; t < v.index.length; t++) sum[v.index[t]] += v.value[t];
    }
    for (let c = 0; c < k2; c++) {
      if (counts[c] === 0) continue;
      const sum = sums[c];
      let norm = 0;
      for (let i = 0; i < size; i++) norm += sum[i] * sum[i];
      norm = Math.sqrt(norm);
      if (norm > 0) for (let i = 0; i < size; i++) sum[i] /= norm;
      centres[c] = sum;
    }
  }
  assignment = assignment.map((c) => Math.max(0, c));
  const clusters = centres.map(() => [] as number[]);
  items.forEach((item, j) => clusters[assignment[j]].push(item));
  return clusters.filter((c) => c.length > 0);
}

/** The top terms of a group of comments (never a paragraph), as words. */
function topTerms(members: number[], corpus: Corpus): string[] {
  const c = centroid(members, corpus.vectors, corpus.vocabulary.length);
  return [...c.keys()]
    .filter((i) => c[i] > 0 && !corpus.vocabulary[i].startsWith('¶'))
    .sort((a, b) => c[b] - c[a] || a - b)
    .slice(0, 6)
    .map((i) => corpus.display[i]);
}

export function themeLabel(top: string[]): string {
  const shown = top.slice(0, LABEL_TERMS);
  if (shown.length === 0) return OTHER_LABEL;
  const text = shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} og ${shown[shown.length - 1]}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How many themes for n comments: about √(n/2), at most MAX_THEMES. */
export const themeCount = (n: number) => Math.max(1, Math.min(MAX_THEMES, Math.ceil(Math.sqrt(n / 2))));

function cluster(items: number[], corpus: Corpus): FoundTheme[] {
  const size = corpus.vocabulary.length;
  const empty = items.filter((i) => corpus.vectors[i].index.length === 0);
  const withTerms = items.filter((i) => corpus.vectors[i].index.length > 0);
  const groups = kMeans(withTerms, corpus.vectors, size, themeCount(withTerms.length));
  const themes = groups.map((members) => {
    const top = topTerms(members, corpus);
    return { label: themeLabel(top), terms: top, members };
  });
  if (empty.length) themes.push({ label: OTHER_LABEL, terms: [], members: empty });
  return themes.map((t) => ({ label: t.label, terms: t.terms, commentIds: t.members.map(String) }));
}

export interface ThemeResult {
  /** New themes. */
  created: FoundTheme[];
  /** Comments that join an existing theme: theme id → comment ids. */
  joined: Map<string, string[]>;
}

/**
 * Groups the comments into themes. With `existing` (the secretariat has renamed, merged or
 * moved), the comments already in a theme stay where they are; each other comment joins the
 * nearest existing theme, or, if none is near, the new themes made of such comments.
 */
export function findThemes(comments: ThemeInput[], existing: ExistingTheme[] = []): ThemeResult {
  const corpus = vectorise(comments);
  const position = new Map(comments.map((c, i) => [c.id, i]));
  const placed = new Set(existing.flatMap((t) => t.commentIds));
  const loose = comments.map((_, i) => i).filter((i) => !placed.has(comments[i].id));
  const joined = new Map<string, string[]>();
  let rest = loose;
  const current = existing
    .map((t) => ({ id: t.id, members: t.commentIds.map((id) => position.get(id)).filter((i): i is number => i !== undefined) }))
    .filter((t) => t.members.length > 0);
  if (current.length) {
    const centres = current.map((t) => centroid(t.members, corpus.vectors, corpus.vocabulary.length));
    rest = [];
    for (const i of loose) {
      let best = -1;
      let bestScore = JOIN_EXISTING;
      centres.forEach((centre, c) => {
        const score = dot(corpus.vectors[i], centre);
        if (score >= bestScore) [best, bestScore] = [c, score];
      });
      if (best < 0) rest.push(i);
      else joined.set(current[best].id, [...(joined.get(current[best].id) ?? []), comments[i].id]);
    }
  }
  const created = rest.length ? cluster(rest, corpus).map((t) => ({ ...t, commentIds: t.commentIds.map((i) => comments[Number(i)].id) })) : [];
  return { created, joined };
}
