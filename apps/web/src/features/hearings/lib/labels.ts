import type { CommentOutcome, HearingStatus, OrganisationKind } from '../../../gql/graphql';

export const STATUS_LABELS: Record<HearingStatus, string> = {
  SCHEDULED: 'Planlagt',
  OPEN: 'Åben',
  CLOSED: 'Afsluttet',
};

/** The public hearing sends its status as a plain string; anything unknown reads as closed. */
export function hearingStatus(value: string): HearingStatus {
  return value in STATUS_LABELS ? (value as HearingStatus) : 'CLOSED';
}

export const OUTCOME_LABELS: Record<CommentOutcome, string> = {
  INCORPORATED: 'Indarbejdet',
  PARTLY_INCORPORATED: 'Delvist indarbejdet',
  NOT_INCORPORATED: 'Ikke indarbejdet',
  NOTED: 'Noteret',
};

export const OUTCOMES = Object.keys(OUTCOME_LABELS) as CommentOutcome[];

/** Organisation kinds in the order the screens group them, with Danish group names. */
export const KIND_GROUPS: Array<[OrganisationKind, string]> = [
  ['PATIENT_ORGANISATION', 'Patientforeninger'],
  ['PROFESSIONAL_ORGANISATION', 'Faglige organisationer'],
  ['GENERAL_PRACTICE', 'Almen praksis'],
  ['HOSPITAL', 'Hospitaler og psykiatri'],
  ['MUNICIPALITY', 'Kommuner'],
  ['REGION', 'Regioner'],
  ['COMMITTEE', 'Udvalg og klynger'],
  ['OTHER', 'Andre'],
];

export const KIND_LABELS = Object.fromEntries(KIND_GROUPS) as Record<OrganisationKind, string>;

/** "1 kommentar", "3 kommentarer". */
export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
