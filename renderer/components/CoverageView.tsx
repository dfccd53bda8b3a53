import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZeroDraftApi } from '../../shared/api/contract';
import type { Coverage } from '../../shared/domain/coverage';
import type { ProcessEvent } from '../../shared/domain/processTemplate';
import { useLibraryVersion } from '../panels/useLibraryVersion';

function Bar({ label, reflected, total, onClick }: { label: string; reflected: number; total: number; onClick?: () => void }) {
  const share = total === 0 ? 0 : reflected / total;
  return (
    <button type="button" className="zd-bar" onClick={onClick} title={`${reflected} / ${total}`}>
      <span className="zd-bar-label">{label}</span>
      <span className="zd-bar-track"><span className="zd-bar-fill" style={{ width: `${Math.round(share * 100)}%` }} /></span>
      <span className="zd-bar-value">{reflected} / {total}</span>
    </button>
  );
}

/**
 * The coverage of the inputs, as a co-facilitator reads it at a glance: per process event and per
 * source, how many passages the draft reflects; the paragraphs no input backs, each a click away.
 */
export function CoverageView({ api, handle, events, onGoToParagraph, onClose }: {
  api: ZeroDraftApi; handle: string; events: ProcessEvent[]; onGoToParagraph: (paragraphId: string) => void; onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'zh' ? 'zh' : 'en';
  const [coverage, setCoverage] = useState<Coverage | null>(null);
  const [openSource, setOpenSource] = useState<string | null>(null);
  const libraryVersion = useLibraryVersion(api, handle);
  useEffect(() => { void api.inputs.coverage(handle).then(setCoverage); }, [api, handle, libraryVersion]);
  const eventTitle = (id: string): string => events.find((event) => event.id === id)?.title[language] ?? id;

  return (
    <div className="zd-dialog-backdrop" role="presentation" onKeyDown={(event) => { if (event.key === 'Escape') onClose(); }}>
      <div className="zd-dialog zd-coverage" role="dialog" aria-modal="true" aria-label={t('coverage.title')}>
        <h2>{t('coverage.title')}</h2>
        {coverage === null ? <p className="zd-muted">{t('app.loading')}</p> : (
          <>
            <p>{t('coverage.summary', { reflected: coverage.reflectedPassages, total: coverage.totalPassages, without: coverage.paragraphsWithoutInputs, paragraphs: coverage.paragraphs.length })}</p>
            <h3>{t('coverage.byEvent')}</h3>
            {coverage.events.map((event) => <Bar key={event.eventId} label={eventTitle(event.eventId)} reflected={event.reflected} total={event.passages} />)}
            <h3>{t('coverage.bySource')}</h3>
            {coverage.sources.map((source) => (
              <div key={source.sourceId}>
                <Bar label={source.title} reflected={source.reflected} total={source.passages} onClick={() => setOpenSource(openSource === source.sourceId ? null : source.sourceId)} />
                {openSource === source.sourceId && <p className="zd-muted">{t('coverage.unreflected', { count: source.unreflectedPassageIds.length })}</p>}
              </div>
            ))}
            <h3>{t('coverage.withoutInputs')}</h3>
            <div className="zd-paragraph-chips">
              {coverage.paragraphs.filter((paragraph) => paragraph.inputs === 0).map((paragraph) => (
                <button type="button" key={paragraph.paragraphId} onClick={() => onGoToParagraph(paragraph.paragraphId)}>¶ {paragraph.number}</button>
              ))}
            </div>
          </>
        )}
        <div className="zd-dialog-actions"><button type="button" onClick={onClose}>{t('dialog.cancel')}</button></div>
      </div>
    </div>
  );
}
