import { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider';
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { useCollaborationToken } from '../../auth/hooks/use-collaboration-token';

/** What the person sees about the connection to the live draft. */
export type ConnectionState = 'connecting' | 'saving' | 'saved' | 'notSaving' | 'reconnecting' | 'refused';

/** Changes the server has not acknowledged for this long mean saving is stuck, whatever the cause. */
export const UNSYNCED_WARN_MS = 4_000;

/**
 * The server's stateless message about saving (apps/api/src/collaboration/saving-status.ts):
 * `{"type":"aftalerum:saving","status":"failing"|"ok"}`. True while saving fails, false once
 * it works, null for any other message.
 */
export function savingFailsIn(payload: string): boolean | null {
  try {
    const parsed = JSON.parse(payload) as { type?: unknown; status?: unknown } | null;
    if (parsed?.type !== 'aftalerum:saving') return null;
    return parsed.status === 'failing' ? true : parsed.status === 'ok' ? false : null;
  } catch {
    return null;
  }
}

/**
 * The server's stateless message when it refused an update from someone who may only suggest
 * (apps/api/src/collaboration/extensions/write-access.extension.ts): the message to show, else null.
 */
export function suggestionRefusedIn(payload: string): string | null {
  try {
    const parsed = JSON.parse(payload) as { type?: unknown; message?: unknown } | null;
    if (parsed?.type !== 'aftalerum:suggestion-refused') return null;
    return typeof parsed.message === 'string' ? parsed.message : 'Ændringen er ikke gemt.';
  } catch {
    return null;
  }
}

export interface Collaboration {
  provider: HocuspocusProvider;
  ydoc: Y.Doc;
}

export interface CollaborationState {
  /** Null until the provider has been created (after the first render). */
  collaboration: Collaboration | null;
  connection: ConnectionState;
  /** True once the draft has been received from the server; stays true through reconnects. */
  loaded: boolean;
  /** The server gave this connection read-only access. */
  readOnlyScope: boolean;
  /** Why the server refused the connection, if it did. */
  refusedReason: string | null;
  /** The server refused a change that was not a suggestion; the draft was loaded again from the server. */
  suggestionRefused: string | null;
}

/** The collaboration socket at /collab on the page's own host. */
export const collaborationUrl = (): string =>
  `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/collab`;

interface ProviderSnapshot {
  status: WebSocketStatus;
  synced: boolean;
  unsynced: number;
  everSynced: boolean;
  everConnected: boolean;
  scope: string | undefined;
  refusedReason: string | null;
  /** The server said saving fails (it holds the changes and retries). */
  serverNotSaving: boolean;
  /** Local changes have waited longer than UNSYNCED_WARN_MS for the server. */
  unsyncedTooLong: boolean;
}

const INITIAL: ProviderSnapshot = {
  status: WebSocketStatus.Connecting,
  synced: false,
  unsynced: 0,
  everSynced: false,
  everConnected: false,
  scope: undefined,
  refusedReason: null,
  serverNotSaving: false,
  unsyncedTooLong: false,
};

export function connectionStateOf(s: ProviderSnapshot): ConnectionState {
  if (s.refusedReason !== null) return 'refused';
  if (s.status !== WebSocketStatus.Connected || !s.synced) return s.everSynced || s.everConnected ? 'reconnecting' : 'connecting';
  if (s.serverNotSaving || (s.unsynced > 0 && s.unsyncedTooLong)) return 'notSaving';
  return s.unsynced > 0 ? 'saving' : 'saved';
}

/**
 * One Yjs document and one Hocuspocus provider for the live draft, for as long as the
 * component is mounted. The document is never recreated on reconnect, so nothing typed
 * offline is lost: the provider syncs it when the socket is back.
 */
export function useCollaboration(documentName: string, user: { name: string; color: string }): CollaborationState {
  const [collaboration, setCollaboration] = useState<Collaboration | null>(null);
  const [snapshot, setSnapshot] = useState<ProviderSnapshot>(INITIAL);
  const collaborationToken = useCollaborationToken();
  // A refused change leaves the local document unlike the server's: it starts again from the server's.
  const [generation, setGeneration] = useState(0);
  const [suggestionRefused, setSuggestionRefused] = useState<string | null>(null);

  useEffect(() => {
    const ydoc = new Y.Doc();
    const provider = new HocuspocusProvider({
      url: collaborationUrl(),
      name: documentName,
      document: ydoc,
      // A fresh collaboration token for this document on every (re)connect: it is short-lived
      // and bound to the session, so a reconnect after signing out or a changed role is refused.
      token: async () => {
        return collaborationToken(documentName);
      },
    });
    provider.setAwarenessField('user', user);

    const update = (change: Partial<ProviderSnapshot>) =>
      setSnapshot((previous) => {
        const next = { ...previous, ...change };
        next.everSynced ||= next.synced;
        next.everConnected ||= next.status === WebSocketStatus.Connected;
        return next;
      });
    // One timer per stretch of unacknowledged changes: if it fires before they are
    // acknowledged, the person is told saving is stuck.
    let unsyncedTimer: number | undefined;
    const watchUnsynced = () => {
      if (provider.unsyncedChanges === 0) {
        window.clearTimeout(unsyncedTimer);
        unsyncedTimer = undefined;
        update({ unsyncedTooLong: false });
      } else if (unsyncedTimer === undefined) {
        unsyncedTimer = window.setTimeout(() => update({ unsyncedTooLong: provider.unsyncedChanges > 0 }), UNSYNCED_WARN_MS);
      }
    };
    const read = () => {
      watchUnsynced();
      update({
        status: provider.configuration.websocketProvider.status,
        synced: provider.isSynced,
        unsynced: provider.unsyncedChanges,
        scope: provider.authorizedScope,
      });
    };
    const onStateless = ({ payload }: { payload: string }) => {
      const fails = savingFailsIn(payload);
      if (fails !== null) update({ serverNotSaving: fails });
      const refused = suggestionRefusedIn(payload);
      if (refused !== null) {
        setSuggestionRefused(refused);
        setGeneration((n) => n + 1);
      }
    };
    const onRefused = ({ reason }: { reason: string }) => update({ refusedReason: reason || 'Adgang nægtet' });
    const onAuthenticated = () => update({ scope: provider.authorizedScope, refusedReason: null });

    provider.on('status', read);
    provider.on('synced', read);
    provider.on('unsyncedChanges', read);
    provider.on('disconnect', read);
    provider.on('authenticated', onAuthenticated);
    provider.on('authenticationFailed', onRefused);
    provider.on('stateless', onStateless);
    setSnapshot(INITIAL);
    setCollaboration({ provider, ydoc });
    read();

    return () => {
      window.clearTimeout(unsyncedTimer);
      setCollaboration(null);
      provider.destroy();
      ydoc.destroy();
    };
    // The name and colour are set once per document; the caret extension keeps them in awareness.
  }, [documentName, user, collaborationToken, generation]);

  return {
    collaboration,
    connection: connectionStateOf(snapshot),
    loaded: snapshot.everSynced,
    readOnlyScope: snapshot.scope === 'readonly',
    refusedReason: snapshot.refusedReason,
    suggestionRefused,
  };
}
