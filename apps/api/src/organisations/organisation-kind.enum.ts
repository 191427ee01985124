import { registerEnumType } from '@nestjs/graphql';

export enum OrganisationKind {
  REGION = 'REGION',
  MUNICIPALITY = 'MUNICIPALITY',
  GENERAL_PRACTICE = 'GENERAL_PRACTICE',
  HOSPITAL = 'HOSPITAL',
  PATIENT_ORGANISATION = 'PATIENT_ORGANISATION',
  PROFESSIONAL_ORGANISATION = 'PROFESSIONAL_ORGANISATION',
  COMMITTEE = 'COMMITTEE',
  OTHER = 'OTHER',
}

registerEnumType(OrganisationKind, {
  name: 'OrganisationKind',
  description: 'COMMITTEE is the SSU, a health cluster and similar bodies.',
});
