import { badInput } from './domain-error';

/** The longest text any field takes unless it declares its own limit (the largest today is 50.000). */
export const DEFAULT_MAX_TEXT_LENGTH = 100_000;
/** How deep a JSON document sent by a client may nest (a response form or ProseMirror draft needs < 30). */
export const MAX_JSON_DEPTH = 64;
/** How many values (objects, arrays, strings, numbers …) one JSON document may hold. */
export const MAX_JSON_NODES = 200_000;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** How a message names a field: `»title«`, or `»clusterIds« nr. 2` inside a list. */
export const fieldLabel = (field: string, position?: number) => (position ? `»${field}« nr. ${position}` : `»${field}«`);

/**
 * Why a text cannot be stored, or null: PostgreSQL refuses NUL (U+0000) in text and jsonb,
 * and a lone UTF-16 surrogate cannot be encoded as UTF-8 at all. `label` is from {@link fieldLabel}.
 */
export function textProblem(value: string, label: string, maxLength = DEFAULT_MAX_TEXT_LENGTH): string | null {
  if (value.length > maxLength) {
    return `Feltet ${label} er for langt (${value.length.toLocaleString('da-DK')} tegn; højst ${maxLength.toLocaleString('da-DK')}). Forkort det og prøv igen.`;
  }
  if (value.includes('\u0000')) {
    return `Feltet ${label} indeholder et nul-tegn (U+0000), som ikke kan gemmes. Fjern det og prøv igen.`;
  }
  if (LONE_SURROGATE.test(value)) {
    return `Feltet ${label} indeholder et ufuldstændigt tegn (en enlig UTF-16-surrogat, U+D800–U+DFFF), som ikke kan gemmes. Fjern det og prøv igen.`;
  }
  return null;
}

/** Refuses a text that cannot be stored (see {@link textProblem}). */
export function assertStorableText(value: string, field: string, maxLength = DEFAULT_MAX_TEXT_LENGTH, label = fieldLabel(field)): void {
  const problem = textProblem(value, label, maxLength);
  if (problem) throw badInput(problem, { field });
}

export interface JsonLimits {
  /** Longest JSON text, in characters (default DEFAULT_MAX_TEXT_LENGTH). */
  maxLength?: number;
  maxDepth?: number;
  maxNodes?: number;
}

const tooDeep = (field: string, label: string, maxDepth: number) =>
  badInput(`Feltet ${label} er indlejret for dybt (højst ${maxDepth} niveauer) og kan ikke gemmes.`, { field });

/**
 * Refuses an already parsed JSON value (e.g. a REST body field) that nests deeper than
 * `maxDepth`, holds more than `maxNodes` values, or has a key or string PostgreSQL's jsonb
 * cannot store (NUL, lone surrogates). Walks without recursion, so depth cannot overflow the stack.
 */
export function assertStorableJson(value: unknown, field: string, limits: JsonLimits = {}, label = fieldLabel(field)): void {
  const maxDepth = limits.maxDepth ?? MAX_JSON_DEPTH;
  const maxNodes = limits.maxNodes ?? MAX_JSON_NODES;
  const stack: Array<[unknown, number]> = [[value, 1]];
  let nodes = 0;
  while (stack.length) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (++nodes > maxNodes) throw badInput(`Feltet ${label} er for stort (over ${maxNodes.toLocaleString('da-DK')} værdier).`, { field });
    if (typeof current === 'string') {
      assertStorableText(current, field, Number.MAX_SAFE_INTEGER, label);
    } else if (typeof current === 'number') {
      if (!Number.isFinite(current)) throw badInput(`Feltet ${label} indeholder et tal, der ikke kan gemmes.`, { field });
    } else if (current !== null && typeof current === 'object') {
      if (depth > maxDepth) throw tooDeep(field, label, maxDepth);
      if (Array.isArray(current)) {
        for (const item of current) stack.push([item, depth + 1]);
      } else {
        for (const [key, item] of Object.entries(current)) {
          assertStorableText(key, field, Number.MAX_SAFE_INTEGER, label);
          stack.push([item, depth + 1]);
        }
      }
    }
  }
}

/** The deepest nesting of `[` and `{` in a JSON text, counted without parsing it. */
function jsonTextDepth(text: string, stopAbove: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > deepest) deepest = depth;
      if (deepest > stopAbove) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/**
 * Parses a JSON text sent by a client (a draft, a list of choices) and refuses, as
 * BAD_USER_INPUT naming the field, text that is not JSON or that PostgreSQL could not store.
 * The depth is checked before parsing, so a 10.000-deep document costs one pass over the text.
 */
export function parseStorableJson(text: string, field: string, limits: JsonLimits = {}, label = fieldLabel(field)): unknown {
  const maxDepth = limits.maxDepth ?? MAX_JSON_DEPTH;
  assertStorableText(text, field, limits.maxLength ?? DEFAULT_MAX_TEXT_LENGTH, label);
  if (jsonTextDepth(text, maxDepth) > maxDepth) throw tooDeep(field, label, maxDepth);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badInput(`Feltet ${label} er ikke gyldig JSON og kunne ikke læses.`, { field });
  }
  assertStorableJson(parsed, field, limits, label);
  return parsed;
}
