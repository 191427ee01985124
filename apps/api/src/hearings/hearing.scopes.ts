import { INVITED, registerScopes } from '../access/scoped-data';
import { Attachment } from './attachment.entity';
import { HearingCampaignRow, HearingThemeRow, ReplyTemplateRow } from './hearing-analysis.entities';
import { HearingComment } from './hearing-comment.entity';
import { HearingResponse } from './hearing-response.entity';
import { Hearing } from './hearing.entity';

declare module '../access/scoped-data' {
  interface ScopedRows {
    hearing: Hearing;
    hearingResponse: HearingResponse;
    hearingComment: HearingComment;
    attachment: Attachment;
    decisionDocument: Attachment;
    hearingTheme: HearingThemeRow;
    hearingCampaign: HearingCampaignRow;
    replyTemplate: ReplyTemplateRow;
  }
}

/** The rows of the contract's table this feature owns: a hearing, its responses, their comments and the uploaded files. */
registerScopes({
  /** A hearing: read by the invited and the secretariat; processed (changed) by the secretariat of the agreement. */
  hearing: {
    entity: Hearing,
    read: ['hearing'],
    change: 'agreement',
    what: 'Høringen',
    refusedRead: 'Du har ikke adgang til høringen. Den kan læses af de inviterede organisationer og sekretariatet for aftalen.',
    refusedChange: 'Kun sekretariatet for aftalen kan behandle høringen.',
    facts: `SELECT a."region_id", h."id" AS hearing_id, ${INVITED('h."id"')} AS invited, false AS own, false AS participant
              FROM "hearings" h JOIN "agreements" a ON a."id" = h."agreement_id" WHERE h."id" = $1`,
  },
  hearingResponse: {
    entity: HearingResponse,
    read: ['hearingResponse'],
    change: 'agreement',
    what: 'Høringssvaret',
    refusedRead: 'Du har ikke adgang til høringssvaret. Det kan læses af den organisation, der har afgivet det, og sekretariatet.',
    refusedChange: 'Kun sekretariatet for aftalen kan behandle høringssvaret.',
    facts: `SELECT a."region_id", h."id" AS hearing_id, false AS invited, r."organisation_id" = $2 AS own, false AS participant
              FROM "hearing_responses" r JOIN "hearings" h ON h."id" = r."hearing_id" JOIN "agreements" a ON a."id" = h."agreement_id"
             WHERE r."id" = $1`,
  },
  hearingComment: {
    entity: HearingComment,
    read: ['hearingResponse'],
    change: 'agreement',
    what: 'Kommentaren',
    refusedRead: 'Du har ikke adgang til kommentaren. Den kan læses af den organisation, der har afgivet den, og sekretariatet.',
    refusedChange: 'Kun sekretariatet for aftalen kan besvare kommentaren.',
    facts: `SELECT a."region_id", h."id" AS hearing_id, false AS invited, r."organisation_id" = $2 AS own, false AS participant
              FROM "hearing_comments" c JOIN "hearing_responses" r ON r."id" = c."response_id"
              JOIN "hearings" h ON h."id" = r."hearing_id" JOIN "agreements" a ON a."id" = h."agreement_id"
             WHERE c."id" = $1`,
  },
  /**
   * An uploaded file: a hearing response's attachment (the response's readers) or an approval's
   * decision document (the agreement's secretariat and the deciding organisation); before it is
   * filed, only its organisation's. Once filed, a response's attachment is the responding
   * organisation's, whoever uploaded it: a letter the secretariat registered for an organisation
   * is that organisation's to read, as the response is. An upload by an account bound to a
   * hearing belongs to that hearing.
   */
  attachment: {
    entity: Attachment,
    read: ['hearingResponse'],
    change: 'hearingResponse',
    what: 'Bilaget',
    refusedRead: 'Du har ikke adgang til bilaget. Det kan hentes af den organisation, der har indsendt det, og sekretariatet.',
    refusedChange: 'Du har ikke adgang til bilaget.',
    facts: `SELECT COALESCE(ha."region_id", aa."region_id") AS region_id, COALESCE(hr."hearing_id", u."hearing_id") AS hearing_id,
                   false AS invited, COALESCE(hr."organisation_id", f."organisation_id") = $2 AS own, false AS participant
              FROM "attachments" f
              JOIN "users" u ON u."id" = f."uploaded_by"
              LEFT JOIN "hearing_response_attachments" x ON x."attachment_id" = f."id"
              LEFT JOIN "hearing_responses" hr ON hr."id" = x."response_id"
              LEFT JOIN "hearings" h ON h."id" = hr."hearing_id"
              LEFT JOIN "agreements" ha ON ha."id" = h."agreement_id"
              LEFT JOIN "approvals" ap ON ap."document_id" = f."id"
              LEFT JOIN "agreements" aa ON aa."id" = ap."agreement_id"
             WHERE f."id" = $1
             LIMIT 1`,
  },
  /**
   * An uploaded file that documents a party's decision on an agreement (an approval's
   * `documentId`): part of the approvals, so the approval's readers read it — the region's
   * secretariat, clusters and municipalities, whoever uploaded it (most often the secretariat,
   * on behalf of a party without an account).
   */
  decisionDocument: {
    entity: Attachment,
    read: ['approval'],
    change: 'approval',
    what: 'Beslutningsdokumentet',
    refusedRead: 'Du har ikke adgang til beslutningsdokumentet. Det kan hentes af regionens sekretariat, klynger og kommuner.',
    refusedChange: 'Du har ikke adgang til beslutningsdokumentet.',
    facts: `SELECT a."region_id", NULL::uuid AS hearing_id, false AS invited, ap."organisation_id" = $2 AS own, false AS participant
              FROM "approvals" ap JOIN "agreements" a ON a."id" = ap."agreement_id"
             WHERE ap."document_id" = $1
             LIMIT 1`,
  },
  /** A theme of a hearing's comments: processing, so the secretariat of the agreement's region only (ADMIN too). */
  hearingTheme: {
    entity: HearingThemeRow,
    read: ['hearingResponse'],
    change: 'agreement',
    what: 'Temaet',
    refusedRead: 'Kun sekretariatet for aftalen kan se høringens temaer.',
    refusedChange: 'Kun sekretariatet for aftalen kan ændre høringens temaer.',
    facts: `SELECT a."region_id", h."id" AS hearing_id, false AS invited, false AS own, false AS participant
              FROM "hearing_themes" t JOIN "hearings" h ON h."id" = t."hearing_id" JOIN "agreements" a ON a."id" = h."agreement_id"
             WHERE t."id" = $1`,
  },
  /** A campaign of near-identical responses: like the responses it groups, for the secretariat. */
  hearingCampaign: {
    entity: HearingCampaignRow,
    read: ['hearingResponse'],
    change: 'agreement',
    what: 'Kampagnen',
    refusedRead: 'Kun sekretariatet for aftalen kan se høringens kampagner.',
    refusedChange: 'Kun sekretariatet for aftalen kan besvare kampagnen.',
    facts: `SELECT a."region_id", h."id" AS hearing_id, false AS invited, false AS own, false AS participant
              FROM "hearing_campaigns" k JOIN "hearings" h ON h."id" = k."hearing_id" JOIN "agreements" a ON a."id" = h."agreement_id"
             WHERE k."id" = $1`,
  },
  /** A reply template: the secretariat of its region's (ADMIN too). */
  replyTemplate: {
    entity: ReplyTemplateRow,
    read: ['hearingResponse'],
    change: 'agreement',
    what: 'Svarskabelonen',
    refusedRead: 'Svarskabelonen tilhører en anden regions sekretariat.',
    refusedChange: 'Kun regionens sekretariat kan ændre sine svarskabeloner.',
    facts: `SELECT t."region_id", NULL::uuid AS hearing_id, false AS invited, false AS own, false AS participant FROM "reply_templates" t WHERE t."id" = $1`,
  },
});
