import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { INTERNAL_ERROR_MESSAGE } from './domain-error';
import { formatGraphQLError } from './graphql-error-formatter';

describe('formatGraphQLError', () => {
  beforeEach(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('answers a resolver’s unexpected fault in Danish and keeps the real error in the log', () => {
    const fault = new TypeError("Cannot read properties of undefined (reading 'id')");
    const error = new GraphQLError(fault.message, { originalError: fault, path: ['agreement', 'id'] });
    const formatted = formatGraphQLError({ message: fault.message, path: ['agreement', 'id'] }, error);
    expect(formatted.message).toBe(INTERNAL_ERROR_MESSAGE);
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', errorId: expect.any(String) });
    expect(Logger.prototype.error).toHaveBeenCalledWith(expect.stringContaining("reading 'id'"));
  });

  it('counts graphql-js’s output errors during execution as faults, not as bad input', () => {
    const message = 'Cannot return null for non-nullable field Agreement.title.';
    const formatted = formatGraphQLError({ message, path: ['agreement', 'title'] }, new GraphQLError(message, { path: ['agreement', 'title'] }));
    expect(formatted.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('answers an unavailable database with SERVICE_UNAVAILABLE, not a bare internal error', () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const formatted = formatGraphQLError({ message: shutdown.message, path: ['createAgreement'] }, new GraphQLError(shutdown.message, { originalError: shutdown }));
    expect(formatted.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(formatted.message).toMatch(/Dit arbejde er ikke gemt/);
  });

  it('falls back to a Danish message for a request refusal the table does not know', () => {
    const message = 'Some future graphql-js rule refused this.';
    const formatted = formatGraphQLError({ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, new GraphQLError(message));
    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT', detail: message });
    expect(formatted.message).toMatch(/Ret forespørgslen, og prøv igen/);
  });
});
