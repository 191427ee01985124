const PREFIX = 'agreement:';

// The canonical form PostgreSQL prints a uuid in: lower-case, hyphenated.
const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `agreement:<id>` — the collaboration document of an agreement's live draft (`Agreement.documentName`). */
export const draftDocumentName = (agreementId: string): string => `${PREFIX}${agreementId.toLowerCase()}`;

/**
 * The agreement id in a document name, or null when the name is not exactly the canonical
 * `Agreement.documentName`. PostgreSQL compares uuids case-insensitively, so a name with an
 * upper-case id would find the same agreement but open a second live copy of its draft, which
 * neither the lock nor the other editors would reach: any other spelling is refused.
 */
export function agreementIdFromDocumentName(documentName: string): string | null {
  if (!documentName.startsWith(PREFIX)) return null;
  const id = documentName.slice(PREFIX.length);
  return CANONICAL_UUID.test(id) ? id : null;
}
