import { badInput } from './domain-error';

/**
 * PostgreSQL error codes (SQLSTATE) that mean "this value cannot be stored", not "the server
 * is broken". The input boundary refuses such values first; these are the net below it, for any
 * path that still reaches the database (a REST body, a collaboration update, a future field).
 */
const INPUT_ERRORS: Record<string, string> = {
  '23514': 'En af værdierne ligger uden for det tilladte (fx en dato uden for 2000-01-01 – 2100-12-31). Ret den og prøv igen.',
  '22P02': 'En af værdierne har ikke den rigtige form (fx et id, et tal eller JSON). Ret den og prøv igen.',
  '22P05': 'Teksten indeholder et tegn, der ikke kan gemmes (fx et nul-tegn, U+0000). Fjern det og prøv igen.',
  '22021': 'Teksten indeholder et tegn, der ikke kan gemmes (ugyldig tegnkodning). Fjern det og prøv igen.',
  '22007': 'En dato eller et tidspunkt har ikke en gyldig form. Skriv datoen som ÅÅÅÅ-MM-DD.',
  '22008': 'En dato eller et tidspunkt ligger uden for det tilladte (2000-01-01 – 2100-12-31).',
  '22003': 'Et tal er for stort eller for lille.',
  '22001': 'En tekst er for lang.',
  '54001': 'Indholdet er indlejret for dybt til at kunne gemmes.',
};

const sqlState = (error: unknown): string | undefined => {
  // TypeORM's QueryFailedError copies the driver's fields onto itself and keeps driverError.
  if (typeof error !== 'object' || error === null) return undefined;
  const direct = (error as { code?: unknown }).code;
  const driver = (error as { driverError?: { code?: unknown } }).driverError?.code;
  const code = typeof driver === 'string' ? driver : direct;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
};

/**
 * A PostgreSQL refusal of a value, as BAD_USER_INPUT with a Danish message; anything else is
 * returned unchanged. The constraint or column stays in `details` for the log.
 */
export function fromDatabaseError(error: unknown): unknown {
  const code = sqlState(error);
  const message = code ? INPUT_ERRORS[code] : undefined;
  if (!message) return error;
  const { constraint, column, table } = error as { constraint?: string; column?: string; table?: string };
  return badInput(message, { sqlState: code, constraint, column, table, cause: (error as Error).message });
}

/** True when the error is a value PostgreSQL refused (see {@link fromDatabaseError}). */
export const isDatabaseInputError = (error: unknown): boolean => fromDatabaseError(error) !== error;
