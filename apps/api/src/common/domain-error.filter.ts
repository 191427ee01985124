import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { answerForError, sendErrorAnswer } from './http-errors';

/**
 * The one place errors leave over plain HTTP (downloads, uploads, unknown routes): every
 * error, ours or the framework's, becomes `{ code, message }` with the matching status and a
 * Danish message (see answerForError). In GraphQL the error passes on to the error formatter,
 * which sets extensions.code; domain errors are expected refusals and are not logged as errors.
 */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'http') return error;
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    sendErrorAnswer(req, http.getResponse<Response>(), answerForError(error, `${req.method} ${req.path}`));
    return undefined;
  }
}
