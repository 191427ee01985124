import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../../lib/apollo';
import { colorForUser } from '../../../lib/user-color';
import { useAuth } from '../../auth/hooks/use-auth';
import { VersionsPanel } from '../../versions/components/versions-panel';
import { EDITOR_AGREEMENT, EditorAgreement } from '../graphql/editor';
import { useCollaboration } from '../hooks/use-collaboration';
import { usePresence } from '../hooks/use-presence';
import { ConnectionStatus } from './connection-status';
import { ExportMenu } from './export-menu';
import { LiveDraft } from './live-draft';
import { PresenceList } from './presence-list';
import { OrphanedAnchors, useAnchorCounts } from '../../letters/components/anchors-panel';

/** /aftaler/:id — the live draft of one agreement, written together. */
export function EditorPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { data, loading, error } = useQuery(EDITOR_AGREEMENT, { variables: { id } });
  const agreement = data?.agreement;

  if (loading && !data) return <p aria-live="polite">Henter aftalen…</p>;
  if (error && !data) {
    return (
      <p className="error" role="alert">
        {errorMessage(error)}
      </p>
    );
  }
  if (!agreement) {
    return (
      <section aria-labelledby="not-found-title">
        <h1 id="not-found-title">Aftalen findes ikke</h1>
        <p>Aftalen findes ikke, eller du har ikke adgang til den.</p>
        <Link to="/">Tilbage til aftalerne</Link>
      </section>
    );
  }
  return <EditorWorkspace key={agreement.id} agreement={agreement} />;
}

function EditorWorkspace({ agreement }: { agreement: EditorAgreement }) {
  const { user: currentUser } = useAuth();
  const userId = currentUser?.id ?? '';
  const userName = currentUser?.name ?? 'Ukendt';
  const user = useMemo(() => ({ name: userName, color: colorForUser(userId) }), [userId, userName]);
  const { collaboration, connection, loaded, readOnlyScope, refusedReason, suggestionRefused } = useCollaboration(agreement.documentName, user);
  const others = usePresence(collaboration?.provider ?? null);
  const editable = (agreement.canEdit || agreement.canSuggest) && !readOnlyScope;
  const organisationName = currentUser?.organisation.name ?? '';
  const author = useMemo(() => ({ id: userId, name: userName, organisation: organisationName }), [userId, userName, organisationName]);
  const anchors = useAnchorCounts(agreement.id, agreement.canEdit);

  const readOnlyNotice = (
    <p className="readonly-notice">
      <span aria-hidden="true">🔒 </span>Skrivebeskyttet – du kan læse med
    </p>
  );

  return (
    <article className="editor-page" aria-labelledby="editor-title">
      <header className="editor-header">
        <p className="editor-header__back">
          <Link to="/">
            <span aria-hidden="true">← </span>Alle aftaler
          </Link>
        </p>
        <h1 id="editor-title">{agreement.title}</h1>
        <div className="editor-header__meta">
          <ConnectionStatus state={connection} readOnly={!editable} />
          <PresenceList others={others} />
          <ExportMenu agreementId={agreement.id} />
        </div>
      </header>
      {refusedReason && (
        <p className="error" role="alert">
          Udkastet kunne ikke åbnes: {refusedReason}
        </p>
      )}
      {suggestionRefused && (
        <p className="notice" role="status">
          {suggestionRefused} Udkastet er hentet igen fra serveren.
        </p>
      )}
      <div className="workspace">
        {collaboration && loaded ? (
          <LiveDraft
            collaboration={collaboration}
            user={user}
            editable={editable}
            readOnlyNotice={readOnlyNotice}
            agreementId={agreement.id}
            canWrite={agreement.canEdit}
            canSuggest={agreement.canSuggest}
            author={author}
            anchorCounts={anchors.counts}
            aside={<VersionsPanel agreementId={agreement.id} canEdit={agreement.canEdit} />}
          />
        ) : (
          <>
            <nav className="outline" aria-label="Indholdsfortegnelse">
              <h2>Indholdsfortegnelse</h2>
              <p className="muted">Indlæser afsnit…</p>
            </nav>
            <section className="draft-pane" aria-label="Udkast">
              <p className="draft-loading" aria-live="polite">
                {refusedReason ? 'Udkastet er ikke tilgængeligt.' : 'Henter udkastet…'}
              </p>
            </section>
            <div className="side-column">
              <VersionsPanel agreementId={agreement.id} canEdit={agreement.canEdit} />
            </div>
          </>
        )}
      </div>
      <OrphanedAnchors orphaned={anchors.orphaned} />
    </article>
  );
}
