import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';

/** The arguments of one call of the `submit_hearing_response` function (hearings migration). */
export interface Filing {
  hearingId: string;
  organisationId: string;
  idempotencyKey: string;
  summary: string | null;
  publish: boolean;
  late: boolean;
  userId: string;
  userName: string;
  comments: Array<{ blockId: string | null; quote: string | null; text: string }>;
  attachmentIds: string[];
  requestId: string | null;
  checkDeadline: boolean;
  /** The clock's time of the filing: its received time, and the moment the deadline is checked at. */
  now: Date;
}

/** What the function answers for one filing. */
export interface FilingOutcome {
  outcome: string;
  id: string | null;
  reference: string | null;
  received_at: Date | null;
}

const ONE = 'SELECT * FROM submit_hearing_response($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)';

/** Several filings in one statement: each its own call of the function, in the order given. */
const MANY = `
  SELECT f.* , b."ord"
    FROM jsonb_to_recordset($1::jsonb) AS b("ord" int, "hearingId" uuid, "organisationId" uuid, "idempotencyKey" text, "summary" text,
         "publish" boolean, "late" boolean, "userId" uuid, "userName" text, "comments" jsonb, "attachmentIds" jsonb, "requestId" text, "checkDeadline" boolean, "now" timestamptz)
   CROSS JOIN LATERAL submit_hearing_response(b."hearingId", b."organisationId", b."idempotencyKey", b."summary", b."publish", b."late", b."userId",
         b."userName", b."comments", ARRAY(SELECT jsonb_array_elements_text(b."attachmentIds")::uuid), b."requestId", b."checkDeadline", b."now") f
   ORDER BY b."ord"`;

/**
 * Files hearing responses through the `submit_hearing_response` function. The filings that
 * arrive in the same turn of the event loop (a burst near the deadline) go to the database as
 * one statement, so they cost one round trip and one commit together instead of one each. Each
 * filing is still whole or not at all (its response, comments, attachments and audit row are in
 * that statement's transaction), and the idempotency key still answers a retry with the first
 * receipt. Should the joint statement fail, each filing is tried on its own, so one filing's
 * error is never another's.
 */
export class FilingBatch {
  private readonly loader: DataLoader<Filing, FilingOutcome>;

  constructor(private readonly db: DataSource) {
    this.loader = new DataLoader<Filing, FilingOutcome>((filings) => this.fileAll(filings), {
      cache: false,
      maxBatchSize: 50,
      batchScheduleFn: (dispatch) => setImmediate(dispatch),
    });
  }

  file(filing: Filing): Promise<FilingOutcome> {
    return this.loader.load(filing);
  }

  private async fileAll(filings: readonly Filing[]): Promise<Array<FilingOutcome | Error>> {
    if (filings.length > 1) {
      try {
        const rows = await this.db.query<Array<FilingOutcome & { ord: number }>>(MANY, [JSON.stringify(filings.map((filing, ord) => ({ ...filing, ord })))]);
        if (rows.length === filings.length) return rows;
      } catch {
        // One filing's error (a constraint, a deadlock with another burst) fails the statement: file each on its own below.
      }
    }
    return Promise.all(filings.map((filing) => this.fileOne(filing).catch((error: Error) => error)));
  }

  private async fileOne(f: Filing): Promise<FilingOutcome> {
    const [row] = await this.db.query<FilingOutcome[]>(ONE, [
      f.hearingId,
      f.organisationId,
      f.idempotencyKey,
      f.summary,
      f.publish,
      f.late,
      f.userId,
      f.userName,
      JSON.stringify(f.comments),
      f.attachmentIds,
      f.requestId,
      f.checkDeadline,
      f.now,
    ]);
    return row;
  }
}
