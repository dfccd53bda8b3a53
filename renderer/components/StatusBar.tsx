import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../shared/api/contract';
import { textStatistics } from '../../shared/schema/plainText';
import { numberingOf } from '../editor/numberingPlugin';
import { paragraphAtCursor } from '../editor/negotiationCommands';
import { useEditorSelector, type EditorStore } from '../editor/editorStore';
import type { SaveState, WorkspaceReplica } from '../app/workspaceReplica';

const countDelayMilliseconds = 400;

function useSaveState(replica: WorkspaceReplica): SaveState {
  const [state, setState] = useState(replica.state);
  useEffect(() => replica.onSaveState(setState), [replica]);
  return state;
}

/** Counts words after typing pauses, never on the keystroke itself. */
function useCounts(store: EditorStore): { paragraphs: number; words: number } {
  const doc = useEditorSelector(store, (state) => state?.doc ?? null);
  const [counts, setCounts] = useState({ paragraphs: 0, words: 0 });
  useEffect(() => {
    if (doc === null) return undefined;
    const timer = setTimeout(() => {
      const statistics = textStatistics(doc);
      setCounts({ paragraphs: statistics.paragraphs, words: statistics.words });
    }, countDelayMilliseconds);
    return () => clearTimeout(timer);
  }, [doc]);
  return counts;
}

/** Bottom of the window: save state, counts, position, UI language. */
export function StatusBar({ replica, store, language, onLanguage }: {
  replica: WorkspaceReplica; store: EditorStore; language: UiLanguage; onLanguage: (language: UiLanguage) => void;
}) {
  const { t } = useTranslation();
  const save = useSaveState(replica);
  const counts = useCounts(store);
  const position = useEditorSelector(store, (state) => {
    if (state === null) return '';
    const paragraph = paragraphAtCursor(state);
    const numbering = numberingOf(state);
    const block = paragraph === null ? undefined : numbering?.byId.get(String(paragraph.node.attrs.id));
    return block === undefined ? '' : t('status.position', { number: block.number, total: numbering?.numbering.paragraphCount ?? 0 });
  });
  const saveText = save.kind === 'saving' ? t('status.saving')
    : save.kind === 'error' ? t('status.error', { message: save.message })
      : save.at === null ? t('status.saved') : t('status.savedAt', { time: new Date(save.at).toLocaleTimeString() });

  return (
    <footer className="zd-status-bar">
      <span className={`zd-save zd-save-${save.kind}`} data-save-state={save.kind} role="status">{saveText}</span>
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
