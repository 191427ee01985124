import { registerEnumType } from '@nestjs/graphql';

/** Where an agreement stands, from preparation to taking effect. */
export enum AgreementPhase {
  PREPARATION = 'PREPARATION',
  INPUT_ROUND = 'INPUT_ROUND',
  DRAFTING = 'DRAFTING',
  HEARING = 'HEARING',
  PROCESSING = 'PROCESSING',
  APPROVAL = 'APPROVAL',
  SUBMITTED = 'SUBMITTED',
  IN_FORCE = 'IN_FORCE',
}

registerEnumType(AgreementPhase, { name: 'AgreementPhase' });
