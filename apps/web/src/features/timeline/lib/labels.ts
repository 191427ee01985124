import { PHASE_LABELS } from '../../agreements/graphql/agreements';
import type { AgreementPhase, ApprovalDecision, MilestoneKind } from '../../../gql/graphql';

/** The phases in the order an agreement goes through them. */
export const PHASES: AgreementPhase[] = ['PREPARATION', 'INPUT_ROUND', 'DRAFTING', 'HEARING', 'PROCESSING', 'APPROVAL', 'SUBMITTED', 'IN_FORCE'];

export const isPhase = (value: string | null | undefined): value is AgreementPhase => PHASES.includes(value as AgreementPhase);

/** The Danish name of a phase; an unknown one is shown as it is. */
export const phaseLabel = (phase: string | null | undefined): string => (isPhase(phase) ? PHASE_LABELS[phase] : (phase ?? ''));

export const KIND_LABELS: Record<MilestoneKind, string> = {
  MEETING: 'Møde',
  DEADLINE: 'Frist',
  DECISION: 'Beslutning',
  SUBMISSION: 'Indsendelse',
};

export const KINDS = Object.keys(KIND_LABELS) as MilestoneKind[];

export type PartyStatus = ApprovalDecision | 'PENDING';

export const PARTY_STATUS_LABELS: Record<PartyStatus, string> = {
  APPROVED: 'Godkendt',
  REJECTED: 'Ikke godkendt',
  PENDING: 'Afventer',
};

export const NOTIFICATION_KIND_LABELS: Record<string, string> = {
  APPROVAL_REQUEST: 'Anmodning om godkendelse',
  DEADLINE_REMINDER: 'Påmindelse om frist',
};

export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
