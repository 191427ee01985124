import { useId } from 'react';
import { HearingResponse } from '../graphql/hearings';
import { useDownload } from '../hooks/use-download';
import { DraftBlockInfo } from '../lib/draft';
import { OUTCOME_LABELS, plural } from '../lib/labels';
import { formatDateTimeWithSeconds } from '../lib/time';
import { AttachmentList } from './attachment-list';

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('da') + text.slice(1);

/** A response as it was filed: what the organisation sent, its receipt, and the secretariat's answers once given. */
export function FiledResponse({ response, blocks }: { response: HearingResponse; blocks: DraftBlockInfo[] }) {
  const id = useId();
  const receipt = useDownload(`kvittering-${response.reference}.pdf`);
  const byId = new Map(blocks.map((b) => [b.blockId, b]));
  return (
    <article className="card hd-filed" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        Høringssvar {response.reference} <span className="hd-tag hd-tag--ok">Besvaret</span>
      </h3>
      <dl className="hd-receipt__facts">
        <div>
          <dt>Kvitteringsnummer</dt>
          <dd className="hd-receipt__reference">{response.reference}</dd>
        </div>
        <div>
          <dt>Afsender af kvitteringen</dt>
          <dd>{response.sender}</dd>
        </div>
        <div>
          <dt>Modtaget</dt>
          <dd>
            <time dateTime={response.receivedAt}>{formatDateTimeWithSeconds(response.receivedAt)}</time>
            {response.late ? ' (registreret efter fristen)' : ''}
          </dd>
        </div>
        <div>
          <dt>Afgivet af</dt>
          <dd>
            {response.submittedBy}, {response.organisation.name}
          </dd>
        </div>
        <div>
          <dt>Offentliggørelse</dt>
          <dd>{response.publish ? 'Må offentliggøres, når høringen er afsluttet' : 'Offentliggøres ikke'}</dd>
        </div>
        <div>
          <dt>SHA-256</dt>
          <dd className="hd-filed__hash">{response.sha256}</dd>
        </div>
      </dl>
      {response.summary && (
        <section aria-label="Generelle bemærkninger">
          <p className="hd-reply__label">Generelle bemærkninger</p>
          <p className="hd-response__summary">{response.summary}</p>
          {response.reply && (
            <p className="hd-filed__reply">
              <strong>Sekretariatets svar:</strong> {response.reply}
              {response.outcome && ` (${OUTCOME_LABELS[response.outcome]})`}
            </p>
          )}
        </section>
      )}
      <p className="hd-reply__label">{plural(response.comments.length, 'kommentar', 'kommentarer')}</p>
      <ol className="hd-filed__comments">
        {response.comments.map((comment) => (
          <li key={comment.id}>
            <p className="muted">{comment.blockId ? capitalise(byId.get(comment.blockId)?.label ?? 'et afsnit af høringsudkastet') : 'Generel bemærkning'}</p>
            {comment.quote && <blockquote>»{comment.quote}«</blockquote>}
            <p>{comment.text}</p>
            {comment.reply && (
              <p className="hd-filed__reply">
                <strong>Sekretariatets svar:</strong> {comment.reply}
                {comment.outcome && ` (${OUTCOME_LABELS[comment.outcome]})`}
              </p>
            )}
          </li>
        ))}
      </ol>
      <AttachmentList attachments={response.attachments} organisationName={response.organisation.name} />
      <div className="hd-actions">
        <button type="button" onClick={() => void receipt.download(response.receiptUrl)} disabled={receipt.busy}>
          Hent kvittering (PDF)<span className="visually-hidden"> for {response.reference}</span>
        </button>
      </div>
      {receipt.error && (
        <p className="error" role="alert">
          {receipt.error}
        </p>
      )}
    </article>
  );
}
