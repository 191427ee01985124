import { Logger } from '@nestjs/common';
import { DomainError } from './domain-error';

const logger = new Logger('Database');

/** What a person reads when the database cannot take their change. */
export const DATABASE_UNAVAILABLE_MESSAGE = 'Databasen kan ikke gemme lige nu. Dit arbejde er ikke gemt; prøv igen om lidt.';

/**
 * SQLSTATEs that say the database is not there to write to, not that the request was wrong:
 * class 08 (connection exception), 57P01–57P03 (admin/crash shutdown, cannot connect now),
 * 53100 disk full, 53200 out of memory, 53300 too many connections, 25006 read-only
 * transaction (a standby or a database set read-only), 58030 I/O error.
 */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53100|53200|53300|25006|58030)$/;

/** Socket errors of the driver when the server cannot be reached. */
const UNREACHABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** node-postgres and TypeORM say so in words only. */
const UNREACHABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end|Driver not Connected/i;

/** The error and whatever it wraps (TypeORM's driverError, `cause`, an AggregateError's errors). */
function* chain(error: unknown): Generator<object> {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0 && seen.size < 20) {
    const next = pending.shift();
    if (typeof next !== 'object' || next === null || seen.has(next)) continue;
    seen.add(next);
    yield next;
    const wrapper = next as { driverError?: unknown; cause?: unknown; originalError?: unknown; errors?: unknown };
    pending.push(wrapper.driverError, wrapper.cause, wrapper.originalError);
    if (Array.isArray(wrapper.errors)) pending.push(...wrapper.errors);
  }
}

function isUnavailable(error: object): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNREACHABLE_ERRNO.has(code))) return true;
  return typeof message === 'string' && UNREACHABLE_MESSAGE.test(message);
}

/**
 * The refusal to answer when `error` says the database cannot be reached or written, else
 * undefined. The real error goes to the log; the person is told their work was not saved.
 */
export function databaseUnavailable(error: unknown): DomainError | undefined {
  for (const link of chain(error)) {
    if (!isUnavailable(link)) continue;
    const { code, message } = link as { code?: unknown; message?: unknown };
    logger.warn(`Database unavailable (${String(code ?? 'no code')}): ${String(message)}`);
    return new DomainError('SERVICE_UNAVAILABLE', DATABASE_UNAVAILABLE_MESSAGE, { code, message });
  }
  return undefined;
}
