import { Extensions } from '@nestjs/graphql';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  defaultFieldResolver,
  GraphQLArgument,
  GraphQLFieldResolver,
  GraphQLInputField,
  GraphQLInputType,
  GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { dateTimeProblem, isoDateProblem } from './date.scalar';
import { badInput } from './domain-error';
import { UUID_PATTERN } from './ids';
import { assertStorableText, DEFAULT_MAX_TEXT_LENGTH, fieldLabel, JsonLimits, parseStorableJson } from './input-text';

/** Field extensions the boundary reads (set with {@link JsonText}). */
const BOUNDARY = 'inputBoundary';

interface BoundaryExtension {
  /** The String holds a JSON document: it must parse and fit these limits (maxLength may exceed DEFAULT_MAX_TEXT_LENGTH). */
  json?: JsonLimits;
}

/** Marks a String input field as a JSON document the boundary parses and limits before any resolver. */
export const JsonText = (limits: JsonLimits = {}) => Extensions({ [BOUNDARY]: { json: limits } satisfies BoundaryExtension });

/**
 * ID arguments that are not entity ids: a block id is the editor's `blockId` attribute, a
 * free-form text chosen by the client (UUIDs from Tiptap's UniqueID, but Word imports and older
 * drafts may hold others). The services look them up in the document and refuse unknown ones.
 */
const BLOCK_ID_FIELDS = new Set(['blockId', 'blockIds', 'changedBlockId']);
const MAX_BLOCK_ID_LENGTH = 100;
/** Input objects are not recursive today; a bound keeps a future recursive type from being a stack bomb. */
const MAX_INPUT_DEPTH = 16;
/** Longest list in any input (ArrayMaxSize in the DTOs is lower everywhere). */
const MAX_LIST_LENGTH = 10_000;

interface Place {
  /** The innermost field or argument name. */
  field: string;
  /** 1-based positions in enclosing lists, innermost last. */
  positions: number[];
  /** Full path for the log, e.g. input.items[2].text. */
  path: string;
  extension?: BoundaryExtension;
}

const labelOf = (place: Place) => fieldLabel(place.field, place.positions.at(-1));

/** `predicate` continues "Feltet »x« …"; a whole sentence follows a colon. */
function refuse(place: Place, predicate: string): never {
  throw badInput(`Feltet ${labelOf(place)} ${predicate}`, { field: place.path });
}
function refuseWith(place: Place, sentence: string): never {
  throw badInput(`Feltet ${labelOf(place)}: ${sentence}`, { field: place.path });
}

const checkText = (value: string, place: Place, maxLength: number) => assertStorableText(value, place.path, maxLength, labelOf(place));

/** Checks one coerced value against its input type; returns the value to pass on (ids canonicalised). */
function checkValue(type: GraphQLInputType, value: unknown, place: Place, depth: number): unknown {
  if (value === null || value === undefined) return value;
  if (isNonNullType(type)) return checkValue(type.ofType, value, place, depth);
  if (isListType(type)) {
    if (!Array.isArray(value)) return checkValue(type.ofType, value, place, depth);
    if (value.length > MAX_LIST_LENGTH) refuse(place, `har ${value.length} elementer; højst ${MAX_LIST_LENGTH} er tilladt.`);
    return value.map((item, i) =>
      checkValue(type.ofType, item, { ...place, positions: [...place.positions, i + 1], path: `${place.path}[${i}]` }, depth + 1),
    );
  }
  if (isInputObjectType(type)) {
    if (depth > MAX_INPUT_DEPTH) refuse(place, 'er indlejret for dybt.');
    const record = value as Record<string, unknown>;
    const fields = type.getFields();
    const checked: Record<string, unknown> = { ...record };
    for (const [name, field] of Object.entries(fields)) {
      if (!(name in record)) continue;
      checked[name] = checkValue(field.type, record[name], placeOf(field, place), depth + 1);
    }
    return checked;
  }
  if (isScalarType(type)) return checkScalar(type.name, value, place);
  return value;
}

function checkScalar(name: string, value: unknown, place: Place): unknown {
  switch (name) {
    case 'String': {
      const text = value as string;
      if (place.extension?.json) {
        parseStorableJson(text, place.path, place.extension.json, labelOf(place));
        return text;
      }
      checkText(text, place, DEFAULT_MAX_TEXT_LENGTH);
      return text;
    }
    case 'ID': {
      const id = String(value);
      if (BLOCK_ID_FIELDS.has(place.field)) {
        checkText(id, place, MAX_BLOCK_ID_LENGTH);
        return id;
      }
      if (!UUID_PATTERN.test(id)) {
        refuse(place, `skal være et gyldigt id (et UUID som 3f2504e0-4f89-41d3-9a0c-0305e82c3301), men er ${JSON.stringify(id.slice(0, 40))}${id.length > 40 ? '…' : ''}.`);
      }
      // PostgreSQL compares uuids case-insensitively; the services compare strings.
      return id.toLowerCase();
    }
    case 'Date': {
      const problem = isoDateProblem(value);
      if (problem) refuseWith(place, problem);
      return value;
    }
    case 'DateTime': {
      const problem = dateTimeProblem(value);
      if (problem) refuseWith(place, problem);
      return value;
    }
    case 'Float':
      if (typeof value === 'number' && !Number.isFinite(value)) refuse(place, 'skal være et endeligt tal.');
      return value;
    default:
      return value;
  }
}

function placeOf(field: GraphQLArgument | GraphQLInputField, parent?: Place): Place {
  const extension = (field.extensions as Record<string, unknown> | undefined)?.[BOUNDARY] as BoundaryExtension | undefined;
  return { field: field.name, positions: parent?.positions ?? [], path: parent ? `${parent.path}.${field.name}` : field.name, extension };
}

/**
 * Checks and canonicalises the coerced arguments of a field call. Throws BAD_USER_INPUT naming
 * the first field that cannot be accepted.
 */
export function checkArguments(args: readonly GraphQLArgument[], values: Record<string, unknown>): Record<string, unknown> {
  const checked: Record<string, unknown> = { ...values };
  for (const arg of args) {
    if (!(arg.name in values)) continue;
    checked[arg.name] = checkValue(arg.type, values[arg.name], placeOf(arg), 0);
  }
  return checked;
}

const guarded =
  (resolve: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> =>
  (source, args, context, info) => {
    const field = info.parentType.getFields()[info.fieldName];
    return resolve(source, checkArguments(field.args, args), context, info);
  };

// eslint-disable-next-line require-yield -- a stream whose first step is the refusal
async function* refused(error: unknown): AsyncGenerator<never> {
  throw error;
}

/**
 * For a subscription the refusal comes as the stream's first step, as the guards' do: graphql-ws
 * then ends the subscription with an error message (formatted, with its code) before any event.
 */
const guardedSubscribe =
  (subscribe: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> =>
  (source, args, context, info) => {
    const field = info.parentType.getFields()[info.fieldName];
    let checked: Record<string, unknown>;
    try {
      checked = checkArguments(field.args, args);
    } catch (error) {
      return refused(error);
    }
    return subscribe(source, checked, context, info);
  };

/**
 * The one input boundary: every query, mutation and subscription field that takes arguments
 * (and every argument-taking field below them, e.g. `Hearing.comments`) checks its coerced
 * arguments before its resolver — so before any guard, service or write — and refuses with
 * BAD_USER_INPUT and a Danish message naming the field:
 * - ID: an entity UUID (block ids: a short storable text);
 * - String: no NUL, no lone surrogate, at most DEFAULT_MAX_TEXT_LENGTH;
 *   a JsonText field must parse within depth and size limits;
 * - Date and DateTime: well-formed and between 2000-01-01 and 2100-12-31;
 * - input objects and lists recursively, with depth and length bounds.
 */
export function withInputBoundary(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.COMPOSITE_FIELD]: (fieldConfig) => {
      if (!fieldConfig.args || Object.keys(fieldConfig.args).length === 0) return fieldConfig;
      return {
        ...fieldConfig,
        resolve: guarded(fieldConfig.resolve ?? defaultFieldResolver),
        ...(fieldConfig.subscribe ? { subscribe: guardedSubscribe(fieldConfig.subscribe) } : {}),
      };
    },
  });
}
