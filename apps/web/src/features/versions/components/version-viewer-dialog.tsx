import { draftExtensions, JSONContent } from '@aftalerum/editor';
import { useQuery } from '@apollo/client/react';
import { EditorContent, useEditor } from '@tiptap/react';
import { useMemo } from 'react';
import { Dialog } from '../../../components/dialog';
import { errorMessage } from '../../../lib/apollo';
import { formatDateTime } from '../../../lib/format';
import { SECTION_KIND_LABEL_VARIABLES } from '../../../lib/section-kind-style';
import { AGREEMENT_VERSION } from '../graphql/versions';

/** One frozen version, read-only, as it was locked. */
export function VersionViewerDialog({ versionId, onClose }: { versionId: string; onClose: () => void }) {
  const { data, loading, error } = useQuery(AGREEMENT_VERSION, { variables: { id: versionId }, fetchPolicy: 'cache-first' });
  const version = data?.agreementVersion;

  return (
    <Dialog
      title={version ? `Version ${version.number}: ${version.label}` : 'Version'}
      onClose={onClose}
      description={
        version ? (
          <>
            Låst <time dateTime={version.createdAt}>{formatDateTime(version.createdAt)}</time>
            {version.createdBy && <> af {version.createdBy.name}</>}. Versionen kan ikke ændres.
          </>
        ) : undefined
      }
    >
      {loading && !data && <p aria-live="polite">Henter versionen…</p>}
      {error && (
        <p className="error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {data && !version && <p>Versionen findes ikke.</p>}
      {version && <ReadOnlyDocument content={version.content} label={`Version ${version.number}: ${version.label}`} />}
    </Dialog>
  );
}

const parse = (content: string): JSONContent | null => {
  try {
    return JSON.parse(content) as JSONContent;
  } catch {
    return null;
  }
};

/** A non-collaborative, read-only Tiptap rendering of a draft's JSON. */
export function ReadOnlyDocument({ content, label }: { content: string; label: string }) {
  const json = useMemo(() => parse(content), [content]);
  const editor = useEditor(
    {
      extensions: draftExtensions(),
      content: json,
      editable: false,
      editorProps: {
        attributes: { class: 'draft draft--frozen', role: 'document', 'aria-label': label, tabindex: '0', lang: 'da' },
      },
    },
    [json, label],
  );
  if (!json) {
    return (
      <p className="error" role="alert">
        Versionens indhold kunne ikke læses.
      </p>
    );
  }
  return (
    <div className="draft-paper draft-paper--frozen" style={SECTION_KIND_LABEL_VARIABLES}>
      <EditorContent editor={editor} />
    </div>
  );
}
