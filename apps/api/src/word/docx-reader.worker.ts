import { serveTask } from '../documents/bounded-worker';
import { convertDocx } from './docx-reader';

// The worker thread that reads one uploaded Word document (see readDocx): mammoth and the
// draft builder run here, under the worker's heap limit, never in the server's own heap.
serveTask(convertDocx);
