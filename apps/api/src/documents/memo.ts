import type { BlockChange, WordChange } from '@aftalerum/editor';

/*
 * The hearing memo (høringsnotat) as the writers take it: plain data the hearings feature
 * builds, written as HTML (html/memo.ts), Word (docx/memo.ts) and PDF (pdf/memo.ts).
 */

/** What the secretariat decided about a comment. */
export type MemoOutcome = 'INCORPORATED' | 'PARTLY_INCORPORATED' | 'NOT_INCORPORATED' | 'NOTED';

export const OUTCOME_LABELS: Record<MemoOutcome, string> = {
  INCORPORATED: 'Indarbejdet',
  PARTLY_INCORPORATED: 'Delvist indarbejdet',
  NOT_INCORPORATED: 'Ikke indarbejdet',
  NOTED: 'Noteret',
};

export interface MemoComment {
  organisationName: string;
  reference: string;
  quote: string | null;
  text: string;
  reply: string | null;
  outcome: MemoOutcome | null;
}

/** What became of a commented block in the version compared with (the redline under its replies). */
export interface MemoBlockChange {
  kind: 'UNCHANGED' | 'CHANGED' | 'REMOVED';
  after: string | null;
  /** For CHANGED: the words kept, added and removed. */
  words: WordChange[];
}

/** The line under a block's replies: what it became in the version compared with. */
export function blockChangeLabel(change: MemoBlockChange, comparedWith: string): string {
  switch (change.kind) {
    case 'UNCHANGED':
      return `Afsnittet er uændret i ${comparedWith}.`;
    case 'REMOVED':
      return `Afsnittet er fjernet i ${comparedWith}.`;
    case 'CHANGED':
      return `Afsnittet er ændret i ${comparedWith}:`;
  }
}

/** A campaign: near-identical responses from many senders, reported once with its count. */
export interface MemoCampaign {
  size: number;
  senders: string[];
  text: string;
  reply: string | null;
  outcome: MemoOutcome | null;
}

export interface MemoRespondent {
  organisationName: string;
  kindLabel: string;
  reference: string;
  receivedAt: Date;
  late: boolean;
  summary: string | null;
  comments: number;
}

export interface MemoModel {
  agreementTitle: string;
  hearingTitle: string;
  versionLabel: string;
  opensAt: Date;
  closesAt: Date;
  generatedAt: Date;
  respondents: MemoRespondent[];
  /** The invited organisations that did not answer, by name. */
  notAnswered: string[];
  /** In the order of the hearing draft: each section with the comments on its blocks, and what became of each block. */
  sections: Array<{ title: string; blocks: Array<{ text: string; comments: MemoComment[]; change: MemoBlockChange }> }>;
  general: MemoComment[];
  /** Campaigns: each once, with its count; their responses' points are not repeated above. */
  campaigns: MemoCampaign[];
  /** What changed from the hearing draft to the version compared with. */
  changes: BlockChange[];
  comparedWith: string;
  /** The version compared with; null: the live draft. */
  comparedVersionId: string | null;
}
