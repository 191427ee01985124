import { ReactNode, useId } from 'react';
import { HearingResponse } from '../graphql/hearings';
import { useDownload } from '../hooks/use-download';
import { KIND_LABELS, plural } from '../lib/labels';
import { formatDateTime } from '../lib/time';
import { AttachmentList } from './attachment-list';
import { ResponseReplyForm } from './response-reply-form';

/**
 * Every response received, newest last, each with its receipt; until they are loaded (or asked
 * for), `placeholder` in their place. The panel and its `children` stay where they are when the
 * responses arrive, so a form or a disclosure among the children keeps what the person did.
 */
export function ResponsesPanel({
  count,
  responses,
  liveNote,
  placeholder,
  children,
}: {
  count: number;
  responses?: HearingResponse[];
  liveNote: string;
  placeholder?: ReactNode;
  children?: ReactNode;
}) {
  const id = useId();
  return (
    <section className="card hd-responses" aria-labelledby={`${id}-title`}>
      <div className="hd-section-head">
        <h2 id={`${id}-title`}>Høringssvar ({responses?.length ?? count})</h2>
        <span className="hd-live">{liveNote}</span>
      </div>
      {!responses ? (
        placeholder
      ) : responses.length === 0 ? (
        <p className="muted">Der er ikke modtaget høringssvar endnu.</p>
      ) : (
        <ul className="hd-response-list">
          {responses.map((response) => (
            <ResponseItem key={response.id} response={response} />
          ))}
        </ul>
      )}
      {children}
    </section>
  );
}

function ResponseItem({ response }: { response: HearingResponse }) {
  const receipt = useDownload(`kvittering-${response.reference}.pdf`);
  return (
    <li className="hd-response">
      <div className="hd-response__head">
        <h3 className="hd-response__org">{response.organisation.name}</h3>
        <span className="muted">{KIND_LABELS[response.organisation.kind]}</span>
        {response.late && <span className="hd-tag hd-tag--late">Sent svar</span>}
        <span className={response.publish ? 'hd-tag hd-tag--ok' : 'hd-tag'}>{response.publish ? 'Må offentliggøres' : 'Ikke til offentliggørelse'}</span>
      </div>
      <p className="hd-response__meta">
        {response.reference} · modtaget {formatDateTime(response.receivedAt)} · afgivet af {response.submittedBy} ·{' '}
        {plural(response.comments.length, 'kommentar', 'kommentarer')}
      </p>
      {response.summary && (
        <>
          <p className="hd-reply__label">Generelle bemærkninger</p>
          <p className="hd-response__summary">{response.summary}</p>
          <ResponseReplyForm response={response} />
        </>
      )}
      <AttachmentList attachments={response.attachments} organisationName={response.organisation.name} />
      <button type="button" className="small" onClick={() => void receipt.download(response.receiptUrl)} disabled={receipt.busy}>
        Hent kvittering (PDF)<span className="visually-hidden"> for {response.reference}</span>
      </button>
      {receipt.error && (
        <p className="error" role="alert">
          {receipt.error}
        </p>
      )}
    </li>
  );
}
