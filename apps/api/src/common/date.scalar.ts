import { Kind, GraphQLScalarType } from 'graphql';
import { badInput } from './domain-error';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a calendar date in ISO form (YYYY-MM-DD) and refuses impossible dates. */
export function parseIsoDate(value: unknown): string {
  if (typeof value !== 'string' || !DATE.test(value)) {
    throw badInput(`Datoen ${JSON.stringify(value)} skal skrives som ÅÅÅÅ-MM-DD, fx 2024-01-01.`);
  }
  const [, y, m, d] = DATE.exec(value) as RegExpExecArray;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) {
    throw badInput(`Datoen ${value} findes ikke.`);
  }
  return value;
}

/** A calendar date without time or zone, e.g. an agreement's effective date. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return parseIsoDate(value);
  },
  parseValue: parseIsoDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badInput('En dato skal være en tekst på formen ÅÅÅÅ-MM-DD.');
    return parseIsoDate(ast.value);
  },
});
