import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostInfo, MenuCommand, OpenedWorkspace, RecentWorkspace, UiLanguage, ZeroDraftApi } from '../../shared/api/contract';
import { StatusBar } from '../components/StatusBar';
import { TopBar } from '../components/TopBar';
import { WorkspaceDialog, type WorkspaceDialogMode } from '../components/WorkspaceDialog';
import { EditorPane } from '../editor/EditorPane';
import { EditorStore } from '../editor/editorStore';
import { goToEnd, goToStart } from '../editor/negotiationCommands';
import { revealBlock } from '../editor/revealBlock';
import { switchLanguage } from '../i18n/i18n';
import { DelegationsPanel } from '../panels/DelegationsPanel';
import { CoverageView } from '../components/CoverageView';
import { ImportDialog } from '../components/ImportDialog';
import { ShareDialog } from '../components/ShareDialog';
import { JoinDialog } from '../components/JoinDialog';
import { OnlinePeople, ReadOnlyNotice } from '../components/SyncIndicator';
import { KeysPanel } from '../panels/KeysPanel';
import { LineagePanel } from '../panels/LineagePanel';
import { RevisionsPanel } from '../panels/RevisionsPanel';
import { CompareView } from '../components/CompareView';
import { ExportDialog, type ExportPreset } from '../components/ExportDialog';
import { RevisionView } from '../components/RevisionView';
import { SourcesPanel } from '../panels/SourcesPanel';
import { ProposalsPanel } from '../panels/ProposalsPanel';
import { ProposalLayer } from '../components/ProposalLayer';
import { ProposalModeControl } from '../components/ProposalModeControl';
import { ProposalViewSelect } from '../components/ProposalViewSelect';
import type { ProposalView } from '../panels/proposalStyles';
import { processEventsOf } from '../../shared/domain/processCalendar';
import { negotiationRounds } from '../../shared/domain/processTemplate';
import { OutlinePanel } from '../panels/OutlinePanel';
import { ParagraphPanel } from '../panels/ParagraphPanel';
import { ProcessPanel } from '../panels/ProcessPanel';
import type { EarlyCommands } from './startApp';
import { useReadOnly, useSyncSession } from './useSyncSession';
import { WorkspaceReplica } from './workspaceReplica';

type RightTab = 'paragraph' | 'proposals' | 'sources' | 'lineage' | 'revisions' | 'process' | 'delegations' | 'keys';

/** Full views over the window about revisions: one revision, a comparison, the export dialog. */
type RevisionOverlay = { kind: 'view'; revisionId: string } | { kind: 'compare'; olderId: string } | { kind: 'export'; preset: ExportPreset };

/** The negotiation rounds of the process calendar, by number. */
function roundNumbers(doc: WorkspaceReplica['doc']): number[] {
  const rounds = negotiationRounds(processEventsOf(doc)).map((event) => event.number ?? 0).filter((number) => number > 0);
  return rounds.length === 0 ? [1] : rounds;
}

async function closeReplica(api: ZeroDraftApi, replica: WorkspaceReplica): Promise<void> {
  await replica.settle();
  replica.destroy();
  await api.workspace.close(replica.opened.handle);
}

/** The one window: top bar, outline, text, context panel, status bar. */
export function App({ api, host, initialLanguage, startup, early, disconnected }: {
  api: ZeroDraftApi; host: HostInfo; initialLanguage: UiLanguage; startup: Promise<OpenedWorkspace>; early: EarlyCommands; disconnected: boolean;
}) {
  const { t } = useTranslation();
  const [replica, setReplica] = useState<WorkspaceReplica | null>(null);
  const [recent, setRecent] = useState<RecentWorkspace[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [dialog, setDialog] = useState<WorkspaceDialogMode | null>(null);
  const [language, setLanguage] = useState(initialLanguage);
  const [outlineVisible, setOutlineVisible] = useState(true);
  const [tab, setTab] = useState<RightTab>('paragraph');
  const [overlay, setOverlay] = useState<'import' | 'coverage' | 'share' | 'join' | null>(null);
  const [proposalView, setProposalView] = useState<ProposalView>('compilation');
  const [revisionOverlay, setRevisionOverlay] = useState<RevisionOverlay | null>(null);
  const store = useMemo(() => new EditorStore(), []);
  const replicaRef = useRef<WorkspaceReplica | null>(null);
  const sync = useSyncSession(api, replica);
  // A read-only invitation: every control that would change the negotiation is disabled.
  const readOnly = useReadOnly(sync);

  /** Replaces the open workspace, closing the previous one once its changes are stored. */
  const showReplica = useCallback((next: WorkspaceReplica | null) => {
    const previous = replicaRef.current;
    replicaRef.current = next;
    setReplica(next);
    if (previous !== null) void closeReplica(api, previous);
  }, [api]);

  const refreshRecent = useCallback(() => { void api.app.recentWorkspaces().then(setRecent); }, [api]);

  const openWorkspace = useCallback(async (path: string | Promise<OpenedWorkspace>, create: { sample: boolean } | null) => {
    try {
      const opened = typeof path !== 'string' ? await path : create === null ? await api.workspace.open(path) : await api.workspace.create(path, create);
      showReplica(new WorkspaceReplica(api, opened));
      setError(null);
      setDialog(null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      refreshRecent();
    }
  }, [api, showReplica, refreshRecent]);

  const choosePath = useCallback(async (mode: WorkspaceDialogMode) => {
    if (!host.canPickFiles) { setDialog(mode); return; }
    const path = await api.app.pickWorkspacePath(mode);
    if (path !== null) await openWorkspace(path, mode === 'create' ? { sample: false } : null);
  }, [api, host, openWorkspace]);

  const changeLanguage = useCallback((next: UiLanguage) => {
    setLanguage(next);
    void switchLanguage(next);
    void api.app.setPreferences({ language: next });
  }, [api]);

  const runEditorCommand = useCallback((command: typeof goToStart) => {
    const view = store.getView();
    if (view !== null) { command(view.state, view.dispatch); view.focus(); }
  }, [store]);

  const onMenuCommand = useCallback((command: MenuCommand) => {
    if (typeof command === 'object') { void openWorkspace(command.openPath, null); return; }
    const actions: Record<Exclude<MenuCommand, object>, () => void> = {
      'new-workspace': () => void choosePath('create'),
      'open-workspace': () => void choosePath('open'),
      'close-workspace': () => showReplica(null),
      'open-sample': () => void api.app.sampleWorkspace().then((path) => openWorkspace(path, null)),
      'join-workspace': () => setOverlay('join'),
      share: () => { if (replicaRef.current !== null) setOverlay('share'); },
      export: () => { if (replicaRef.current !== null) setRevisionOverlay({ kind: 'export', preset: { kind: 'clean', revision: null, against: null } }); },
      'go-to-start': () => runEditorCommand(goToStart),
      'go-to-end': () => runEditorCommand(goToEnd),
      'toggle-outline': () => setOutlineVisible((visible) => !visible),
      'language-en': () => changeLanguage('en'),
      'language-zh': () => changeLanguage('zh'),
      about: () => setNotice(t('about', { version: host.version })),
    };
    actions[command]();
  }, [api, choosePath, changeLanguage, showReplica, host, openWorkspace, runEditorCommand, t]);

  useEffect(() => api.app.onDidRequestCommand(onMenuCommand), [api, onMenuCommand]);
  useEffect(() => {
    early.stopBuffering();
    for (const command of early.earlyCommands.splice(0)) onMenuCommand(command);
  }, [early, onMenuCommand]);

  useEffect(() => {
    refreshRecent();
    void openWorkspace(startup, null);
  }, []); // Start-up runs once.

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.key.toLowerCase() === 's' && !event.shiftKey) { event.preventDefault(); setNotice(t('status.alreadySaved')); }
      if (mod && event.key.toLowerCase() === 's' && event.shiftKey && replica !== null) { event.preventDefault(); setOverlay('share'); }
      if (mod && event.key.toLowerCase() === 'o' && !event.shiftKey) { event.preventDefault(); onMenuCommand('open-workspace'); }
      if (mod && event.key.toLowerCase() === 'e' && event.shiftKey && replica !== null) { event.preventDefault(); setRevisionOverlay({ kind: 'export', preset: { kind: 'clean', revision: null, against: null } }); }
    };
    const beforeUnload = (event: BeforeUnloadEvent): void => { if (replica?.hasUnsavedChanges) event.preventDefault(); };
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', beforeUnload);
    return () => { window.removeEventListener('keydown', onKey); window.removeEventListener('beforeunload', beforeUnload); };
  }, [onMenuCommand, replica, t]);

  useEffect(() => {
    if (notice === null) return undefined;
    const timer = setTimeout(() => setNotice(null), 4000);
    return () => clearTimeout(timer);
  }, [notice]);

  return (
    <div className={`zd-window ${outlineVisible ? '' : 'zd-no-outline'}`}>
      <TopBar
        name={replica?.opened.name ?? null} recent={recent} outlineVisible={outlineVisible}
        onNew={() => onMenuCommand('new-workspace')} onOpen={() => onMenuCommand('open-workspace')} onJoin={() => setOverlay('join')}
        onOpenPath={(path) => void openWorkspace(path, null)} onOpenSample={() => onMenuCommand('open-sample')}
        onClose={() => onMenuCommand('close-workspace')} onToggleOutline={() => onMenuCommand('toggle-outline')}
        onCoverage={replica === null ? null : () => setOverlay('coverage')}
        onShare={replica === null ? null : () => setOverlay('share')}
        online={sync === null ? null : <OnlinePeople sync={sync} />}
        modeControl={replica === null ? null : (
          <>
            <ProposalViewSelect doc={replica.doc} view={proposalView} onChange={setProposalView} />
            <fieldset className="zd-plain-fieldset" disabled={readOnly}><ProposalModeControl key={replica.opened.handle} store={store} doc={replica.doc} rounds={roundNumbers(replica.doc)} /></fieldset>
          </>
        )}
      />
      {replica !== null && <ProposalLayer doc={replica.doc} view={proposalView} />}
      {disconnected && <div className="zd-banner zd-banner-error" role="alert">{t('app.hostLost')}</div>}
      {error !== null && (
        <div className="zd-banner zd-banner-error" role="alert">
          <strong>{t('error.title')}:</strong> {error} <button type="button" onClick={() => setError(null)}>{t('error.dismiss')}</button>
        </div>
      )}
      {notice !== null && <div className="zd-banner zd-banner-notice" role="status">{notice}</div>}
      {sync !== null && <ReadOnlyNotice sync={sync} />}
      <main className="zd-desk">
        {replica === null ? <p className="zd-empty">{t('app.noWorkspace')}</p> : (
          <>
            {outlineVisible && <OutlinePanel store={store} />}
            {sync !== null && <EditorPane key={replica.opened.handle} replica={replica} store={store} sync={sync} onRefusedEdit={() => setNotice(t('proposal.refused'))} />}
            <aside className="zd-context">
              <div className="zd-tabs" role="tablist">
                {(['paragraph', 'proposals', 'sources', 'lineage', 'revisions', 'process', 'delegations', 'keys'] as const).map((name) => (
                  <button key={name} type="button" role="tab" aria-selected={tab === name} className={tab === name ? 'zd-active' : ''} onClick={() => setTab(name)}>{t(`panel.${name}`)}</button>
                ))}
              </div>
              <fieldset className="zd-tab-body zd-plain-fieldset" role="tabpanel" disabled={readOnly}>
                {tab === 'paragraph' && <ParagraphPanel store={store} />}
                {tab === 'proposals' && <ProposalsPanel doc={replica.doc} store={store} />}
                {tab === 'sources' && <SourcesPanel api={api} handle={replica.opened.handle} doc={replica.doc} store={store} onImport={() => setOverlay('import')} />}
                {tab === 'lineage' && <LineagePanel api={api} handle={replica.opened.handle} doc={replica.doc} store={store} />}
                {tab === 'revisions' && (
                  <RevisionsPanel
                    doc={replica.doc} onView={(revisionId) => setRevisionOverlay({ kind: 'view', revisionId })}
                    onCompare={(olderId) => setRevisionOverlay({ kind: 'compare', olderId })}
                    onExport={(revision) => setRevisionOverlay({ kind: 'export', preset: { kind: 'clean', revision, against: null } })}
                  />
                )}
                {tab === 'process' && <ProcessPanel doc={replica.doc} />}
                {tab === 'delegations' && <DelegationsPanel />}
                {tab === 'keys' && <KeysPanel />}
              </fieldset>
            </aside>
          </>
        )}
      </main>
      {replica !== null && <StatusBar replica={replica} store={store} language={language} onLanguage={changeLanguage} sync={sync} onShare={() => setOverlay('share')} />}
      {sync !== null && overlay === 'share' && <ShareDialog sync={sync} onClose={() => setOverlay(null)} />}
      {overlay === 'join' && (
        <JoinDialog
          defaultDirectory={host.defaultDirectory} onCancel={() => setOverlay(null)}
          onJoin={async (path, request) => {
            const opened = await api.workspace.join(path, request);
            setOverlay(null);
            await openWorkspace(Promise.resolve(opened), null);
            return opened;
          }}
        />
      )}
      {replica !== null && overlay === 'import' && (
        <ImportDialog
          api={api} host={host} handle={replica.opened.handle} events={processEventsOf(replica.doc)}
          onClose={() => setOverlay(null)} onSaved={(source) => { setOverlay(null); setNotice(t('import.saved', { title: source.title, count: source.passageCount })); }}
        />
      )}
      {replica !== null && overlay === 'coverage' && (
        <CoverageView
          api={api} handle={replica.opened.handle} events={processEventsOf(replica.doc)} onClose={() => setOverlay(null)}
          onGoToParagraph={(paragraphId) => { setOverlay(null); const view = store.getView(); if (view !== null) revealBlock(view, paragraphId); }}
        />
      )}
      {replica !== null && revisionOverlay?.kind === 'view' && (
        <RevisionView doc={replica.doc} revisionId={revisionOverlay.revisionId} onClose={() => setRevisionOverlay(null)} onCompare={() => setRevisionOverlay({ kind: 'compare', olderId: revisionOverlay.revisionId })} />
      )}
      {replica !== null && revisionOverlay?.kind === 'compare' && (
        <CompareView
          doc={replica.doc} initialOlder={revisionOverlay.olderId} onClose={() => setRevisionOverlay(null)}
          onExport={(revision, against) => setRevisionOverlay({ kind: 'export', preset: { kind: 'comparison', revision, against } })}
        />
      )}
      {replica !== null && revisionOverlay?.kind === 'export' && (
        <ExportDialog api={api} host={host} handle={replica.opened.handle} doc={replica.doc} workspaceName={replica.opened.name} preset={revisionOverlay.preset} onClose={() => setRevisionOverlay(null)} />
      )}
      {dialog !== null && (
        <WorkspaceDialog
          mode={dialog} defaultDirectory={host.defaultDirectory} recent={recent}
          onSubmit={(path, sample) => void openWorkspace(path, dialog === 'create' ? { sample } : null)}
          onCancel={() => setDialog(null)}
        />
      )}
    </div>
  );
}
