import { danishDate } from '@aftalerum/dates';
import { GraphQLScalarType, Kind } from 'graphql';
import { badInput } from './domain-error';

/**
 * The dates the platform accepts and stores. A health agreement's life (planning, hearings,
 * approvals, effect) lies well inside; the database holds the same bounds as CHECK
 * constraints, so no value outside can be stored by any path and break a later read.
 */
export const EARLIEST_DATE = '2000-01-01';
export const LATEST_DATE = '2100-12-31';
const EARLIEST_MS = Date.UTC(2000, 0, 1);
const AFTER_LATEST_MS = Date.UTC(2101, 0, 1);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// RFC 3339 date-time: a date, a time to the minute or finer, and an explicit zone.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?([Zz]|[+-](\d{2}):(\d{2}))$/;

const RANGE = `mellem ${EARLIEST_DATE} og ${LATEST_DATE}`;

function isCalendarDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Why a calendar date (YYYY-MM-DD) cannot be accepted, as a sentence a person can act on,
 * or null when it is fine.
 */
export function isoDateProblem(value: unknown): string | null {
  if (typeof value !== 'string' || !DATE.test(value)) {
    return `Datoen ${JSON.stringify(value)?.slice(0, 40) ?? String(value)} skal skrives som ÅÅÅÅ-MM-DD, fx 2024-01-01.`;
  }
  const [, y, m, d] = DATE.exec(value) as RegExpExecArray;
  if (!isCalendarDate(Number(y), Number(m), Number(d))) return `Datoen ${value} findes ikke.`;
  if (value < EARLIEST_DATE || value > LATEST_DATE) return `Datoen ${value} skal ligge ${RANGE}.`;
  return null;
}

/** Parses a calendar date in ISO form (YYYY-MM-DD) and refuses impossible or out-of-range dates. */
export function parseIsoDate(value: unknown): string {
  const problem = isoDateProblem(value);
  if (problem) throw badInput(problem);
  return value as string;
}

/**
 * Reads an RFC 3339 date-time strictly (no `new Date()` guessing: 2024-02-30 or a six-digit
 * year are refused). Returns an invalid Date for anything else, so that the input boundary can
 * name the field in its refusal.
 */
export function parseIsoDateTime(value: unknown): Date {
  if (typeof value !== 'string') return new Date(NaN);
  const match = DATE_TIME.exec(value);
  if (!match) return new Date(NaN);
  const [, y, mo, d, h, mi, s = '0', fraction = '', zone, zh = '0', zm = '0'] = match;
  if (!isCalendarDate(Number(y), Number(mo), Number(d))) return new Date(NaN);
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59 || Number(zh) > 23 || Number(zm) > 59) return new Date(NaN);
  const offsetMinutes = zone.toUpperCase() === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zh) * 60 + Number(zm));
  const ms = fraction ? Math.floor(Number(`0${fraction}`) * 1000) : 0;
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms) - offsetMinutes * 60_000);
}

/** Why a parsed date-time cannot be accepted, or null when it is fine. */
export function dateTimeProblem(value: unknown): string | null {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    return 'Tidspunktet skal skrives som ÅÅÅÅ-MM-DDTtt:mm:ssZ (ISO 8601 med tidszone), fx 2025-03-01T12:00:00Z.';
  }
  if (value.getTime() < EARLIEST_MS || value.getTime() >= AFTER_LATEST_MS) return `Tidspunktet skal ligge ${RANGE}.`;
  return null;
}

/** A calendar date without time or zone, e.g. an agreement's effective date. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: `A calendar date, YYYY-MM-DD, from ${EARLIEST_DATE} to ${LATEST_DATE}.`,
  serialize(value) {
    // An instant given for a calendar date is the day it falls on in Denmark.
    if (value instanceof Date) return danishDate(value);
    return parseIsoDate(value);
  },
  // Kept as given: the input boundary checks it with the field's name in the message.
  parseValue(value) {
    if (typeof value !== 'string') throw badInput('En dato skal være en tekst på formen ÅÅÅÅ-MM-DD.');
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badInput('En dato skal være en tekst på formen ÅÅÅÅ-MM-DD.');
    return ast.value;
  },
});

/**
 * An instant, replacing Nest's `GraphQLISODateTime` (whose `new Date(value)` accepts
 * `+275760-09-13T00:00:00Z` and turns 2024-02-30 into 1 March).
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: `A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format; from ${EARLIEST_DATE} to ${LATEST_DATE}.`,
  serialize(value) {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
    throw new TypeError(`Not a date-time: ${String(value)}`);
  },
  parseValue(value) {
    if (typeof value !== 'string') throw badInput('Et tidspunkt skal være en tekst på formen ÅÅÅÅ-MM-DDTtt:mm:ssZ.');
    return parseIsoDateTime(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badInput('Et tidspunkt skal være en tekst på formen ÅÅÅÅ-MM-DDTtt:mm:ssZ.');
    return parseIsoDateTime(ast.value);
  },
});
