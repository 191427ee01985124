import { serveTask } from '../documents/bounded-worker';
import { analyseTexts } from './hearing-analysis';

// The worker thread of one analysis run (see HearingAnalysisService): the campaigns' MinHash and
// the themes' TF-IDF and clustering run here, so that a hearing of thousands of comments never
// holds the server's event loop while responses are being filed.
serveTask(async (input: Parameters<typeof analyseTexts>[0]) => analyseTexts(input));
