import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { processEventsOf } from '../../shared/domain/processCalendar';
import { negotiationRounds } from '../../shared/domain/processTemplate';
import { addInformalRound, closeRound, saveRevision, setCurrentRound } from '../../shared/domain/revisions';
import { useCurrentRound, useRevisions } from './useRevisions';

/** Today as YYYY-MM-DD (local time). */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * Right panel tab: the rounds and the named revisions of the negotiation. Save a revision (or
 * close the current round with one), then view, compare or export any revision.
 */
export function RevisionsPanel({ doc, onView, onCompare, onExport }: {
  doc: Y.Doc; onView: (revisionId: string) => void; onCompare: (olderId: string) => void; onExport: (revisionId: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'zh' ? 'zh' : 'en';
  const revisions = useRevisions(doc);
  const round = useCurrentRound(doc);
  const rounds = negotiationRounds(processEventsOf(doc));
  const [name, setName] = useState('');
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [closes, setCloses] = useState(false);
  const [month, setMonth] = useState(today().slice(0, 7));
  const [error, setError] = useState<string | null>(null);
  const suggested = revisions.length === 0 ? t('revisions.zeroDraft') : `Rev ${revisions.length}`;

  const attempt = (action: () => void): void => {
    try {
      action();
      setError(null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };
  const save = (): void => attempt(() => {
    const request = { name: name.trim() || suggested, date, note: note.trim() };
    if (closes) closeRound(doc, { ...request, round });
    else saveRevision(doc, request);
    setName('');
    setNote('');
    setCloses(false);
  });

  return (
    <div className="zd-revisions">
      <section aria-label={t('revisions.rounds')}>
        <h3>{t('revisions.rounds')}</h3>
        <label>{t('revisions.currentRound')}{' '}
          <select value={round} onChange={(event) => attempt(() => setCurrentRound(doc, Number(event.target.value)))}>
            {rounds.map((event) => <option key={event.id} value={event.number}>{event.title[language]} · {event.month}</option>)}
          </select>
        </label>
        <div className="zd-row">
          <input type="month" value={month} aria-label={t('revisions.informalMonth')} onChange={(event) => setMonth(event.target.value)} />
          <button type="button" onClick={() => attempt(() => { addInformalRound(doc, month); })}>{t('revisions.addInformal')}</button>
        </div>
      </section>
      <section aria-label={t('revisions.save')}>
        <h3>{t('revisions.save')}</h3>
        <input value={name} placeholder={suggested} aria-label={t('revisions.name')} onChange={(event) => setName(event.target.value)} />
        <input type="date" value={date} aria-label={t('revisions.date')} onChange={(event) => setDate(event.target.value)} />
        <input value={note} placeholder={t('revisions.notePlaceholder')} aria-label={t('revisions.note')} onChange={(event) => setNote(event.target.value)} />
        <label><input type="checkbox" checked={closes} onChange={(event) => setCloses(event.target.checked)} /> {t('revisions.closesRound', { number: round })}</label>
        <button type="button" onClick={save}>{t('revisions.saveButton')}</button>
        {error !== null && <p className="zd-error" role="alert">{error}</p>}
      </section>
      <section aria-label={t('revisions.list')}>
        <h3>{t('revisions.list')}</h3>
        <button type="button" onClick={() => onExport(null)}>{t('revisions.exportCurrent')}</button>
        {revisions.length === 0 ? <p className="zd-muted">{t('revisions.none')}</p> : (
          <ul className="zd-revision-list">
            {[...revisions].reverse().map((revision) => (
              <li key={revision.id} data-revision={revision.name}>
                <strong>{revision.name}</strong> <span className="zd-muted">{revision.date}{revision.round === null ? '' : ` · ${t('revisions.closedRound', { number: revision.round })}`}</span>
                {revision.note !== '' && <div className="zd-muted">{revision.note}</div>}
                <div className="zd-row">
                  <button type="button" onClick={() => onView(revision.id)}>{t('revisions.view')}</button>
                  <button type="button" onClick={() => onCompare(revision.id)}>{t('revisions.compare')}</button>
                  <button type="button" onClick={() => onExport(revision.id)}>{t('revisions.export')}</button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
