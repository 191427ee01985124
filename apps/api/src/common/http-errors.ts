import { HttpException, Logger } from '@nestjs/common';
import { busboyExceptions, multerExceptions } from '@nestjs/platform-express/multer/multer/multer.constants';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { databaseUnavailable } from './database-availability';
import { fromDatabaseError } from './database-errors';
import { DomainError, ErrorCode, HTTP_STATUS, INTERNAL_ERROR_MESSAGE } from './domain-error';
import { currentRequestId } from './request-context';
import { FILE_TOO_LARGE_MESSAGE } from './uploads';

const logger = new Logger('HTTP');

/** How an error is answered: the status, the contract code and the Danish message. */
export interface ErrorAnswer {
  status: number;
  code: ErrorCode | 'INTERNAL_SERVER_ERROR';
  message: string;
  /** For the log only; the framework's English words. */
  detail?: string;
  /** Set on server faults, so that support can find the log entry. */
  errorId?: string;
}

const sizeInWords = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} kB`);

const FORM_FIELDS = 'Brug de feltnavne, formularen angiver (filen i »file«), og prøv igen.';
const FORM_BROKEN = 'Formularen kom ikke helt frem eller er beskadiget. Send filen igen.';

/**
 * multer's and busboy's refusals, which Nest turns into HttpExceptions with the English text
 * as the message (see transformException in @nestjs/platform-express): matched on that text.
 */
const MULTIPART: Array<[english: string, status: number, danish: (field: string) => string]> = [
  [multerExceptions.LIMIT_FILE_SIZE, 413, () => FILE_TOO_LARGE_MESSAGE],
  [multerExceptions.LIMIT_FILE_COUNT, 400, () => 'Der er sendt for mange filer. Send én fil ad gangen.'],
  [multerExceptions.LIMIT_UNEXPECTED_FILE, 400, (field) => `Feltet »${field || '?'}« tager ikke imod filer. Send filen i feltet »file«.`],
  [multerExceptions.LIMIT_FIELD_VALUE, 413, () => 'Et felt i formularen er for langt. Gør indholdet kortere, og prøv igen.'],
  [multerExceptions.LIMIT_FIELD_KEY, 400, () => `Et feltnavn i formularen er for langt. ${FORM_FIELDS}`],
  [multerExceptions.LIMIT_FIELD_COUNT, 400, () => `Formularen har for mange felter. ${FORM_FIELDS}`],
  [multerExceptions.LIMIT_PART_COUNT, 400, () => `Formularen har for mange dele. ${FORM_FIELDS}`],
  [multerExceptions.MISSING_FIELD_NAME, 400, () => `Et felt i formularen har intet navn. ${FORM_FIELDS}`],
  [multerExceptions.LIMIT_FIELD_NESTING, 400, () => `Et feltnavn i formularen er ugyldigt. ${FORM_FIELDS}`],
  [multerExceptions.LIMIT_FIELD_ARRAY_INDEX, 400, () => `Et feltnavn i formularen er ugyldigt. ${FORM_FIELDS}`],
  [multerExceptions.INVALID_FIELD_NAME, 400, () => `Et feltnavn i formularen er ugyldigt. ${FORM_FIELDS}`],
  [
    busboyExceptions.MULTIPART_BOUNDARY_NOT_FOUND,
    400,
    () => 'Formularen kan ikke læses: headeren »Content-Type: multipart/form-data« mangler sin »boundary«. Lad browseren eller HTTP-klienten sætte headeren selv, og prøv igen.',
  ],
  [`Multipart: ${busboyExceptions.MULTIPART_MALFORMED_PART_HEADER}`, 400, () => FORM_BROKEN],
  [`Multipart: ${busboyExceptions.MULTIPART_UNEXPECTED_END_OF_FORM}`, 400, () => FORM_BROKEN],
  [`Multipart: ${busboyExceptions.MULTIPART_UNEXPECTED_END_OF_FILE}`, 400, () => FORM_BROKEN],
];

/** What the framework's own refusals (guards, unknown routes, parsers) say, by status. */
function byStatus(status: number): Pick<ErrorAnswer, 'code' | 'message'> | undefined {
  switch (status) {
    case 400:
    case 422:
      return { code: 'BAD_USER_INPUT', message: 'Forespørgslen kunne ikke læses. Tjek de sendte data, og prøv igen.' };
    case 401:
      return { code: 'UNAUTHENTICATED', message: 'Du skal logge ind for at fortsætte.' };
    case 403:
      return { code: 'FORBIDDEN', message: 'Du har ikke adgang til at gøre dette.' };
    case 404:
      return { code: 'NOT_FOUND', message: 'Adressen findes ikke. Tjek linket, eller gå tilbage til forsiden.' };
    case 405:
      return { code: 'BAD_USER_INPUT', message: 'Adressen tager ikke imod den slags forespørgsel. Tjek metoden (GET eller POST).' };
    case 406:
    case 415:
      return { code: 'BAD_USER_INPUT', message: 'Dataformatet understøttes ikke. Send JSON eller en formular (multipart/form-data).' };
    case 409:
      return { code: 'CONFLICT', message: 'Det kan ikke lade sig gøre lige nu, fordi noget andet er ændret imens. Hent siden igen, og prøv igen.' };
    case 413:
      return { code: 'BAD_USER_INPUT', message: 'Det sendte er for stort. Send mindre ad gangen, og prøv igen.' };
    case 429:
      return { code: 'RATE_LIMITED', message: 'Du har sendt for mange forespørgsler. Vent et øjeblik, og prøv igen.' };
    case 503:
      return { code: 'SERVICE_UNAVAILABLE', message: 'Tjenesten er ikke klar lige nu. Prøv igen om lidt.' };
    default:
      return undefined;
  }
}

/**
 * The answer for an HttpException, which only the framework raises here (our own code throws
 * DomainErrors): its English text never reaches a person. Undefined for a 5xx other than 503.
 */
export function answerForHttpException(exception: HttpException): ErrorAnswer | undefined {
  const status = exception.getStatus();
  const english = exception.message;
  for (const [prefix, multipartStatus, danish] of MULTIPART) {
    if (english.startsWith(prefix)) {
      const field = english.slice(prefix.length).replace(/^ - /, '');
      return { status: multipartStatus, code: 'BAD_USER_INPUT', message: danish(field), detail: english };
    }
  }
  const known = byStatus(status);
  return known ? { status, ...known, detail: english } : undefined;
}

interface BodyParserError {
  type: string;
  status?: number;
  limit?: number;
  message: string;
}

const isBodyParserError = (error: unknown): error is BodyParserError =>
  error instanceof Error && typeof (error as { type?: unknown }).type === 'string';

/** body-parser's refusals (they carry `type`), or undefined for its own faults. */
function answerForBodyParser(error: BodyParserError): ErrorAnswer | undefined {
  const detail = error.message;
  switch (error.type) {
    case 'entity.parse.failed':
      return { status: 400, code: 'BAD_USER_INPUT', message: 'Indholdet er ikke gyldig JSON. Ret det, og prøv igen.', detail };
    case 'entity.too.large': {
      const limit = typeof error.limit === 'number' ? ` (højst ${sizeInWords(error.limit)})` : '';
      return { status: 413, code: 'BAD_USER_INPUT', message: `Forespørgslen er for stor${limit}. Send mindre ad gangen, og upload filer som filer.`, detail };
    }
    case 'parameters.too.many':
      return { status: 413, code: 'BAD_USER_INPUT', message: 'Formularen har for mange felter. Send færre felter ad gangen.', detail };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, code: 'BAD_USER_INPUT', message: 'Tegnsættet eller komprimeringen understøttes ikke. Send indholdet som UTF-8 uden komprimering.', detail };
    case 'request.aborted':
    case 'request.size.invalid':
      return { status: 400, code: 'BAD_USER_INPUT', message: 'Forespørgslen kom ikke helt frem. Prøv igen.', detail };
    default:
      return undefined;
  }
}

/** A server fault: logged with an id; the person reads what to do. */
export function internalAnswer(error: unknown, where: string): ErrorAnswer {
  const errorId = currentRequestId() ?? randomUUID();
  logger.error(`Unexpected error ${errorId} at ${where}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return { status: 500, code: 'INTERNAL_SERVER_ERROR', message: INTERNAL_ERROR_MESSAGE, errorId };
}

/** The answer for anything that leaves a controller, a guard, a pipe or a body parser. */
export function answerForError(error: unknown, where: string): ErrorAnswer {
  const unavailable = databaseUnavailable(error);
  if (unavailable) return { status: HTTP_STATUS[unavailable.code], code: unavailable.code, message: unavailable.message };
  const refused = fromDatabaseError(error);
  if (refused instanceof DomainError) return { status: HTTP_STATUS[refused.code], code: refused.code, message: refused.message };
  if (error instanceof HttpException) return answerForHttpException(error) ?? internalAnswer(error, where);
  if (isBodyParserError(error)) return answerForBodyParser(error) ?? internalAnswer(error, where);
  return internalAnswer(error, where);
}

/**
 * Sends the answer in the shape the caller reads: GraphQL's `{ errors }` on /graphql (a body
 * it could not parse never reaches Apollo), `{ code, message }` everywhere else.
 */
export function sendErrorAnswer(req: Request, res: Response, answer: ErrorAnswer): void {
  if (res.headersSent) {
    // A download failed halfway: the status is gone, so cut the transfer short.
    res.destroy();
    return;
  }
  const { status, code, message, errorId } = answer;
  const body = req.path === '/graphql' || req.path.startsWith('/graphql/')
    ? { errors: [{ message, extensions: { code, ...(errorId ? { errorId } : {}) } }] }
    : { code, message, ...(errorId ? { errorId } : {}) };
  res.status(status).json(body);
}

/**
 * Express error middleware for the body parsers: registered right after them, it answers
 * their refusals (invalid JSON, too large) before Nest would in its own shape and words.
 */
export function bodyParserErrorHandler(error: unknown, req: Request, res: Response, next: NextFunction): void {
  const answer = isBodyParserError(error) ? answerForBodyParser(error) : undefined;
  if (!answer) return next(error);
  sendErrorAnswer(req, res, answer);
}
