import { Logger } from '@nestjs/common';
import path from 'node:path';
import { DOCUMENT_WORKER_LIMITS, runInWorker, WorkerLimitError, WorkerLimits } from '../documents/bounded-worker';
import { checkDocx, workerRefusal } from './docx-reader';
import type { WordChanges } from './word-changes-xml';

export type { WordChanges, WordComment, WordParagraph, WordPiece, WordPoint } from './word-changes-xml';
export { MAX_CHANGE_TEXT, MAX_WORD_CHANGES, MAX_WORD_COMMENTS } from './word-changes-xml';

const logger = new Logger('WordChanges');

const WORKER = path.join(__dirname, 'word-changes-reader.worker');

/**
 * Reads the tracked changes and comments of an uploaded Word document. Untrusted bytes: checked
 * as the Word import checks them (size, type, zip limits), then parsed in a worker thread under
 * `limits`; a document over any limit is refused with BAD_USER_INPUT.
 */
export async function readWordChanges(data: Buffer, limits: WorkerLimits = DOCUMENT_WORKER_LIMITS): Promise<WordChanges> {
  await checkDocx(data);
  try {
    return await runInWorker<Uint8Array, WordChanges>(WORKER, data, limits);
  } catch (error) {
    if (error instanceof WorkerLimitError) {
      logger.warn(`Word changes refused: ${error.message}`);
      throw workerRefusal(error, limits);
    }
    throw error;
  }
}
