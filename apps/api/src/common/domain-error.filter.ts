import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, ErrorCode } from './domain-error';

const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DEADLINE_PASSED: 409,
  RATE_LIMITED: 429,
};

/**
 * Domain errors are expected refusals, not faults: in GraphQL they pass on to the error
 * formatter (which sets extensions.code) without an error log; over plain HTTP (downloads)
 * they become the matching status with the same message.
 */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): DomainError | void {
    if (host.getType<string>() === 'graphql') return error;
    const response = host.switchToHttp().getResponse<Response>();
    response.status(HTTP_STATUS[error.code]).json({ code: error.code, message: error.message });
  }
}
