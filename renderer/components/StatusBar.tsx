import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../shared/api/contract';
import { textStatistics } from '../../shared/schema/plainText';
import { numberingOf } from '../editor/numberingPlugin';
import { paragraphAtCursor } from '../editor/negotiationCommands';
import { useEditorSelector, type EditorStore } from '../editor/editorStore';
import type { SaveState, WorkspaceReplica } from '../app/workspaceReplica';
import type { SyncSession } from '../app/syncSession';
import { SyncIndicator } from './SyncIndicator';

const countDelayMilliseconds = 400;
const positionDelayMilliseconds = 200;

const saveTextDelayMilliseconds = 300;

/**
 * The save state for the status bar text, shown after a short pause (errors at once). The
 * `data-save-state` attribute of `element` is kept exact on every change, without a React commit.
 */
function useSaveState(replica: WorkspaceReplica, element: React.RefObject<HTMLElement | null>): SaveState {
  const [state, setState] = useState(replica.state);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = replica.onSaveState((next) => {
      element.current?.setAttribute('data-save-state', next.kind);
      clearTimeout(timer);
      if (next.kind === 'error') setState(next);
      else timer = setTimeout(() => setState(replica.state), saveTextDelayMilliseconds);
    });
    return () => { unsubscribe(); clearTimeout(timer); };
  }, [replica, element]);
  return state;
}

/** Counts words after typing pauses, never on the keystroke itself. */
function useCounts(store: EditorStore): { paragraphs: number; words: number } {
  const doc = useEditorSelector(store, (state) => state?.doc ?? null, countDelayMilliseconds);
  const [counts, setCounts] = useState({ paragraphs: 0, words: 0 });
  useEffect(() => {
    if (doc === null) return undefined;
    const statistics = textStatistics(doc);
    setCounts({ paragraphs: statistics.paragraphs, words: statistics.words });
    return undefined;
  }, [doc]);
  return counts;
}

/** Bottom of the window: save state, sync, counts, position, UI language. */
export function StatusBar({ replica, store, language, onLanguage, sync, onShare }: {
  replica: WorkspaceReplica; store: EditorStore; language: UiLanguage; onLanguage: (language: UiLanguage) => void;
  /** The open workspace's sync, for the connection indicator (null until it is set up). */
  sync: SyncSession | null; onShare: () => void;
}) {
  const { t } = useTranslation();
  const saveElement = useRef<HTMLSpanElement>(null);
  const save = useSaveState(replica, saveElement);
  const counts = useCounts(store);
  const position = useEditorSelector(store, (state) => {
    if (state === null) return '';
    const paragraph = paragraphAtCursor(state);
    const numbering = numberingOf(state);
    const block = paragraph === null ? undefined : numbering?.byId.get(String(paragraph.node.attrs.id));
    return block === undefined ? '' : t('status.position', { number: block.number, total: numbering?.numbering.paragraphCount ?? 0 });
  }, positionDelayMilliseconds);
  const saveText = save.kind === 'saving' ? t('status.saving')
    : save.kind === 'error' ? t('status.error', { message: save.message })
      : save.at === null ? t('status.saved') : t('status.savedAt', { time: new Date(save.at).toLocaleTimeString() });

  return (
    <footer className="zd-status-bar">
      <span ref={saveElement} className={`zd-save zd-save-${save.kind}`} data-save-state={replica.state.kind} role="status">{saveText}</span>
      {sync !== null && <SyncIndicator sync={sync} onShare={onShare} />}
      <span className="zd-counts">{t('status.counts', { paragraphs: counts.paragraphs, words: counts.words.toLocaleString() })}</span>
      <span className="zd-position">{position}</span>
      <span className="zd-spacer" />
      <span className="zd-language" role="group" aria-label={t('language.label')}>
        {(['en', 'zh'] as const).map((option) => (
          <button key={option} type="button" className={option === language ? 'zd-active' : ''} aria-pressed={option === language} onClick={() => onLanguage(option)}>
            {t(`language.${option}`)}
          </button>
        ))}
      </span>
    </footer>
  );
}
