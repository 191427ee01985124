import { serveTask } from '../documents/bounded-worker';
import { convertWordChanges } from './word-changes-xml';

// The worker thread that reads one uploaded Word document's tracked changes and comments (see
// readWordChanges): the XML is parsed here, under the worker's heap limit.
serveTask(convertWordChanges);
