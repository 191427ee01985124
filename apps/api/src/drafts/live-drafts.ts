import { Injectable } from '@nestjs/common';
import type * as Y from 'yjs';

/** What the collaboration server offers on the live documents it holds (implemented by collaboration/). */
export interface LiveDraftHost {
  /** Runs `change` on the live document as a server-side edit that connected editors receive at once; resolves once stored. */
  editDraft(agreementId: string, change: (doc: Y.Doc) => void): Promise<void>;
  /** Reads the live document (loading it if no one has it open). */
  readDraft<T>(agreementId: string, read: (doc: Y.Doc) => T): Promise<T>;
  /** The loaded document on this instance, if any. */
  loadedDraft(agreementId: string): Y.Doc | null;
}

/**
 * The live drafts as the rest of the API sees them: agreements (versions, restore, reading
 * screens) use this, and the collaboration server attaches itself at start. So agreements/ and
 * collaboration/ both depend on drafts/, and neither on the other.
 */
@Injectable()
export class LiveDrafts implements LiveDraftHost {
  private host: LiveDraftHost | null = null;

  /** Called once by the collaboration server when it starts. */
  attach(host: LiveDraftHost): void {
    this.host = host;
  }

  editDraft(agreementId: string, change: (doc: Y.Doc) => void): Promise<void> {
    return this.live().editDraft(agreementId, change);
  }

  readDraft<T>(agreementId: string, read: (doc: Y.Doc) => T): Promise<T> {
    return this.live().readDraft(agreementId, read);
  }

  loadedDraft(agreementId: string): Y.Doc | null {
    return this.host?.loadedDraft(agreementId) ?? null;
  }

  private live(): LiveDraftHost {
    if (!this.host) throw new Error('The collaboration server has not started: no live drafts');
    return this.host;
  }
}
