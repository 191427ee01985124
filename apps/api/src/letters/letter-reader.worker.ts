import { serveTask } from '../documents/bounded-worker';
import { letterText } from './letter-text';

// The worker thread that reads one letter (see readLetter): pdf.js and mammoth run here, under
// the worker's heap limit and deadline, never in the server's own heap.
serveTask(letterText);
