import { INVITED, registerScopes } from '../access/scoped-data';
import { AgreementVersion } from './agreement-version.entity';
import { Agreement } from './agreement.entity';

declare module '../access/scoped-data' {
  interface ScopedRows {
    agreement: Agreement;
    version: AgreementVersion;
  }
}

/** The rows of the contract's table this feature owns: the agreement and its versions. */
registerScopes({
  agreement: {
    entity: Agreement,
    read: ['agreement'],
    change: 'agreement',
    what: 'Aftalen',
    refusedRead: 'Du har ikke adgang til aftalen. Den kan læses af sekretariatet, klyngerne og kommunerne i aftalens region.',
    refusedChange: 'Kun sekretariatet i aftalens region kan ændre aftalen.',
    facts: `SELECT a."region_id", NULL::uuid AS hearing_id, false AS invited, false AS own, false AS participant FROM "agreements" a WHERE a."id" = $1`,
  },
  /** A version: part of the agreement; a hearing's frozen version is also the invited organisations'. */
  version: {
    entity: AgreementVersion,
    read: ['agreement', 'hearing'],
    change: 'agreement',
    what: 'Versionen',
    refusedRead: 'Du har ikke adgang til versionen. Den kan læses af sekretariatet, klyngerne og kommunerne i aftalens region og af dem, der er inviteret til en høring over den.',
    refusedChange: 'Kun sekretariatet i aftalens region kan ændre aftalens versioner.',
    facts: `SELECT a."region_id", h."id" AS hearing_id, (h."id" IS NOT NULL AND ${INVITED('h."id"')}) AS invited, false AS own, false AS participant
              FROM "agreement_versions" v JOIN "agreements" a ON a."id" = v."agreement_id"
              LEFT JOIN LATERAL (SELECT h."id" FROM "hearings" h WHERE h."version_id" = v."id" AND ${INVITED('h."id"')} ORDER BY h."opens_at" DESC LIMIT 1) h ON true
             WHERE v."id" = $1`,
  },
});
