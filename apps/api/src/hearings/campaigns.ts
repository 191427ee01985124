import { words } from './text-analysis';

/*
 * Campaigns: responses whose text is near-identical (a campaign letter many organisations send).
 * Each response's text becomes a set of word shingles (3 words in a row); MinHash signatures
 * (128 hash functions) put responses that probably share most shingles in the same bucket of
 * a locality-sensitive hash (16 bands of 8 rows: a pair at Jaccard 0.8 shares a bucket with
 * probability 0.95, one at 0.5 with 0.06; a campaign is whole when its members are connected,
 * which with many members is all but certain), and every candidate pair is then checked once on
 * the exact Jaccard similarity of its shingle sets (≥ 0.8). Near-identical pairs join the same
 * campaign (union–find); groups of at least MIN_CAMPAIGN_SIZE are campaigns.
 */

export const CAMPAIGN_JACCARD = 0.8;
export const MIN_CAMPAIGN_SIZE = 3;
/** Texts shorter than this (in words) are too short to tell a campaign from a coincidence ("Ingen bemærkninger."). */
export const MIN_CAMPAIGN_WORDS = 12;
const SHINGLE = 3;
const HASHES = 128;
/** Rows per band: the key below takes eight. */
const ROWS = 8;
const BANDS = HASHES / ROWS;

export interface CampaignInput {
  id: string;
  text: string;
}

export interface FoundCampaign {
  /** The members' ids in the order they were given. */
  memberIds: string[];
  /** The text of the first member. */
  sampleText: string;
}

/** 32-bit FNV-1a of a string. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The i-th hash function of the signature: the value mixed with a seed (murmur3's finaliser). */
const SEEDS = Array.from({ length: HASHES }, (_, i) => fnv1a(`minhash-seed-${i}`));
function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The text's word shingles, hashed. */
export function shingles(text: string): Set<number> {
  const w = words(text);
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE <= w.length; i++) out.add(fnv1a(w.slice(i, i + SHINGLE).join(' ')));
  return out;
}

function signature(set: Set<number>): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const x of set) {
    for (let i = 0; i < HASHES; i++) {
      const h = mix(x, SEEDS[i]);
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let both = 0;
  for (const x of small) if (large.has(x)) both++;
  return both / (a.size + b.size - both);
}

/** The campaigns among the responses: groups of near-identical texts (Jaccard ≥ 0.8 of their word shingles). */
export function findCampaigns(responses: CampaignInput[]): FoundCampaign[] {
  const sets = responses.map((r) => (words(r.text).length >= MIN_CAMPAIGN_WORDS ? shingles(r.text) : new Set<number>()));
  const parent = responses.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const buckets = new Map<string, number[]>();
  sets.forEach((set, i) => {
    if (set.size === 0) return;
    const sig = signature(set);
    for (let band = 0; band < BANDS; band++) {
      const at = band * ROWS;
      const key = `${band}:${sig[at]},${sig[at + 1]},${sig[at + 2]},${sig[at + 3]},${sig[at + 4]},${sig[at + 5]},${sig[at + 6]},${sig[at + 7]}`;
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    }
  });
  const checked = new Set<number>();
  for (const bucket of buckets.values()) {
    if (bucket.length < 2) continue;
    // Each member is checked against one member of every group already in the bucket, not against all.
    const heads: number[] = [];
    for (const i of bucket) {
      let joined = false;
      for (const head of heads) {
        if (find(head) === find(i)) {
          joined = true;
          break;
        }
        // A pair already checked in another band is not checked again.
        const pair = head * responses.length + i;
        if (checked.has(pair)) continue;
        checked.add(pair);
        if (jaccard(sets[head], sets[i]) >= CAMPAIGN_JACCARD) {
          parent[find(i)] = find(head);
          joined = true;
          break;
        }
      }
      if (!joined) heads.push(i);
    }
  }
  const groups = new Map<number, number[]>();
  responses.forEach((_, i) => {
    if (sets[i].size === 0) return;
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  });
  return [...groups.values()]
    .filter((g) => g.length >= MIN_CAMPAIGN_SIZE)
    .map((g) => ({ memberIds: g.map((i) => responses[i].id), sampleText: responses[g[0]].text }))
    .sort((a, b) => b.memberIds.length - a.memberIds.length);
}
