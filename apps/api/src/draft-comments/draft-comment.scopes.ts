import { registerScopes } from '../access/scoped-data';
import { Agreement } from '../agreements/agreement.entity';
import { DraftCommentThread } from './draft-comment.entity';

declare module '../access/scoped-data' {
  interface ScopedRows {
    /** An agreement, as the place its draft's comments are read and written. */
    draftComments: Agreement;
    draftCommentThread: DraftCommentThread;
  }
}

const READ = 'Du har ikke adgang til kommentarerne. De kan læses af sekretariatet, klyngerne og kommunerne i aftalens region.';
const CHANGE = 'Kun sekretariatet, klyngerne og kommunerne i aftalens region kan kommentere udkastet.';

/** Comments on the live draft: whoever may read the draft reads and writes them. */
registerScopes({
  draftComments: {
    entity: Agreement,
    read: ['draftComment'],
    change: 'draftComment',
    what: 'Aftalen',
    refusedRead: READ,
    refusedChange: CHANGE,
    facts: `SELECT a."region_id", NULL::uuid AS hearing_id, false AS invited, false AS own, false AS participant FROM "agreements" a WHERE a."id" = $1`,
  },
  draftCommentThread: {
    entity: DraftCommentThread,
    read: ['draftComment'],
    change: 'draftComment',
    what: 'Kommentaren',
    refusedRead: READ,
    refusedChange: CHANGE,
    facts: `SELECT a."region_id", NULL::uuid AS hearing_id, false AS invited, false AS own, false AS participant
              FROM "draft_comment_threads" t JOIN "agreements" a ON a."id" = t."agreement_id" WHERE t."id" = $1`,
  },
});
