import { useEffect, useMemo, useState } from 'react';
import type { SyncState, ZeroDraftApi } from '../../shared/api/contract';
import { SyncSession, type OnlinePerson } from './syncSession';
import type { WorkspaceReplica } from './workspaceReplica';

/** The sync session of the open workspace: made with the replica, destroyed with it. */
export function useSyncSession(api: ZeroDraftApi, replica: WorkspaceReplica | null): SyncSession | null {
  const [session, setSession] = useState<SyncSession | null>(null);
  useEffect(() => {
    if (replica === null) { setSession(null); return undefined; }
    const next = new SyncSession(api, replica);
    setSession(next);
    return () => next.destroy();
  }, [api, replica]);
  return session !== null && replica !== null && session.handle === replica.opened.handle ? session : null;
}

/** The sync state the host last reported; re-renders only when it changes. */
export function useSyncState(sync: SyncSession): SyncState | null {
  const [state, setState] = useState(sync.state);
  useEffect(() => {
    setState(sync.state);
    return sync.onChange(() => setState(sync.state));
  }, [sync]);
  return state;
}

/**
 * The other people online. Remote cursors move on every keystroke of theirs: the list is
 * compared as text first, so React commits only when someone comes, goes or is renamed.
 */
export function useOnlinePeople(sync: SyncSession): OnlinePerson[] {
  const [key, setKey] = useState(() => JSON.stringify(sync.people()));
  useEffect(() => {
    setKey(JSON.stringify(sync.people()));
    return sync.onChange(() => setKey(JSON.stringify(sync.people())));
  }, [sync]);
  return useMemo(() => JSON.parse(key) as OnlinePerson[], [key]);
}

/** Whether the open workspace is shared read-only (its edits would be refused): false when not shared. */
export function useReadOnly(sync: SyncSession | null): boolean {
  const [readOnly, setReadOnly] = useState(sync?.readOnly ?? false);
  useEffect(() => {
    setReadOnly(sync?.readOnly ?? false);
    if (sync === null) return undefined;
    return sync.onChange(() => setReadOnly(sync.readOnly));
  }, [sync]);
  return readOnly;
}
