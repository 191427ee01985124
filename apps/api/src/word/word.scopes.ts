import { registerScopes } from '../access/scoped-data';
import { Agreement } from '../agreements/agreement.entity';

declare module '../access/scoped-data' {
  interface ScopedRows {
    /** An agreement, as the live draft that suggestions from Word are brought into. */
    draftSuggestions: Agreement;
  }
}

/** Suggestions in the live draft: whoever may read the draft may suggest changes in it. */
registerScopes({
  draftSuggestions: {
    entity: Agreement,
    read: ['draftSuggestion'],
    change: 'draftSuggestion',
    what: 'Aftalen',
    refusedRead: 'Du har ikke adgang til udkastet. Det kan læses af sekretariatet, klyngerne og kommunerne i aftalens region.',
    refusedChange: 'Kun sekretariatet, klyngerne og kommunerne i aftalens region kan foreslå ændringer i udkastet.',
    facts: `SELECT a."region_id", NULL::uuid AS hearing_id, false AS invited, false AS own, false AS participant FROM "agreements" a WHERE a."id" = $1`,
  },
});
