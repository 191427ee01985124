import type { Client, Pool } from 'pg';

/** What a comment is about: a few Danish topics, so search and the facets have something to find. */
const TOPICS = [
  'pårørende bør inddrages tidligere i forløbet',
  'almen praksis skal have bedre adgang til data',
  'lighed i sundhed kræver konkrete mål',
  'genoptræning efter udskrivning tager for lang tid',
  'psykiatrien mangler sammenhæng med kommunerne',
  'det nære sundhedsvæsen skal styrkes med flere hænder',
  'borgere med kroniske sygdomme skal have én indgang',
  'digitale løsninger må ikke udelukke ældre borgere',
];

export interface LargeHearingSeed {
  hearingId: string;
  /** Invited organisations; the responses go round them. */
  organisationIds: string[];
  /** Who files them (any user; the filing function records the name). */
  userId: string;
  userName: string;
  /** Blocks of the hearing version the comments anchor to (every fifth comment is general). */
  blockIds: string[];
  responses: number;
  commentsPerResponse: number;
  /** Distinguishes the idempotency keys of several seeds into one hearing. */
  batch?: string;
}

/**
 * Files `responses` hearing responses of `commentsPerResponse` comments each through the
 * database's own filing function (submit_hearing_response: the references, the invitation check,
 * the audit log and the constraints are the ones every real response goes through), a hundred
 * responses per statement.
 */
export async function seedLargeHearing(db: Client | Pool, seed: LargeHearingSeed): Promise<void> {
  const batch = seed.batch ?? 'seed';
  const step = 100;
  for (let from = 0; from < seed.responses; from += step) {
    const rows = Array.from({ length: Math.min(step, seed.responses - from) }, (_, i) => {
      const n = from + i;
      const comments = Array.from({ length: seed.commentsPerResponse }, (_, k) => {
        const general = (n + k) % 5 === 4;
        return {
          blockId: general ? null : seed.blockIds[(n * seed.commentsPerResponse + k) % seed.blockIds.length],
          quote: null,
          text: `Bemærkning ${k + 1} i svar ${n + 1}: ${TOPICS[(n + k * 3) % TOPICS.length]}.`,
        };
      });
      return { organisationId: seed.organisationIds[n % seed.organisationIds.length], key: `${batch}-${n}`, comments };
    });
    const result = await db.query<{ outcome: string }>(
      `SELECT (submit_hearing_response($1, (x->>'organisationId')::uuid, x->>'key', NULL, true, false, $2, $3, x->'comments', '{}'::uuid[], NULL, true, now())).outcome
         FROM jsonb_array_elements($4::jsonb) AS x`,
      [seed.hearingId, seed.userId, seed.userName, JSON.stringify(rows)],
    );
    const refused = result.rows.filter((r) => r.outcome !== 'created' && r.outcome !== 'existing');
    if (refused.length) throw new Error(`submit_hearing_response refused ${refused.length} responses: ${refused[0].outcome}`);
  }
}
