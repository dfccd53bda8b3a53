import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZeroDraftApi } from '../../shared/api/contract';
import { sourceKinds, unLanguages, type SearchHit, type SourceKind } from '../../shared/domain/inputs';
import type { ProcessEvent } from '../../shared/domain/processTemplate';
import { SnippetText } from './SnippetText';
import { useLibraryVersion } from './useLibraryVersion';

const searchDelayMilliseconds = 150;

/** Full-text search of the library (all six UN languages), with filters; each hit can be linked. */
export function LibrarySearch({ api, handle, events, onLink }: { api: ZeroDraftApi; handle: string; events: ProcessEvent[]; onLink: ((hit: SearchHit) => void) | null }) {
  const { t, i18n } = useTranslation();
  const eventLanguage = i18n.language === 'zh' ? 'zh' : 'en';
  const [eventId, setEventId] = useState('');
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<SourceKind | ''>('');
  const [language, setLanguage] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const libraryVersion = useLibraryVersion(api, handle);

  useEffect(() => {
    const focus = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'f') { event.preventDefault(); inputRef.current?.focus(); }
    };
    window.addEventListener('keydown', focus);
    return () => window.removeEventListener('keydown', focus);
  }, []);

  useEffect(() => {
    if (query.trim() === '') { setHits([]); return undefined; }
    const timer = setTimeout(() => {
      const filters = { kinds: kind === '' ? undefined : [kind], eventIds: eventId === '' ? undefined : [eventId], languages: language === '' ? undefined : [language], limit: 30 };
      api.inputs.search(handle, query, filters).then((found) => { setHits(found); setError(null); }, (caught: unknown) => setError(String(caught)));
    }, searchDelayMilliseconds);
    return () => clearTimeout(timer);
  }, [api, handle, query, kind, eventId, language, libraryVersion]);

  return (
    <section className="zd-library-search">
      <h4>{t('sources.search')}</h4>
      <input ref={inputRef} type="search" className="zd-search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder={t('sources.searchHint')} aria-label={t('sources.search')} />
      <div className="zd-filters">
        <select value={kind} onChange={(event) => setKind(event.target.value as SourceKind | '')} aria-label={t('sources.filterKind')}>
          <option value="">{t('sources.allKinds')}</option>
          {sourceKinds.map((option) => <option key={option} value={option}>{t(`sourceKind.${option}`)}</option>)}
        </select>
        <select value={eventId} onChange={(event) => setEventId(event.target.value)} aria-label={t('import.event')}>
          <option value="">{t('sources.allEvents')}</option>
          {events.filter((event) => event.kind !== 'negotiation-round' && event.kind !== 'revision').map((event) => <option key={event.id} value={event.id}>{event.title[eventLanguage]}</option>)}
        </select>
        <select value={language} onChange={(event) => setLanguage(event.target.value)} aria-label={t('sources.filterLanguage')}>
          <option value="">{t('sources.allLanguages')}</option>
          {unLanguages.map((option) => <option key={option} value={option}>{option}</option>)}
        </select>
      </div>
      {error !== null && <p className="zd-error">{error}</p>}
      <ul className="zd-hit-list">
        {hits.map((hit) => (
          <li key={hit.passageId} className="zd-search-hit">
            <div className="zd-passage-source">{hit.sourceTitle} ¶{hit.passageNumber ?? hit.ordinal}</div>
            <SnippetText parts={hit.snippet} />
            {onLink !== null && <button type="button" onClick={() => onLink(hit)}>{t('sources.link')}</button>}
          </li>
        ))}
      </ul>
      {query.trim() !== '' && hits.length === 0 && error === null && <p className="zd-muted">{t('sources.noHit')}</p>}
    </section>
  );
}
