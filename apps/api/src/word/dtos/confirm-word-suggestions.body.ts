import { IsString, Matches } from 'class-validator';

/** The form field sent with the Word document to bring its changes in: the preview's id (the file's SHA-256). */
export class ConfirmWordSuggestionsBody {
  @IsString()
  @Matches(/^[0-9a-f]{64}$/, { message: 'importId skal være id’et fra forhåndsvisningen.' })
  importId!: string;
}
