import { Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DATABASE_UNAVAILABLE_MESSAGE, databaseUnavailable } from './database-availability';

const pgError = (code: string, message = `error ${code}`) => Object.assign(new Error(message), { code, severity: 'FATAL' });
const queryFailed = (driverError: Error) => new QueryFailedError('INSERT INTO x VALUES ($1)', [1], driverError);

describe('databaseUnavailable', () => {
  beforeEach(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['57P01', 'terminating connection due to administrator command'],
    ['57P03', 'the database system is starting up'],
    ['53100', 'could not extend file: No space left on device'],
    ['25006', 'cannot execute INSERT in a read-only transaction'],
    ['08006', 'connection failure'],
    ['08P01', 'protocol violation'],
  ])('maps SQLSTATE %s inside a TypeORM error to SERVICE_UNAVAILABLE and logs the real error', (code, message) => {
    const mapped = databaseUnavailable(queryFailed(pgError(code, message)));
    expect([mapped?.code, mapped?.message]).toEqual(['SERVICE_UNAVAILABLE', DATABASE_UNAVAILABLE_MESSAGE]);
    expect(Logger.prototype.warn).toHaveBeenCalledWith(expect.stringContaining(message));
  });

  it('maps a refused connection, also when Node reports it as an AggregateError of addresses', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(databaseUnavailable(refused)?.code).toBe('SERVICE_UNAVAILABLE');
    expect(databaseUnavailable(new AggregateError([refused], ''))?.code).toBe('SERVICE_UNAVAILABLE');
    expect(databaseUnavailable(new Error('Connection terminated unexpectedly'))?.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('leaves the request’s own faults and the code’s faults alone', () => {
    expect(databaseUnavailable(queryFailed(pgError('23505', 'duplicate key value')))).toBeUndefined();
    expect(databaseUnavailable(queryFailed(pgError('22P02', 'invalid input syntax for type uuid')))).toBeUndefined();
    expect(databaseUnavailable(new TypeError('x is undefined'))).toBeUndefined();
    expect(databaseUnavailable(undefined)).toBeUndefined();
  });
});
