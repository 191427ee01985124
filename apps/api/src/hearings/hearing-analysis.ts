import path from 'node:path';
import { runInWorker, WorkerLimits } from '../documents/bounded-worker';
import { CampaignInput, FoundCampaign, findCampaigns } from './campaigns';
import { ExistingTheme, findThemes, ThemeInput, ThemeResult } from './themes';

/** What one analysis run reads of a hearing. */
export interface AnalysisInput {
  responses: CampaignInput[];
  comments: ThemeInput[];
  existing: ExistingTheme[];
}

export interface AnalysisOutput {
  campaigns: FoundCampaign[];
  themes: ThemeResult;
}

/** The campaigns and themes of a hearing's texts: pure computation, no database. */
export function analyseTexts({ responses, comments, existing }: AnalysisInput): AnalysisOutput {
  return { campaigns: findCampaigns(responses), themes: findThemes(comments, existing) };
}

/**
 * A run over 5,000 comments takes about 1.6 s and 100 MB of heap on one core (bench:themes);
 * past these limits the worker is stopped and the job is retried, never the server.
 */
export const ANALYSIS_WORKER_LIMITS: WorkerLimits = Object.freeze({
  maxOldGenerationSizeMb: 512,
  maxYoungGenerationSizeMb: 32,
  timeoutMs: 120_000,
});

const WORKER = path.join(__dirname, 'hearing-analysis.worker');

/** {@link analyseTexts} in a worker thread of its own (bounded-worker.ts). */
export function analyseInWorker(input: AnalysisInput, limits: WorkerLimits = ANALYSIS_WORKER_LIMITS): Promise<AnalysisOutput> {
  return runInWorker<AnalysisInput, AnalysisOutput>(WORKER, input, limits);
}
