import { useTranslation } from 'react-i18next';
import { paragraphStatuses, type ParagraphStatus } from '../../shared/schema/negotiationSchema';
import { paragraphAtCursor, setParagraphStatus } from '../editor/negotiationCommands';
import { numberingOf } from '../editor/numberingPlugin';
import { useEditorSelector, type EditorStore } from '../editor/editorStore';

/** A compact description of the block at the cursor, as a string so the panel re-renders only when it changes. */
function describeCursor(store: EditorStore): string {
  const state = store.getState();
  if (state === null) return '';
  const node = state.selection.$from.parent;
  const numbering = numberingOf(state);
  const block = numbering?.byId.get(String(node.attrs.id ?? ''));
  const paragraph = paragraphAtCursor(state);
  if (block === undefined || paragraph === null) return '';
  return [block.kind, block.label, block.kind === 'paragraph' ? block.number : block.parentNumber, paragraph.node.attrs.status, block.id].join('\u0000');
}

/** Right panel tab: the paragraph at the cursor, its number, status and stable id. */
export function ParagraphPanel({ store }: { store: EditorStore }) {
  const { t } = useTranslation();
  const description = useEditorSelector(store, () => describeCursor(store), 100);
  if (description === '') return <p className="zd-muted">{t('panel.noParagraph')}</p>;
  const [kind, label, number, status, id] = description.split('\u0000') as [string, string, string, ParagraphStatus, string];

  const changeStatus = (next: ParagraphStatus): void => {
    const view = store.getView();
    if (view === null) return;
    setParagraphStatus(next)(view.state, view.dispatch);
    view.focus();
  };

  return (
    <div className="zd-paragraph-panel">
      <h3>{kind === 'paragraph' ? t('panel.number', { number }) : t('panel.subparagraphOf', { label, number })}</h3>
      <fieldset className="zd-status-choice">
        <legend>{t('panel.status')}</legend>
        {paragraphStatuses.map((option) => (
          <label key={option} className={`zd-status-option zd-status-${option}`}>
            <input type="radio" name="paragraph-status" checked={status === option} onChange={() => changeStatus(option)} />
            {t(`status.${option}`)}
          </label>
        ))}
      </fieldset>
      <p className="zd-muted">{t('panel.id')}: <code>{id}</code></p>
    </div>
  );
}
