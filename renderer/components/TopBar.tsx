import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecentWorkspace } from '../../shared/api/contract';

/** Top of the window: the workspace menu, sharing, who is online and the current mode. */
export function TopBar({ name, recent, onNew, onOpen, onJoin, onOpenPath, onOpenSample, onClose, outlineVisible, onToggleOutline, onCoverage, onShare, online, modeControl }: {
  name: string | null;
  recent: RecentWorkspace[];
  onNew: () => void;
  onOpen: () => void;
  onOpenPath: (path: string) => void;
  onOpenSample: () => void;
  onJoin: () => void;
  onClose: () => void;
  outlineVisible: boolean;
  onToggleOutline: () => void;
  /** Opens the coverage view; null when no workspace is open. */
  onCoverage: (() => void) | null;
  /** Opens the Share dialog; null when no workspace is open. */
  onShare: (() => void) | null;
  /** Who else is online in the shared workspace. */
  online: ReactNode;
  /** The drafting / proposal mode switch, when a workspace is open. */
  modeControl: ReactNode;
}) {
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);
  const run = (action: () => void) => () => { setMenuOpen(false); action(); };
  return (
    <header className="zd-top-bar">
      <button type="button" className="zd-icon-button" onClick={onToggleOutline} aria-pressed={outlineVisible} title={outlineVisible ? t('outline.hide') : t('outline.show')}>☰</button>
      <div className="zd-workspace-menu">
        <button type="button" className="zd-workspace-name" aria-haspopup="menu" aria-expanded={menuOpen} onClick={() => setMenuOpen(!menuOpen)}>
          {name ?? t('app.name')} ▾
        </button>
        {menuOpen && (
          <ul className="zd-menu" role="menu" onKeyDown={(event) => { if (event.key === 'Escape') setMenuOpen(false); }}>
            <li role="none"><button type="button" role="menuitem" onClick={run(onNew)}>{t('menu.new')}</button></li>
            <li role="none"><button type="button" role="menuitem" onClick={run(onOpen)}>{t('menu.open')}</button></li>
            <li role="none"><button type="button" role="menuitem" onClick={run(onOpenSample)}>{t('menu.openSample')}</button></li>
            <li role="none"><button type="button" role="menuitem" onClick={run(onJoin)}>{t('join.menu')}</button></li>
            {name !== null && <li role="none"><button type="button" role="menuitem" onClick={run(onClose)}>{t('menu.close')}</button></li>}
            <li role="separator" className="zd-menu-heading">{t('menu.recent')}</li>
            {recent.filter((entry) => entry.exists).slice(0, 8).map((entry) => (
              <li role="none" key={entry.path}><button type="button" role="menuitem" title={entry.path} onClick={run(() => onOpenPath(entry.path))}>{entry.name}</button></li>
            ))}
          </ul>
        )}
      </div>
      {onCoverage !== null && <button type="button" className="zd-top-button" onClick={onCoverage}>{t('coverage.button')}</button>}
      {onShare !== null && <button type="button" className="zd-top-button" onClick={onShare} title={t('sync.shortcut')}>{t('sync.share')}</button>}
      <span className="zd-spacer" />
      {online}
      {modeControl}
    </header>
  );
}
