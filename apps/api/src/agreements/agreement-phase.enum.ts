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

/** The phases in the order the process goes through them. */
export const PHASE_ORDER: readonly AgreementPhase[] = [
  AgreementPhase.PREPARATION,
  AgreementPhase.INPUT_ROUND,
  AgreementPhase.DRAFTING,
  AgreementPhase.HEARING,
  AgreementPhase.PROCESSING,
  AgreementPhase.APPROVAL,
  AgreementPhase.SUBMITTED,
  AgreementPhase.IN_FORCE,
];

/** The Danish names of the phases, as the screens show them. */
export const PHASE_NAMES: Readonly<Record<AgreementPhase, string>> = {
  PREPARATION: 'Forberedelse',
  INPUT_ROUND: 'Inputrunde',
  DRAFTING: 'Udarbejdelse af udkast',
  HEARING: 'Høring',
  PROCESSING: 'Behandling af høringssvar',
  APPROVAL: 'Godkendelse',
  SUBMITTED: 'Sendt til Sundhedsstyrelsen',
  IN_FORCE: 'Trådt i kraft',
};

/** The step after `phase`, or null after the last. */
export const nextPhase = (phase: AgreementPhase): AgreementPhase | null => PHASE_ORDER[PHASE_ORDER.indexOf(phase) + 1] ?? null;
