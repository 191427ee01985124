import { registerScopes } from '../access/scoped-data';
import { ClusterInput } from './cluster-input.entity';
import { InputRound } from './input-round.entity';

declare module '../access/scoped-data' {
  interface ScopedRows {
    inputRound: InputRound;
    clusterInput: ClusterInput;
  }
}

/** The rows of the contract's table this feature owns: an input round and the inputs given in it. */
registerScopes({
  inputRound: {
    entity: InputRound,
    read: ['inputRound'],
    change: 'inputRound',
    what: 'Inputrunden',
    refusedRead: 'Du har ikke adgang til inputrunden. Den kan læses af aftalens region og de organisationer, der er bedt om input.',
    refusedChange: 'Kun sekretariatet for aftalen kan styre inputrunden.',
    facts: `SELECT a."region_id", NULL::uuid AS hearing_id, false AS invited, false AS own,
                   EXISTS (SELECT 1 FROM "input_round_participants" p WHERE p."round_id" = r."id" AND p."organisation_id" = $2) AS participant
              FROM "input_rounds" r JOIN "agreements" a ON a."id" = r."agreement_id" WHERE r."id" = $1`,
  },
  clusterInput: {
    entity: ClusterInput,
    read: ['clusterInput'],
    change: 'clusterInput',
    what: 'Inputtet',
    refusedRead: 'Du har ikke adgang til inputtet. Det kan læses af den klynge, der giver det, og sekretariatet.',
    refusedChange: 'Kun den klynge eller organisation, der giver inputtet, kan ændre det.',
    facts: `SELECT a."region_id", NULL::uuid AS hearing_id, false AS invited, ci."organisation_id" = $2 AS own, false AS participant
              FROM "cluster_inputs" ci JOIN "input_rounds" r ON r."id" = ci."round_id" JOIN "agreements" a ON a."id" = r."agreement_id"
             WHERE ci."id" = $1`,
  },
});
