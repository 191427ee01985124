import { useEffect, useId, useRef } from 'react';
import { HearingResponse } from '../graphql/hearings';
import { useDownload } from '../hooks/use-download';
import { plural } from '../lib/labels';
import { formatDateTimeWithSeconds } from '../lib/time';

/** The receipt shown right after submitting: the reference, the time stamp and the receipt PDF. */
export function ResponseReceipt({ response, versionLabel, onAnother }: { response: HearingResponse; versionLabel: string; onAnother: (() => void) | null }) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const receipt = useDownload(`kvittering-${response.reference}.pdf`);

  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="card hd-receipt" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        Høringssvaret er modtaget
      </h2>
      <p>Tak for jeres høringssvar. Gem kvitteringen: den viser, at svaret er modtaget inden fristen.</p>
      <dl className="hd-receipt__facts">
        <div>
          <dt>Kvitteringsnummer</dt>
          <dd className="hd-receipt__reference">{response.reference}</dd>
        </div>
        <div>
          <dt>Afsender</dt>
          <dd>{response.sender}</dd>
        </div>
        <div>
          <dt>Høringsudkast</dt>
          <dd>{versionLabel}</dd>
        </div>
        <div>
          <dt>Modtaget</dt>
          <dd>
            <time dateTime={response.receivedAt}>{formatDateTimeWithSeconds(response.receivedAt)}</time>
          </dd>
        </div>
        <div>
          <dt>Afgivet af</dt>
          <dd>
            {response.submittedBy}, {response.organisation.name}
          </dd>
        </div>
        <div>
          <dt>Indhold</dt>
          <dd>
            {plural(response.comments.length, 'kommentar', 'kommentarer')}
            {response.summary ? ' og generelle bemærkninger' : ''}
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
      <div className="hd-actions">
        <button type="button" className="primary" onClick={() => void receipt.download(response.receiptUrl)} disabled={receipt.busy}>
          {receipt.busy ? 'Henter kvitteringen…' : 'Hent kvittering (PDF)'}
        </button>
        {onAnother && (
          <button type="button" onClick={onAnother}>
            Skriv et nyt høringssvar
          </button>
        )}
      </div>
      <p className="hd-hint" role="status" aria-live="polite">
        {receipt.file && (
          <>
            Kvitteringen er hentet:{' '}
            <a href={receipt.file.href} download={receipt.file.filename}>
              {receipt.file.filename}
            </a>
          </>
        )}
      </p>
      {receipt.error && (
        <p className="error" role="alert">
          {receipt.error}
        </p>
      )}
    </section>
  );
}
