import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUUID, Length, Matches, Max, Min, ValidateIf } from 'class-validator';

export const IMPORT_TARGETS = ['NEW_AGREEMENT', 'EXISTING_AGREEMENT'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

const isNew = (body: ConfirmImportBody) => body.target === 'NEW_AGREEMENT';
const isExisting = (body: ConfirmImportBody) => body.target === 'EXISTING_AGREEMENT';

/**
 * The form fields sent with the Word document to import it: the preview's id (the file's
 * SHA-256), the kind chosen for each heading, and where the draft goes.
 */
export class ConfirmImportBody {
  @IsString()
  @Matches(/^[0-9a-f]{64}$/, { message: 'importId skal være id’et fra forhåndsvisningen.' })
  importId!: string;

  /** JSON array with one kind (or SUBHEADING) per heading of the preview, in order. */
  @IsString()
  @Length(2, 200_000)
  kinds!: string;

  @IsIn(IMPORT_TARGETS, { message: 'Vælg, om dokumentet skal blive en ny aftale eller et nyt udkast til en eksisterende aftale.' })
  target!: ImportTarget;

  @ValidateIf(isExisting)
  @IsUUID('all', { message: 'Vælg den aftale, udkastet skal erstatte.' })
  agreementId?: string;

  @ValidateIf(isNew)
  @IsUUID('all', { message: 'Vælg regionen for den nye aftale.' })
  regionId?: string;

  @ValidateIf(isNew)
  @IsString()
  @Length(3, 200, { message: 'Titlen skal være mellem 3 og 200 tegn.' })
  title?: string;

  @ValidateIf(isNew)
  @Type(() => Number)
  @IsInt({ message: 'Angiv periodens første år.' })
  @Min(2000, { message: 'Periodens første år skal være fra 2000.' })
  @Max(2100, { message: 'Periodens første år skal være før 2100.' })
  periodStart?: number;

  @ValidateIf(isNew)
  @Type(() => Number)
  @IsInt({ message: 'Angiv periodens sidste år.' })
  @Min(2000, { message: 'Periodens sidste år skal være fra 2000.' })
  @Max(2100, { message: 'Periodens sidste år skal være før 2100.' })
  periodEnd?: number;

  @ValidateIf(isNew)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Angiv ikrafttrædelsesdatoen som ÅÅÅÅ-MM-DD.' })
  effectiveDate?: string;
}
