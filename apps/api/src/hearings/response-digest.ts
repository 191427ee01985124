import { createHash } from 'node:crypto';

/**
 * What a receipt's SHA-256 is the hash of: the response as filed, written canonically so that
 * anyone holding the same facts gets the same bytes. The canonical text is the UTF-8 JSON (no
 * whitespace, keys in exactly this order) of
 *
 *   { "format": "aftalerum/hearing-response/1", "reference", "hearingId", "organisationId",
 *     "receivedAt" (ISO 8601 in UTC with milliseconds), "summary" (string or null), "publish", "late",
 *     "comments": [{ "position", "blockId" (or null), "quote" (or null), "text" }] (by position),
 *     "attachments": [{ "fileName", "sha256" (hex of the file's bytes) }] (by sha256, then fileName) }
 *
 * The secretariat's replies are not part of it: they come later and are not what was filed.
 * `HearingResponse.filedText` gives the canonical text, `HearingResponse.sha256` its hash.
 */
export interface FiledResponse {
  reference: string;
  hearingId: string;
  organisationId: string;
  receivedAt: Date;
  summary: string | null;
  publish: boolean;
  late: boolean;
  comments: Array<{ position: number; blockId: string | null; quote: string | null; text: string }>;
  attachments: Array<{ fileName: string; sha256: string }>;
}

export const RESPONSE_DIGEST_FORMAT = 'aftalerum/hearing-response/1';

export function canonicalResponse(filed: FiledResponse): string {
  const comments = [...filed.comments]
    .sort((a, b) => a.position - b.position)
    .map((c) => ({ position: c.position, blockId: c.blockId ?? null, quote: c.quote ?? null, text: c.text }));
  const attachments = [...filed.attachments]
    .sort((a, b) => (a.sha256 === b.sha256 ? (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0) : a.sha256 < b.sha256 ? -1 : 1))
    .map((a) => ({ fileName: a.fileName, sha256: a.sha256 }));
  return JSON.stringify({
    format: RESPONSE_DIGEST_FORMAT,
    reference: filed.reference,
    hearingId: filed.hearingId,
    organisationId: filed.organisationId,
    receivedAt: filed.receivedAt.toISOString(),
    summary: filed.summary ?? null,
    publish: filed.publish,
    late: filed.late,
    comments,
    attachments,
  });
}

export const responseSha256 = (canonical: string) => createHash('sha256').update(canonical, 'utf8').digest('hex');
