import { ArgumentsHost, Catch, ExceptionFilter, PayloadTooLargeException } from '@nestjs/common';
import type { Response } from 'express';

/** The largest file a person may upload (attachments, decision documents, Word imports). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** What a person reads when a file is over MAX_UPLOAD_BYTES. */
export const FILE_TOO_LARGE_MESSAGE = `Filen er større end ${MAX_UPLOAD_BYTES / (1024 * 1024)} MB. Gør den mindre (fx uden billeder), eller del den op, og prøv igen.`;

/** Multer refuses an upload over the limit; this answers in the platform's words and shape. */
@Catch(PayloadTooLargeException)
export class TooLargeFilter implements ExceptionFilter {
  catch(_error: PayloadTooLargeException, host: ArgumentsHost): void {
    host.switchToHttp().getResponse<Response>().status(413).json({ code: 'BAD_USER_INPUT', message: FILE_TOO_LARGE_MESSAGE });
  }
}

/** The uploaded file's name as the browser sent it (multer reads it as Latin-1), made safe to store and show. */
export function uploadedFilename(originalName: string, fallback: string): string {
  return Buffer.from(originalName, 'latin1').toString('utf8').replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 200) || fallback;
}
