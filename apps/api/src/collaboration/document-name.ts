import { isUuid } from '../agreements/agreements.service';

const PREFIX = 'agreement:';

/** `agreement:<id>` — the collaboration document of an agreement's live draft. */
export const draftDocumentName = (agreementId: string): string => `${PREFIX}${agreementId}`;

/** The agreement id in a document name, or null when the name is not one of ours. */
export function agreementIdFromDocumentName(documentName: string): string | null {
  if (!documentName.startsWith(PREFIX)) return null;
  const id = documentName.slice(PREFIX.length);
  return isUuid(id) ? id : null;
}
