import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { PassageWithSource, ZeroDraftApi } from '../../shared/api/contract';
import { linkKinds, type LinkKind, type PassageLink, type SearchHit } from '../../shared/domain/inputs';
import { addLink, linksMap, linksOfParagraph, removeLink, updateLink } from '../../shared/domain/links';
import { processEventsOf } from '../../shared/domain/processCalendar';
import type { EditorStore } from '../editor/editorStore';
import { LibrarySearch } from './LibrarySearch';
import { SnippetText } from './SnippetText';
import { useLibraryVersion } from './useLibraryVersion';
import { paragraphText, useParagraphAtCursor } from './useParagraphAtCursor';

/** The links of a paragraph, kept current as the Y.Doc changes (here or on another replica). */
function useParagraphLinks(doc: Y.Doc, paragraphId: string | null): PassageLink[] {
  const [links, setLinks] = useState<PassageLink[]>([]);
  useEffect(() => {
    const map = linksMap(doc);
    const update = (): void => setLinks(paragraphId === null ? [] : linksOfParagraph(doc, paragraphId));
    update();
    map.observeDeep(update);
    return () => map.unobserveDeep(update);
  }, [doc, paragraphId]);
  return links;
}

function LinkedPassage({ link, passage, doc }: { link: PassageLink; passage: PassageWithSource | undefined; doc: Y.Doc }) {
  const { t } = useTranslation();
  return (
    <li className="zd-linked-passage">
      <div className="zd-passage-source">
        {passage === undefined ? t('sources.missingPassage') : `${passage.source.title} ¶${passage.number ?? passage.ordinal}`}
      </div>
      {passage !== undefined && <p className="zd-passage-text">{passage.text}</p>}
      <div className="zd-link-controls">
        <select value={link.kind} aria-label={t('sources.linkKind')} onChange={(event) => updateLink(doc, link.id, { kind: event.target.value as LinkKind })}>
          {linkKinds.map((kind) => <option key={kind} value={kind}>{t(`sources.kind.${kind}`)}</option>)}
        </select>
        <input
          defaultValue={link.note} placeholder={t('sources.note')} aria-label={t('sources.note')}
          onBlur={(event) => { if (event.target.value !== link.note) updateLink(doc, link.id, { note: event.target.value }); }}
        />
        <button type="button" onClick={() => removeLink(doc, link.id)}>{t('sources.unlink')}</button>
      </div>
    </li>
  );
}

/**
 * Right panel tab: the inputs of the paragraph at the cursor: its linked passages (kind, note),
 * passages suggested by similarity, and a search of the whole library, each linked in one click.
 */
export function SourcesPanel({ api, handle, doc, store, onImport }: { api: ZeroDraftApi; handle: string; doc: Y.Doc; store: EditorStore; onImport: () => void }) {
  const { t } = useTranslation();
  const paragraph = useParagraphAtCursor(store);
  const links = useParagraphLinks(doc, paragraph?.id ?? null);
  const [passages, setPassages] = useState(new Map<string, PassageWithSource>());
  const [suggestions, setSuggestions] = useState<SearchHit[]>([]);
  const linkedIds = links.map((link) => link.passageId).join(',');
  const libraryVersion = useLibraryVersion(api, handle);

  useEffect(() => {
    const ids = linkedIds === '' ? [] : linkedIds.split(',');
    void api.inputs.passagesByIds(handle, ids).then((found) => setPassages(new Map(found.map((passage) => [passage.id, passage]))), () => setPassages(new Map()));
  }, [api, handle, linkedIds, libraryVersion]);

  useEffect(() => {
    if (paragraph === null) { setSuggestions([]); return; }
    const text = paragraphText(store, paragraph.id);
    void api.inputs.suggest(handle, text, linkedIds === '' ? [] : linkedIds.split(',')).then(setSuggestions, () => setSuggestions([]));
  }, [api, handle, paragraph, linkedIds, store, libraryVersion]);

  const link = (hit: SearchHit): void => { if (paragraph !== null) addLink(doc, paragraph.id, hit.passageId); };

  return (
    <div className="zd-sources">
      <div className="zd-sources-head">
        <h3>{paragraph === null ? t('sources.noParagraph') : t('sources.title', { number: paragraph.number })}</h3>
        <button type="button" onClick={onImport}>{t('sources.import')}</button>
      </div>
      {paragraph !== null && (
        <>
          {links.length === 0 ? <p className="zd-muted zd-flag">{t('sources.none')}</p> : (
            <ul className="zd-linked-list">{links.map((entry) => <LinkedPassage key={entry.id} link={entry} passage={passages.get(entry.passageId)} doc={doc} />)}</ul>
          )}
          <h4>{t('sources.suggested')}</h4>
          {suggestions.length === 0 ? <p className="zd-muted">{t('sources.noSuggestion')}</p> : (
            <ul className="zd-hit-list">
              {suggestions.map((hit) => (
                <li key={hit.passageId}>
                  <div className="zd-passage-source">{hit.sourceTitle} ¶{hit.passageNumber ?? hit.ordinal}</div>
                  <SnippetText parts={hit.snippet} />
                  <button type="button" onClick={() => link(hit)}>{t('sources.link')}</button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <LibrarySearch api={api} handle={handle} events={processEventsOf(doc)} onLink={paragraph === null ? null : link} />
    </div>
  );
}
