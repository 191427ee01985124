import type { UploadedAttachment } from '../hooks/use-attachments';
import type { DraftBlockInfo } from './draft';

/** A comment of the response form as it is saved: anchored to a block, optionally quoting it. */
export interface SavedComment {
  blockId: string;
  quote: string;
  text: string;
}

/** What is autosaved (saveHearingResponseDraft) and restored from `hearing.myDraft`. */
export interface SavedForm {
  v: 1;
  savedAt: string;
  summary: string;
  publish: boolean;
  comments: SavedComment[];
  attachments: UploadedAttachment[];
}

/** The form as the draft to save, stamped with the time it was saved. */
export const draftContent = (form: Omit<SavedForm, 'savedAt'>, now = new Date()): string => JSON.stringify({ ...form, savedAt: now.toISOString() } satisfies SavedForm);

/** The saved draft, if it can be read; comments on blocks not in this version are dropped. */
export function restoreDraft(json: string | null, blocks: Map<string, DraftBlockInfo>): SavedForm | null {
  if (!json) return null;
  try {
    const saved = JSON.parse(json) as Partial<SavedForm>;
    if (!saved || typeof saved !== 'object') return null;
    return {
      v: 1,
      savedAt: typeof saved.savedAt === 'string' ? saved.savedAt : '',
      summary: typeof saved.summary === 'string' ? saved.summary : '',
      publish: saved.publish === true,
      comments: (Array.isArray(saved.comments) ? saved.comments : [])
        .filter((c) => c && typeof c.blockId === 'string' && blocks.has(c.blockId))
        .map((c) => ({ blockId: c.blockId, quote: typeof c.quote === 'string' ? c.quote : '', text: typeof c.text === 'string' ? c.text : '' })),
      attachments: (Array.isArray(saved.attachments) ? saved.attachments : []).filter((a) => a && typeof a.id === 'string' && typeof a.filename === 'string'),
    };
  } catch {
    return null;
  }
}
