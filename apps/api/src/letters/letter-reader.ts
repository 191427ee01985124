import { Logger } from '@nestjs/common';
import path from 'node:path';
import { badInput } from '../common/domain-error';
import { DOCUMENT_WORKER_LIMITS, runInWorker, WorkerLimitError, WorkerLimits } from '../documents/bounded-worker';
import { DOCX, inspectAttachment } from '../hearings/attachment-inspector';
import { LetterFile } from './letter-text';

const WORKER = path.join(__dirname, 'letter-reader.worker');
const logger = new Logger('Letters');

/** A letter longer than this is not a hearing response to split into points (about 40 pages). */
export const MAX_LETTER_CHARACTERS = 100_000;

const SECONDS = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });

function workerRefusal(error: WorkerLimitError, limits: WorkerLimits) {
  switch (error.kind) {
    case 'MEMORY':
      return badInput(`Brevet er for stort eller for indviklet til at blive læst (det kræver over ${limits.maxOldGenerationSizeMb} MB hukommelse). Gem det igen, eller del det op.`, { worker: error.message });
    case 'TIME':
      return badInput(`Det tog for lang tid at læse brevet (over ${SECONDS.format(limits.timeoutMs / 1000)} sekunder). Gem det igen, eller del det op.`, { worker: error.message });
    case 'CRASH':
      return badInput('Brevet er beskadiget og kan ikke læses. Gem det igen som PDF eller Word (.docx), og prøv igen.', { worker: error.message });
  }
}

/**
 * The text of an uploaded letter. Untrusted bytes: what the file is is decided from its bytes
 * (a PDF, or a Word package within the zip limits, as for attachments), then it is read in a
 * worker thread under `limits`. A file that is neither, too large, encrypted, damaged or
 * without text (a scan) is refused with BAD_USER_INPUT and a message saying what to do.
 */
export async function readLetter(data: Buffer, limits: WorkerLimits = DOCUMENT_WORKER_LIMITS): Promise<string> {
  const verdict = await inspectAttachment(data);
  // The letter is kept as the response's attachment too, so it is refused for the same reasons.
  if (!verdict.ok) throw badInput(verdict.reason);
  const file: LetterFile = { bytes: data, kind: verdict.contentType === DOCX ? 'DOCX' : 'PDF' };
  let text: string;
  try {
    text = await runInWorker<LetterFile, string>(WORKER, file, limits);
  } catch (error) {
    if (error instanceof WorkerLimitError) {
      logger.warn(`Letter refused: ${error.message}`);
      throw workerRefusal(error, limits);
    }
    throw error;
  }
  if (!text.replace(/\s+/g, '')) {
    throw badInput('Der er ingen tekst i brevet. Er det scannet som billede, så bed om brevet som Word eller som PDF med tekst, eller skriv punkterne ind.');
  }
  if (text.length > MAX_LETTER_CHARACTERS) {
    throw badInput(`Brevet er for langt til at blive delt i punkter (over ${MAX_LETTER_CHARACTERS.toLocaleString('da-DK')} tegn). Del det op, eller skriv punkterne ind.`);
  }
  return text;
}
