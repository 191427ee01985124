import type { InputLevel, InputOutcome, SectionKind } from '../../../gql/graphql';

export const OUTCOME_LABELS: Record<InputOutcome, string> = {
  INCORPORATED: 'Indarbejdet',
  PARTLY_INCORPORATED: 'Delvist indarbejdet',
  NOT_INCORPORATED: 'Ikke indarbejdet',
  NOTED: 'Noteret',
};

export const OUTCOMES = Object.keys(OUTCOME_LABELS) as InputOutcome[];

export const LEVEL_LABELS: Record<InputLevel, string> = {
  POLITICAL: 'Politisk klynge',
  PROFESSIONAL: 'Faglig klynge',
};

export const KIND_LABELS: Record<SectionKind, string> = {
  PREAMBLE: 'Indledning',
  VISION: 'Vision',
  FOCUS_AREA: 'Fokusområde',
  PRINCIPLE: 'Princip',
  GOAL: 'Mål',
  ANNEX: 'Tillæg',
  OTHER: 'Andet',
};

/** The column and group for items tied to no section (the API's last matrix column). */
export const NO_SECTION = 'Generelt (intet afsnit)';
