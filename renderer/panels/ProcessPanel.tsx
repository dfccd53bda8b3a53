import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { documentLayout } from '../../shared/domain/documentLayout';
import { processEventsOf } from '../../shared/domain/processCalendar';


/** Right panel tab: the process calendar kept in the negotiation (editable months and days). */
export function ProcessPanel({ doc }: { doc: Y.Doc }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'zh' ? 'zh' : 'en';
  const array = doc.getArray<Y.Map<unknown>>(documentLayout.process);
  const [events, setEvents] = useState(() => processEventsOf(doc));
  useEffect(() => {
    const update = (): void => setEvents(processEventsOf(doc));
    array.observeDeep(update);
    update();
    return () => array.unobserveDeep(update);
  }, [array, doc]);

  const edit = (index: number, key: 'month' | 'days', value: string): void => {
    const map = array.get(index);
    if (key === 'month' && /^\d{4}-\d{2}$/.test(value)) map.set('month', value);
    if (key === 'days') {
      const days = Number(value);
      if (Number.isInteger(days) && days >= 0 && days <= 60) map.set('days', days);
    }
  };

  return (
    <div className="zd-process">
      <p className="zd-muted">{t('panel.processIntro')}</p>
      <table>
        <thead><tr><th>{t('panel.event')}</th><th>{t('panel.month')}</th><th>{t('panel.days')}</th></tr></thead>
        <tbody>
          {events.map((event, index) => (
            <tr key={event.id} className={`zd-process-${event.kind}`}>
              <td title={event.theme?.[language] ?? event.venue?.[language] ?? ''}>{event.title[language]}</td>
              <td><input type="month" value={event.month} aria-label={`${event.title[language]} ${t('panel.month')}`} onChange={(input) => edit(index, 'month', input.target.value)} /></td>
              <td><input type="number" min={0} max={60} value={event.days ?? ''} aria-label={`${event.title[language]} ${t('panel.days')}`} onChange={(input) => edit(index, 'days', input.target.value)} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
