import { HearingResponse } from '../graphql/hearings';
import { useDownload } from '../hooks/use-download';

type Attachment = HearingResponse['attachments'][number];

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} kB` : `${(bytes / (1024 * 1024)).toLocaleString('da-DK', { maximumFractionDigits: 1 })} MB`);
const kind = (contentType: string) => (contentType === 'application/pdf' ? 'PDF' : 'Word');

/** The files filed with a response, each downloadable by those who may read the response. */
export function AttachmentList({ attachments, organisationName }: { attachments: Attachment[]; organisationName: string }) {
  if (attachments.length === 0) return null;
  return (
    <div className="hd-attachments">
      <p className="hd-reply__label">Bilag</p>
      <ul className="hd-attachments__list">
        {attachments.map((attachment) => (
          <AttachmentItem key={attachment.id} attachment={attachment} organisationName={organisationName} />
        ))}
      </ul>
    </div>
  );
}

function AttachmentItem({ attachment, organisationName }: { attachment: Attachment; organisationName: string }) {
  const file = useDownload(attachment.fileName);
  return (
    <li>
      <button type="button" className="hd-link-button" onClick={() => void file.download(attachment.url)} disabled={file.busy}>
        {attachment.fileName}
        <span className="visually-hidden"> fra {organisationName}</span>
      </button>{' '}
      <span className="muted">
        ({kind(attachment.contentType)}, {size(attachment.size)})
      </span>
      {file.error && (
        <p className="error" role="alert">
          {file.error}
        </p>
      )}
    </li>
  );
}
