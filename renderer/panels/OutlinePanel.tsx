import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { revealBlock } from '../editor/revealBlock';
import { numberingOf } from '../editor/numberingPlugin';
import { useEditorSelector, type EditorStore } from '../editor/editorStore';
import { outlineEntries, type OutlineEntry } from './outlineEntries';

function range(entry: OutlineEntry, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (entry.firstParagraph === 0) return t('outline.none');
  if (entry.firstParagraph === entry.lastParagraph) return t('outline.paragraph', { number: entry.firstParagraph });
  return t('outline.paragraphs', { from: entry.firstParagraph, to: entry.lastParagraph });
}

/** Left of the window: sections and objectives with their paragraph numbers; click to go there. */
export function OutlinePanel({ store }: { store: EditorStore }) {
  const { t } = useTranslation();
  const version = useEditorSelector(store, (state) => (state === null ? 0 : numberingOf(state)?.structureVersion ?? 0), 100);
  const entries = useMemo(() => {
    const state = store.getState();
    const numbering = state === null ? undefined : numberingOf(state)?.numbering;
    return numbering === undefined ? [] : outlineEntries(numbering);
  }, [store, version]);

  const go = (entry: OutlineEntry): void => {
    const view = store.getView();
    if (view !== null) revealBlock(view, entry.id);
  };

  return (
    <nav className="zd-outline" aria-label={t('outline.title')}>
      <h2 className="zd-panel-title">{t('outline.title')}</h2>
      <ul>
        {entries.map((entry) => (
          <li key={entry.id} className={`zd-outline-${entry.kind}`}>
            <button type="button" onClick={() => go(entry)} title={entry.title}>
              <span className="zd-outline-name">
                {entry.kind === 'objective' ? `${t('outline.objective', { number: entry.number })} ` : ''}{entry.title}
              </span>
              <span className="zd-outline-range">{range(entry, t)}</span>
              {entry.adRef > 0 && <span className="zd-badge zd-badge-adref">{t('outline.adRef', { count: entry.adRef })}</span>}
              {entry.agreed > 0 && <span className="zd-badge zd-badge-agreed">{t('outline.agreed', { count: entry.agreed })}</span>}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
